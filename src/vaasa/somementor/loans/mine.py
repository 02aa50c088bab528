"""A person's own loans: as the mentor lent, and as the member who asked.

The page "My loans" asks these, and so will a REST ``@my-loans``: what counts
as mine is decided here, from catalog metadata, never per loaded request.
"""

from DateTime import DateTime
from plone import api


# A mentor's loans from approval on, grouped by what they need next.
GROUPS = ("to_schedule", "upcoming", "to_complete", "done")
MENTOR_STATES = ("approved", "scheduled", "completed")
# Still open: the requester may withdraw these (the workflow decides, see loans.requester).
OPEN_STATES = ("submitted", "approved", "scheduled")


def mentor_profiles(user_id):
    """UIDs of the Mentor profiles linked to ``user_id``, in every language."""
    if not user_id:
        return ()
    catalog = api.portal.get_tool("portal_catalog")
    linked = catalog.unrestrictedSearchResults(portal_type="Mentor", mentor_user_id=user_id)
    groups = [brain.TranslationGroup for brain in linked if brain.TranslationGroup]
    uids = {brain.UID for brain in linked}
    if groups:
        # The link is shared by translations, yet an old profile may lack it in one language.
        uids |= {
            brain.UID
            for brain in catalog.unrestrictedSearchResults(
                portal_type="Mentor", TranslationGroup=groups
            )
        }
    return tuple(sorted(uids))


def _group(brain, now):
    if brain.review_state == "approved":
        return "to_schedule"
    if brain.review_state == "completed":
        return "done"
    # Scheduled: still ahead until it has ended, then it waits for the report.
    if brain.loan_end is not None and brain.loan_end < now:
        return "to_complete"
    return "upcoming"


def as_mentor(user_id, now=None):
    """The loans lent to ``user_id`` as a mentor, by group, each group in time order.

    Searched with the user's own permissions: the workflow decides what a
    mentor may see, this only picks the ones that are theirs.
    """
    groups = {name: [] for name in GROUPS}
    uids = mentor_profiles(user_id)
    if not uids:
        return groups
    now = now or DateTime()
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.searchResults(
        portal_type="LoanRequest",
        loan_mentor_uid=list(uids),
        review_state=MENTOR_STATES,
        sort_on="loan_month",
    ):
        groups[_group(brain, now)].append(brain)
    # Upcoming soonest first; done latest first.
    groups["upcoming"].sort(key=lambda brain: brain.loan_start or now)
    groups["done"].reverse()
    return groups


def as_requester(user_id):
    """The requests ``user_id`` sent as a signed-in member, newest first."""
    if not user_id:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    return list(
        catalog.searchResults(
            portal_type="LoanRequest",
            loan_owners=user_id,
            sort_on="created",
            sort_order="descending",
        )
    )


def is_mentor(user_id):
    return bool(mentor_profiles(user_id))
