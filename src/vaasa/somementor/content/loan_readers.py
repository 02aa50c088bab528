"""A loan request's fields read for showing: pages, mails and calendars ask these.

They never raise: a value that cannot be shown is left out, because a page that
shows a request must open even when an old or odd value is stored.
"""

from urllib.parse import urlsplit

import datetime


# Anything else (javascript:, data:, file:) is no meeting link, whatever it looks like.
LINK_SCHEMES = ("http", "https")


def _day(value):
    # Stored as "YYYY-MM-DD" text at first, as datetime.date rows since the form has a grid.
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def wished_dates(loan):
    """The wished ranges as ``(start, end)`` dates, in the order the requester gave them."""
    ranges = []
    for row in getattr(loan, "preferred_dates", None) or ():
        if not isinstance(row, dict):
            continue
        start, end = _day(row.get("start")), _day(row.get("end"))
        if start and end:
            ranges.append((start, end))
    return ranges


def meeting_link(place):
    """``place`` itself when it is a web address to open, else ''."""
    place = (place or "").strip()
    if not place or any(char.isspace() for char in place):
        # "Room 2, https://..." is a place with a link in it, not a link.
        return ""
    parts = urlsplit(place)
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return ""
    return place
