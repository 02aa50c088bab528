"""Mail about loan requests, in each recipient's language, sent when the transaction commits.

Subscribers (``vaasa.somementor.subscribers.notifications``) decide what to
send; ``dispatch.notify`` is the one way in. ``mailqueue`` keeps the mail on
disk until the SMTP server takes it.
"""
