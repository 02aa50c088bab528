"""The public programme of trainings: the one query behind its page, calendar and feed.

Everything here reads the catalog: a listing is made of brains and their metadata
(``start``, ``end``, ``training_*``), so a page costs the same with 20 trainings or
2,000 and no Training object is loaded per row. A later REST endpoint asks the same
functions and formats the answer as JSON.

Only the programme's own path is searched, so each language tree lists its own
version of a training once: a training's fi/sv/en pages are translations of one
training, each in its own tree.
"""

from DateTime import DateTime
from plone import api
from vaasa.somementor.ring import RING_MEETING
from vaasa.somementor.zone import local
from vaasa.somementor.zone import site_zone

import datetime
import re


# The kinds the public programme lists. Ring meetings (ring.RING_MEETING) are the
# mentor ring's own and are shown on its page only, whoever asks: a public listing
# that depended on the visitor's roles could not be cached for everybody.
KINDS = ("training", "event")
assert RING_MEETING not in KINDS

# The filters a visitor can combine: keyword (as in the URL) -> catalog index.
FILTERS = {
    "kind": "training_kind",
    "language_group": "training_language_group",
    "format": "training_format",
}

UPCOMING = "upcoming"
PAST = "past"

# The feed carries what is ahead and what was held lately, for calendars that keep
# a short history; older trainings stay on the page's "past" tab.
RECENT = datetime.timedelta(days=90)
FEED_LIMIT = 500

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text):
    """The first day of ``YYYY-MM``, or None for anything else."""
    match = _MONTH.match(text or "") if isinstance(text, str) else None
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1 <= month <= 12 and 1900 <= year <= 2999):
        return None
    return datetime.date(year, month, 1)


def next_month(first):
    return (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def previous_month(first):
    return (first - datetime.timedelta(days=1)).replace(day=1)


def month_bounds(first):
    """The start of the month ``first`` and of the next one, in Vaasa time."""
    zone = site_zone()
    start = zone.localize(datetime.datetime.combine(first, datetime.time()))
    end = zone.localize(datetime.datetime.combine(next_month(first), datetime.time()))
    return start, end


def _now(now):
    return local(now or datetime.datetime.now(datetime.UTC))


def _query(programme, filters):
    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise TypeError(f"no such programme filter: {', '.join(sorted(unknown))}")
    chosen = {name: value for name, value in filters.items() if value}
    kind = chosen.pop("kind", None)
    if kind is not None and kind not in KINDS:
        return None  # a ring meeting, or no kind at all: nothing public to list
    query = {
        "portal_type": "Training",
        "path": "/".join(programme.getPhysicalPath()),
        "training_kind": kind or KINDS,
    }
    query.update({FILTERS[name]: value for name, value in chosen.items()})
    return query


def find_trainings(programme, when=UPCOMING, month=None, now=None, **filters):
    """Catalog brains of the programme's trainings the user may see.

    ``when`` is ``UPCOMING`` (not yet over, soonest first) or ``PAST`` (over, newest
    first); ``month`` (a date, the first of a month) keeps those starting in that
    month. ``filters`` are values for the keywords of ``FILTERS``. Drafts appear
    only for those who may see them: the catalog applies the user's permissions.
    """
    query = _query(programme, filters)
    if query is None:
        return []
    moment = DateTime(_now(now))
    if when == PAST:
        query.update(end={"query": moment, "range": "max"}, sort_order="descending")
    else:
        query["end"] = {"query": moment, "range": "min"}
    if month is not None:
        query["start"] = _month_range(month)
    query["sort_on"] = "start"
    return api.content.find(**query)


def month_trainings(programme, month, **filters):
    """The trainings starting in ``month`` (a date, the first of a month), in order."""
    query = _query(programme, filters)
    if query is None:
        return []
    query.update(start=_month_range(month), sort_on="start")
    return api.content.find(**query)


def feed_trainings(programme, now=None):
    """What the programme's iCal feed carries: upcoming and lately held, in order."""
    query = _query(programme, {})
    since = _now(now) - RECENT
    query.update(
        end={"query": DateTime(since), "range": "min"},
        sort_on="start",
        sort_limit=FEED_LIMIT,
    )
    return api.content.find(**query)[:FEED_LIMIT]


def _month_range(first):
    start, end = month_bounds(first)
    # DateIndex ranges include both ends and count in minutes: stop a minute short.
    return {
        "query": (DateTime(start), DateTime(end - datetime.timedelta(minutes=1))),
        "range": "min:max",
    }


def free_seats(brain):
    """Seats still free, from the brain's metadata; None when there is no limit.

    ``training_seats_taken`` counts the confirmed registrations; a catalog made
    before registration existed has no value for it, which means none taken.
    """
    capacity = getattr(brain, "training_capacity", None)
    if not isinstance(capacity, int):
        return None  # None, or Missing.Value where the indexer had nothing
    taken = getattr(brain, "training_seats_taken", None)
    return max(capacity - (taken if isinstance(taken, int) else 0), 0)


def is_over(brain, now=None):
    return local(brain.end) < _now(now)
