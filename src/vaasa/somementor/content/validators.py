"""Field rules shared by every schema, with the message the visitor sees at the field.

z3c.form shows ``doc()`` of a ValidationError, and plone.restapi reports the same
message, so one class here gives one wording on every way in.
"""

from email.utils import parseaddr
from vaasa.somementor import _
from zope.interface import Invalid
from zope.schema import ValidationError

import re


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


class InvalidEmail(ValidationError):
    __doc__ = _("Enter a valid email address, such as name@vaasa.fi.")


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
    __doc__ = _("Give the year of the mentor cohort, such as 2012.")


def email_address(value):
    if not (_EMAIL.match(value or "") and parseaddr(value)[1] == value):
        raise InvalidEmail(value)
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


def at_least_one_date_range(value):
    if not value:
        raise NoDateRange(value)
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
