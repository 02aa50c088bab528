"""Loan times as a person reads them: in the site's time zone and their language.

The one formatter for mails and pages, so a time reads the same in both. Finnish
and Finland-Swedish follow their written norms (Kielitoimiston ohjepankki,
Svenska skrivregler i Finland): the weekday, the date as d.m.yyyy, and the hour
with a dot after "klo" / "kl.": "pe 15.1.2027 klo 10.00–12.00",
"fredag 15.1.2027 kl. 10.00–12.00". The CLDR formats zope.i18n carries do neither.
"""

from vaasa.somementor.zone import local

import datetime


# Monday first, as datetime.weekday() counts.
WEEKDAYS = {
    "fi": ("ma", "ti", "ke", "to", "pe", "la", "su"),
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# The word before the hour: "klo 10.00", "kl. 10.00"; English needs none.
CLOCK = {"fi": "klo ", "sv": "kl. ", "en": ""}


def _language(language):
    language = (language or "").split("-")[0].lower()
    return language if language in WEEKDAYS else "en"


def _day(day, language):
    """'pe 15.1.2027', 'fredag 15.1.2027', 'Friday 15 January 2027'."""
    weekday = WEEKDAYS[language][day.weekday()]
    if language == "en":
        return f"{weekday} {day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{weekday} {day.day}.{day.month}.{day.year}"


def _hour(when, language):
    """'10.00' in Finnish and Swedish, '10:00' in English; the hour without a leading zero."""
    separator = ":" if language == "en" else "."
    return f"{when.hour}{separator}{when.minute:02d}"


def span(start, end, language):
    """'pe 15.1.2027 klo 10.00–12.00', with the end day only when it differs."""
    language = _language(language)
    start, end = local(start), local(end)
    clock = CLOCK[language]
    if start.date() == end.date():
        return f"{_day(start, language)} {clock}{_hour(start, language)}–{_hour(end, language)}"
    return (
        f"{_day(start, language)} {clock}{_hour(start, language)} – "
        f"{_day(end, language)} {clock}{_hour(end, language)}"
    )


def moment(when, language):
    """'pe 15.1.2027 klo 10.00' for a datetime or a Zope DateTime (``created()``)."""
    if hasattr(when, "ISO8601"):
        # Not asdatetime(): with a named zone it takes pytz's first (LMT) offset, +1:40.
        when = datetime.datetime.fromisoformat(when.ISO8601())
    language = _language(language)
    when = local(when)
    return f"{_day(when, language)} {CLOCK[language]}{_hour(when, language)}"


def days(start, end, language):
    """'ma 1.3.2027 – pe 5.3.2027', or the one day when both are the same."""
    language = _language(language)
    if start == end:
        return _day(start, language)
    return f"{_day(start, language)} – {_day(end, language)}"
