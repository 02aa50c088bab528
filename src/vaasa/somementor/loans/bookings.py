"""What a mentor already has on their calendar, read from catalog metadata."""

from DateTime import DateTime
from plone import api
from vaasa.somementor.settings import setting


# Pending and scheduled loans both take a place in a mentor's month, as in booking systems.
BOOKED_STATES = ("approved", "scheduled")


def assigned_mentor(loan):
    relation = getattr(loan, "mentor", None)
    return relation.to_object if relation is not None and not relation.isBroken() else None


def loan_month(loan):
    """The month a loan belongs to: when it is scheduled, else the first wished day."""
    if loan.scheduled_start:
        return loan.scheduled_start.strftime("%Y-%m")
    for dates in loan.preferred_dates or ():
        return dates["start"][:7]
    return loan.created().strftime("%Y-%m")


def monthly_maximum(mentor):
    own = getattr(mentor, "max_loans_per_month", None)
    return setting("monthly_maximum") if own is None else own


def _loans_of(mentor, **query):
    catalog = api.portal.get_tool("portal_catalog")
    # Unrestricted: a mentor scheduling must also see loans they cannot open.
    return catalog.unrestrictedSearchResults(
        portal_type="LoanRequest", loan_mentor_uid=mentor.UID(), **query
    )


def booked_in_month(mentor, month, exclude=None):
    return [
        brain
        for brain in _loans_of(mentor, review_state=BOOKED_STATES, loan_month=month)
        if exclude != brain.UID
    ]


def overlapping(mentor, start, end, exclude=None):
    """Scheduled loans of the mentor that share any moment with start–end."""
    start, end = DateTime(start), DateTime(end)
    candidates = _loans_of(
        mentor,
        review_state="scheduled",
        loan_start={"query": end, "range": "max"},
        loan_end={"query": start, "range": "min"},
    )
    # The index is inclusive; a loan that ends as the next begins does not clash.
    return [
        brain
        for brain in candidates
        if exclude != brain.UID and brain.loan_start < end and start < brain.loan_end
    ]
