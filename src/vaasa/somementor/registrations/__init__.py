"""Registration for trainings: seats up to the capacity, then a waiting list in order.

The rules live here; the sign-up form, the private page and the coordinators'
list only ask. A training's fi/sv/en versions are one training, so their
registrations are kept once, per translation group (``store``).
"""
