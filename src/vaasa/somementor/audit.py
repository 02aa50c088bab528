"""A lasting record of every removal of personal data: when, who, what and why.

Kept in the site's annotations. It names the coordinator (or the cron user) and
counts what was removed, never whose data it was: the list itself must hold
nothing personal about the people it is about.
"""

from persistent.list import PersistentList
from plone import api
from zope.annotation.interfaces import IAnnotations

import datetime


KEY = "vaasa.somementor.personal-data-audit"
ERASED = "erased"  # on the person's request, from the rights page
EXPIRED = "expired"  # by the retention rule


def _entries(create=False):
    annotations = IAnnotations(api.portal.get())
    if KEY not in annotations and create:
        annotations[KEY] = PersistentList()
    return annotations.get(KEY, ())


def record(reason, loans, registrations, mails=0):
    """Add one entry, by the current user; return it."""
    entry = {
        "time": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "actor": api.user.get_current().getId() or "",
        "reason": reason,
        "loans": loans,
        "registrations": registrations,
        "mails": mails,
    }
    _entries(create=True).append(entry)
    return entry


def entries():
    """Every entry, the newest first."""
    return list(reversed(list(_entries())))
