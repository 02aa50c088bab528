"""At most N requests an hour from one network address, counted in the site's database.

The counts live in the ZODB, so every Zope instance of a site (ZEO, RelStorage)
sees the same ones, and a restart forgets nothing. A request counts in its own
transaction, just before that commits: a retried or failed one costs the visitor
nothing, and a count is never stored without its request.

Many visitors behind one address (an office, a load test) send at the same
moment, so counting must not conflict: each address has one counter a minute, a
``BTrees.Length``, whose concurrent increments ZODB merges. Only the first request
of a minute adds a key; it also drops the minutes older than the hour, for every
address at once, as they sort first.
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from plone import api
from plone.api.exc import CannotGetPortalError
from zope.annotation.interfaces import IAnnotations

import math
import time
import transaction


KEY = "vaasa.somementor.rate_limit"
WINDOW = 3600
# A request is remembered by the minute it came in, as if sent at that minute's start: it
# leaves the count up to a minute before its full hour is over, never after.
SLOT = 60


def _site(site):
    return api.portal.get() if site is None else site


def _counts(site, create=False):
    """The site's OOBTree of (minute, address) -> Length."""
    annotations = IAnnotations(site)
    counts = annotations.get(KEY)
    if counts is None and create:
        counts = annotations[KEY] = OOBTree()
    return counts


def _slot(moment):
    return int(moment // SLOT)


def _first_slot(now):
    """The oldest minute whose start lies within the hour."""
    return _slot(now - WINDOW) + 1


def _recent(address, now, site):
    """(minute, count) of ``address`` within the hour, oldest first."""
    counts = _counts(site)
    if not counts:
        return []
    found = []
    for slot in range(_first_slot(now), _slot(now) + 1):
        counter = counts.get((slot, address))
        if counter is not None and counter():
            found.append((slot, counter()))
    return found


def exceeded(address, limit, now=None, site=None):
    """True when ``address`` has stored ``limit`` requests within the hour."""
    now = time.time() if now is None else now
    return sum(n for _, n in _recent(address, now, _site(site))) >= limit


def retry_after(address, limit, now=None, site=None):
    """Whole seconds until ``address`` may send again (at least 1; 0 when it may now)."""
    now = time.time() if now is None else now
    recent = _recent(address, now, _site(site))
    total = sum(n for _, n in recent)
    if total < limit:
        return 0
    # The oldest minutes leave the hour first; wait until enough have left.
    for slot, n in recent:
        total -= n
        if total < limit:
            return max(1, math.ceil(slot * SLOT + WINDOW - now))


def count(address, now=None, site=None):
    """Count a stored request in the current transaction."""
    now = time.time() if now is None else now
    counts = _counts(_site(site), create=True)
    key = (_slot(now), address)
    counter = counts.get(key)
    if counter is None:
        counter = counts[key] = Length()
        _forget_old(counts, now)
    counter.change(1)


def _forget_old(counts, now):
    first = _first_slot(now)
    if counts.minKey()[0] < first:
        for key in list(counts.keys(max=(first,), excludemax=True)):
            del counts[key]


def count_when_stored(address):
    """Count ``address`` when the current transaction commits; refused ones never get here."""
    site = api.portal.get()
    transaction.get().addBeforeCommitHook(lambda: count(address, site=site))


def reset():
    """Forget every count of the current site (tests)."""
    try:
        counts = _counts(api.portal.get())
    except CannotGetPortalError:
        return
    if counts:
        counts.clear()
