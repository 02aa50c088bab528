"""Catalog values of a loan request that the desk and "My loans" show or sort by.

Every cell of a listing row is read from these, so a page of 50 requests loads
no request from the database.
"""

from plone.indexer import indexer
from vaasa.somementor.content.loan_readers import wished_dates
from vaasa.somementor.content.loan_request import ILoanRequest


def _text(name):
    @indexer(ILoanRequest)
    def index(obj):
        return getattr(obj, name, None) or ""

    return index


loan_requester = _text("requester_name")
loan_organisation = _text("organisation")
loan_municipality = _text("municipality")


@indexer(ILoanRequest)
def loan_wished(obj):
    # ISO text, not dates: metadata is pickled into every brain, and text is the smallest.
    return tuple((start.isoformat(), end.isoformat()) for start, end in wished_dates(obj))


@indexer(ILoanRequest)
def loan_owners(obj):
    """Who asked as a signed-in member: they hold Owner on the request (loans.submission)."""
    return tuple(
        sorted(principal for principal, roles in obj.get_local_roles() if "Owner" in roles)
    )
