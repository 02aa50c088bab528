"""Keep the catalog's view of who may see what in step with mentor links."""

from plone import api
from vaasa.somementor.loans.bookings import profiles


def loan_changed(loan, event):
    # The named mentor may have changed, and with it who holds the Mentor role here.
    loan.reindexObjectSecurity()


def _user_changed(event):
    if not event.descriptions:
        return True  # nobody said what changed: assume the worst
    # Forms and plone.restapi name a field with its schema: "IMentor.user_id".
    return any(
        name.rsplit(".", 1)[-1] == "user_id"
        for change in event.descriptions
        for name in getattr(change, "attributes", ())
    )


def mentor_changed(mentor, event):
    # Only the linked user decides who holds Mentor; any other edit leaves the loans be,
    # so a busy mentor's profile edit does not reindex hundreds of requests.
    if not _user_changed(event):
        return
    mentor.reindexObjectSecurity()
    catalog = api.portal.get_tool("portal_catalog")
    # Every language version: the user is shared, and loans name any of them.
    for brain in catalog.unrestrictedSearchResults(
        portal_type="LoanRequest", loan_mentor_uid=profiles(mentor)
    ):
        brain._unrestrictedGetObject().reindexObjectSecurity()
