"""Field rules shared by every schema, with the message the visitor sees at the field.

z3c.form shows ``doc()`` of a ValidationError, and plone.restapi reports the same
message, so one class here gives one wording on every way in.
"""

from email.utils import parseaddr
from vaasa.somementor import _
from zope.interface import Invalid
from zope.schema import ValidationError
from zope.schema.interfaces import IBool
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IObject
from zope.schema.interfaces import IText
from zope.schema.interfaces import TooBig
from zope.schema.interfaces import TooLong
from zope.schema.interfaces import TooSmall

import datetime
import re
import unicodedata


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


class InvalidEmail(ValidationError):
    __doc__ = _("Enter a valid email address, such as name@vaasa.fi.")


class NotAWebAddress(ValidationError):
    __doc__ = _("Enter a web address that starts with https:// or http://.")


class NegativeNumber(ValidationError):
    __doc__ = _("Enter zero or a positive number.")


class RatingOutOfRange(ValidationError):
    __doc__ = _("Give a rating from 1 to 5.")


class NoLanguage(ValidationError):
    __doc__ = _("Choose at least one language.")


class ConsentMissing(ValidationError):
    __doc__ = _("We can only handle the request if you agree to the processing of your data.")


class NoDateRange(ValidationError):
    __doc__ = _("Give at least one range of dates that would suit you.")


class CohortOutOfRange(ValidationError):
    __doc__ = _("Give the year the mentor was trained, such as 2012.")


class ControlCharacters(ValidationError):
    __doc__ = _("Remove the control characters from the text.")


class BadWishedDate(ValidationError):
    __doc__ = _("Give each preferred date as YYYY-MM-DD.")


class RangeReversed(ValidationError):
    __doc__ = _("A preferred date range must not end before it starts.")


class TooManyRanges(ValidationError):
    __doc__ = _("Give at most ${maximum} date ranges.")

    def doc(self):
        return _(self.__doc__, mapping={"maximum": MAX_DATE_RANGES})


# Enough choice for a coordinator; a list that long is a script, not a person.
MAX_DATE_RANGES = 10
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Unicode categories no person types: control codes, unpaired surrogates, unassigned.
_REFUSED_CATEGORIES = {"Cc", "Cs", "Cn"}


def _refused_characters(text, allowed=""):
    return any(
        unicodedata.category(char) in _REFUSED_CATEGORIES and char not in allowed for char in text
    )


def single_line(value):
    """Names, addresses and other one-line texts: no control characters at all."""
    if value and _refused_characters(value):
        raise ControlCharacters(value)
    return True


def paragraphs(value):
    """Longer texts may break lines and indent, as a textarea sends them (CRLF too)."""
    if value and _refused_characters(value, allowed="\n\t\r"):
        raise ControlCharacters(value)
    return True


def email_address(value):
    single_line(value)
    # 254 characters is the most an address can have (RFC 5321); the fields say so too.
    too_long = len(value or "") > 254
    if too_long or not (_EMAIL.match(value or "") and parseaddr(value)[1] == value):
        raise InvalidEmail(value)
    return True


def web_address(value):
    """Links people click: http(s) only, never javascript:, file: or mailto:."""
    if value and not re.match(r"^https?://[^\s/]+", value, re.IGNORECASE):
        raise NotAWebAddress(value)
    return True


def not_negative(value):
    if value is not None and value < 0:
        raise NegativeNumber(value)
    return True


def rating(value):
    if value is not None and not 1 <= value <= 5:
        raise RatingOutOfRange(value)
    return True


def at_least_one_language(value):
    if not value:
        raise NoLanguage(value)
    return True


def wished_day(value):
    """A wished date: a date, or text strictly YYYY-MM-DD (ISO weeks and 20270301 mislead)."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if not isinstance(value, str) or not _DAY.match(value):
        raise BadWishedDate(value)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise BadWishedDate(value) from None


def date_range(dates):
    """(start, end) of one ``{"start": ..., "end": ...}`` range, in order."""
    if not isinstance(dates, dict) or set(dates) != {"start", "end"}:
        raise BadWishedDate(dates)
    start, end = wished_day(dates["start"]), wished_day(dates["end"])
    if end < start:
        raise RangeReversed(dates)
    return start, end


def wished_ranges(value):
    """Ranges as a REST client writes them (``"2027-03-01"``), as stored: rows of dates."""
    if not isinstance(value, list):
        raise BadWishedDate(value)
    if len(value) > MAX_DATE_RANGES:
        raise TooManyRanges(value)
    rows = []
    for dates in value:
        start, end = date_range(dates)
        rows.append({"start": start, "end": end})
    return rows


def date_ranges(value):
    """One to ten well-formed ranges of wished dates."""
    if not value:
        raise NoDateRange(value)
    wished_ranges(value)
    return True


def consent_given(value):
    if not value:
        raise ConsentMissing(value)
    return True


def cohort_year(value):
    if value is not None and not 2000 <= value <= 2100:
        raise CohortOutOfRange(value)
    return True


def end_after_start(start, end, message):
    """Raise the invariant error ``message`` unless ``end`` comes after ``start``."""
    if start and end and end <= start:
        raise Invalid(message)


# zope.schema's own words ("Object is of wrong type.") do not say what to do.
_WRONG_VALUE = (
    (IBool, _("Answer yes or no.")),
    (IInt, _("Enter a whole number.")),
    (IFloat, _("Enter a number.")),
    (IText, _("Enter text.")),
    (ICollection, _("Choose from the options, each only once.")),
)


def message(error, field):
    """What to tell a person about ``error`` in ``field``, as a message id."""
    if not type(error).__module__.startswith("zope.schema"):
        return error.doc()  # one of ours, already worded for people
    if isinstance(error, TooLong):
        if ICollection.providedBy(field):
            return _("Choose at most ${maximum}.", mapping={"maximum": field.max_length})
        return _("Use at most ${maximum} characters.", mapping={"maximum": field.max_length})
    if isinstance(error, TooBig):
        return _("Enter at most ${maximum}.", mapping={"maximum": _number(field.max)})
    if isinstance(error, TooSmall):
        return _("Enter at least ${minimum}.", mapping={"minimum": _number(field.min)})
    return wrong_value(field)


def wrong_value(field):
    """The message for a value of the wrong kind for ``field``."""
    if IObject.providedBy(getattr(field, "value_type", None)):
        # Rows of a table: so far only the wished date ranges.
        return _("Give each date range as a start and an end, YYYY-MM-DD.")
    for interface, wording in _WRONG_VALUE:
        if interface.providedBy(field):
            return wording
    return _("Choose one of the options.")


def _number(value):
    return int(value) if float(value).is_integer() else value
