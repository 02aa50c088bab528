"""Loan times as a recipient reads them: in the site's time zone and their language."""

from vaasa.somementor.zone import local
from zope.i18n.locales import locales


def span(start, end, language):
    """'15. tammikuuta 2027 10:00–12:00', with the end day only when it differs."""
    dates = locales.getLocale(language).dates
    day = dates.getFormatter("date", "long").format
    hour = dates.getFormatter("time", "short").format
    start, end = local(start), local(end)
    if start.date() == end.date():
        return f"{day(start)} {hour(start)}–{hour(end)}"
    return f"{day(start)} {hour(start)} – {day(end)} {hour(end)}"
