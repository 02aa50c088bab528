"""Cancelling a registration, and giving a freed seat to the first who waits.

Both write the training's ``Registrations``: two cancellations at the same moment
are served one after the other, so each promotes the next person, never the same
one twice.
"""

from vaasa.somementor.registrations import closing
from vaasa.somementor.registrations import events
from vaasa.somementor.registrations import store
from zope.event import notify


def can_cancel(training, record):
    """A registrant may cancel until the training starts."""
    if record is None or record["state"] not in store.ACTIVE:
        return False
    return not closing.has_started(training)


def cancel(training, record_id):
    """Cancel a registration; return the people promoted to the freed seat (maybe none)."""
    books = store.registrations(training)
    record = next((r for r in books.records if r["id"] == record_id), None)
    if record is None or record["state"] not in store.ACTIVE:
        return []
    cancelled = books.update(record_id, state=store.CANCELLED)
    notify(events.RegistrationChanged(training, cancelled, events.CANCELLED))
    promoted = promote(training) if record["state"] == store.CONFIRMED else []
    store.reindex(training)
    return promoted


def promote(training):
    """Give every free seat to the first who waits, in order; return the promoted records."""
    books = store.registrations(training)
    if books is None:
        return []
    capacity = getattr(training, "capacity", None)
    promoted = []
    while books.in_state(store.WAITING) and (
        capacity is None or len(books.in_state(store.CONFIRMED)) < capacity
    ):
        first = books.in_state(store.WAITING)[0]
        record = books.update(first["id"], state=store.CONFIRMED)
        notify(events.RegistrationChanged(training, record, events.PROMOTED))
        promoted.append(record)
    return promoted
