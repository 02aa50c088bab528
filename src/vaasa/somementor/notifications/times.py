"""Loan times as a recipient reads them: in the site's time zone and their language."""

from plone import api
from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError
from zope.i18n.locales import locales


def site_zone():
    name = api.portal.get_registry_record("plone.portal_timezone", default=None) or "UTC"
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local(moment):
    """Forms store naive times, meant as site time; REST may send any offset."""
    zone = site_zone()
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def span(start, end, language):
    """'15. tammikuuta 2027 10:00–12:00', with the end day only when it differs."""
    dates = locales.getLocale(language).dates
    day = dates.getFormatter("date", "long").format
    hour = dates.getFormatter("time", "short").format
    start, end = local(start), local(end)
    if start.date() == end.date():
        return f"{day(start)} {hour(start)}–{hour(end)}"
    return f"{day(start)} {hour(start)} – {day(end)} {hour(end)}"
