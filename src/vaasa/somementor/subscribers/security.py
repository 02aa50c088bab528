"""Keep the catalog's view of who may see what in step with mentor links."""

from plone import api
from vaasa.somementor.loans.bookings import assigned_mentor


def loan_changed(loan, event):
    # The named mentor may have changed, and with it who holds the Mentor role here.
    loan.reindexObjectSecurity()


def mentor_changed(mentor, event):
    mentor.reindexObjectSecurity()
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="LoanRequest", loan_mentor_uid=mentor.UID()
    ):
        loan = brain._unrestrictedGetObject()
        if assigned_mentor(loan) is not None:
            loan.reindexObjectSecurity()
