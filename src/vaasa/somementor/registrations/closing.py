"""When registration for a training closes: at its start, or at its deadline if earlier."""

from plone import api
from vaasa.somementor import zone

import datetime


OPEN_STATE = "published"


def closes_at(training):
    """The aware moment registration closes, or None for a training without a start."""
    moments = [
        zone.local(moment)
        for moment in (
            getattr(training, "start", None),
            getattr(training, "registration_deadline", None),
        )
        if isinstance(moment, datetime.datetime)
    ]
    return min(moments) if moments else None


def is_open(training, now=None):
    """Whether people may sign up now: a published training before it closes."""
    if api.content.get_state(training, default=None) != OPEN_STATE:
        return False
    closing = closes_at(training)
    now = now or datetime.datetime.now(datetime.UTC)
    return closing is not None and now < closing


def has_started(training, now=None):
    start = getattr(training, "start", None)
    if not isinstance(start, datetime.datetime):
        return False
    now = now or datetime.datetime.now(datetime.UTC)
    return zone.local(start) <= now
