"""Loan times as a person reads them: in the site's time zone and their language.

The one formatter for mails and pages, so a time reads the same in both.
"""

from vaasa.somementor.zone import local
from zope.i18n.locales import locales

import datetime


def _formatters(language):
    dates = locales.getLocale(language).dates
    return dates.getFormatter("date", "long").format, dates.getFormatter("time", "short").format


def span(start, end, language):
    """'15. tammikuuta 2027 10:00–12:00', with the end day only when it differs."""
    day, hour = _formatters(language)
    start, end = local(start), local(end)
    if start.date() == end.date():
        return f"{day(start)} {hour(start)}–{hour(end)}"
    return f"{day(start)} {hour(start)} – {day(end)} {hour(end)}"


def moment(when, language):
    """'15. tammikuuta 2027 10:00' for a datetime or a Zope DateTime (``created()``)."""
    if hasattr(when, "ISO8601"):
        # Not asdatetime(): with a named zone it takes pytz's first (LMT) offset, +1:40.
        when = datetime.datetime.fromisoformat(when.ISO8601())
    day, hour = _formatters(language)
    when = local(when)
    return f"{day(when)} {hour(when)}"


def days(start, end, language):
    """'1. maaliskuuta 2027 – 5. maaliskuuta 2027', or the one day when both are the same."""
    day, _hour = _formatters(language)
    if start == end:
        return day(start)
    return f"{day(start)} – {day(end)}"
