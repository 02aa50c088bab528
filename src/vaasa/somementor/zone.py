"""Loan times in the site's time zone: forms give naive times, REST clients any offset."""

from plone import api

import calendar
import datetime
import pytz


# Vaasa's own zone, for a site that has not set one in Site Setup → Date and Time.
DEFAULT_ZONE = "Europe/Helsinki"


def site_zone():
    # pytz, as plone.app.event uses: ZODB cannot pickle zoneinfo's time zones.
    name = api.portal.get_registry_record("plone.portal_timezone", default=None) or DEFAULT_ZONE
    try:
        return pytz.timezone(name)
    except pytz.UnknownTimeZoneError:
        return pytz.timezone(DEFAULT_ZONE)


def local(moment):
    """``moment`` as an aware time in the site's zone; a naive one is read as site time."""
    zone = site_zone()
    if moment.tzinfo is None:
        return zone.localize(moment)
    return zone.normalize(moment.astimezone(zone))


def today():
    """The date in Vaasa now, which is what 'not in the past' means to a visitor."""
    return datetime.datetime.now(site_zone()).date()


def months_ahead(day, months):
    """The same day ``months`` later (or earlier, when negative)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    # The 31st of a shorter month becomes its last day.
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
