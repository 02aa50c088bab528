"""What a person already has on their calendar, read from catalog metadata.

A mentor's fi, sv and en profiles are one person with one calendar: every count
and overlap covers the loans made through any profile in the translation group.
"""

from DateTime import DateTime
from plone import api
from plone.app.multilingual.interfaces import ITG
from vaasa.somementor.content.validators import wished_day
from vaasa.somementor.settings import setting
from zope.schema import ValidationError


# Approved and scheduled loans both take a place in a person's month, as in booking systems.
BOOKED_STATES = ("approved", "scheduled")


def person(mentor):
    """The key shared by every language version of a mentor."""
    return ITG(mentor, None) or mentor.UID()


def profiles(mentor):
    """UIDs of every language version of the mentor, the mentor's own first."""
    catalog = api.portal.get_tool("portal_catalog")
    group = ITG(mentor, None)
    others = (
        catalog.unrestrictedSearchResults(portal_type="Mentor", TranslationGroup=group)
        if group
        else ()
    )
    own = mentor.UID()
    return (own, *sorted(brain.UID for brain in others if own != brain.UID))


def loan_month(loan):
    """The month a loan belongs to: when it is scheduled, else the first wished day."""
    if loan.scheduled_start:
        return loan.scheduled_start.strftime("%Y-%m")
    for dates in loan.preferred_dates or ():
        try:
            return wished_day(dates.get("start")).strftime("%Y-%m")
        except (AttributeError, ValidationError):
            # Data from before dates were checked strictly; the next range may do.
            continue
    return loan.created().strftime("%Y-%m")


def monthly_maximum(mentor):
    return maximum_of(getattr(mentor, "max_loans_per_month", None))


def maximum_of(own):
    """The mentor's own maximum, else the site's (also for a catalog row not yet filled)."""
    return own if isinstance(own, int) else setting("monthly_maximum")


def _loans_of(mentor, exclude, **query):
    catalog = api.portal.get_tool("portal_catalog")
    # Unrestricted: a mentor scheduling must also count loans they cannot open.
    brains = catalog.unrestrictedSearchResults(
        portal_type="LoanRequest", loan_mentor_uid=profiles(mentor), **query
    )
    return [brain for brain in brains if exclude != brain.UID]


def booked_in_month(mentor, month, exclude=None):
    return _loans_of(mentor, exclude, review_state=BOOKED_STATES, loan_month=month)


def overlapping(mentor, start, end, exclude=None):
    """Scheduled loans of the person that share any moment with start–end.

    Asks the catalog for this person's scheduled loans only and compares the
    times here, so the cost follows one calendar, not the site's.
    """
    start, end = DateTime(start), DateTime(end)
    # A loan that ends as the next begins does not clash.
    return [
        brain
        for brain in _loans_of(mentor, exclude, review_state="scheduled")
        if brain.loan_start and brain.loan_end and brain.loan_start < end and start < brain.loan_end
    ]
