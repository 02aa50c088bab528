"""Reminders before scheduled loans, each sent once per scheduled time."""

from DateTime import DateTime
from plone import api
from vaasa.somementor.notifications import dispatch
from zope.annotation.interfaces import IAnnotations


# Holds the start a reminder went out for: a rescheduled loan is reminded again.
KEY = "vaasa.somementor.reminded_for"


def due(days):
    """Scheduled loans starting between now and ``days`` days from now."""
    now = DateTime()
    catalog = api.portal.get_tool("portal_catalog")
    # Unrestricted: whoever runs the cron job need not be able to see every request.
    brains = catalog.unrestrictedSearchResults(
        portal_type="LoanRequest",
        review_state="scheduled",
        loan_start={"query": (now, now + days), "range": "min:max"},
    )
    return [brain._unrestrictedGetObject() for brain in brains]


def send_reminders(days):
    """Remind the requester and mentor of each due loan not yet reminded; return how many."""
    sent = 0
    for loan in due(days):
        annotations = IAnnotations(loan)
        start = loan.scheduled_start.isoformat()
        if annotations.get(KEY) == start:
            continue
        if dispatch.notify(loan, "reminder", ("requester", "mentor")) is None:
            # Not set up: leave the loan unmarked so a later run still reminds.
            break
        annotations[KEY] = start
        sent += 1
    return sent
