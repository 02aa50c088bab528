"""One small persistent record per person, written by every booking decision.

ZODB detects conflicts per object. Two approvals for one person that each read
the catalog and then write different loans do not conflict, so both could pass
a "one a month" rule (write skew). Each decision therefore also writes the
person's ledger: of two concurrent decisions the second to commit raises a
ConflictError, Zope retries its request, and the rule runs again against what
the first one committed.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations

import time


KEY = "vaasa.somementor.ledgers"


class Ledger(Persistent):
    """Deliberately without conflict resolution: a conflict here is the point."""

    def __init__(self):
        self.decisions = 0
        self.last = None

    def record(self, loan_uid, transition):
        self.decisions += 1
        self.last = (loan_uid, transition, time.time())


def ledgers():
    annotations = IAnnotations(api.portal.get())
    if KEY not in annotations:
        annotations[KEY] = OOBTree()
    return annotations[KEY]


def record(person, loan_uid, transition):
    """Write ``person``'s ledger in the current transaction."""
    books = ledgers()
    ledger = books.get(person)
    if ledger is None:
        ledger = books[person] = Ledger()
    ledger.record(loan_uid, transition)
    return ledger
