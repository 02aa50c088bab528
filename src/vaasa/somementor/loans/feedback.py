"""The requester's feedback on a loan: once per request, and only when it is completed.

The requester has no account: they give it on their private status page. The
values are checked with the schema fields' own rules, so a bad rating gets the
same words here as through REST. The feedback is stored on the request itself,
where the coordinators read it.
"""

from plone import api
from vaasa.somementor import _
from vaasa.somementor.content import validators
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.refusal import translated
from zope.schema import ValidationError

import re


RATING = "feedback_rating"
COMMENT = "feedback_comment"
# The id of the form on the status page; the completion mail links straight to it.
ANCHOR = "feedback"
# Feedback is about a loan that took place.
OPEN_STATE = "completed"

# Why feedback was not stored.
NOT_COMPLETED = "not-completed"
ALREADY_GIVEN = "already-given"
INVALID = "invalid"  # ``errors`` name the fields to correct

_WHOLE_NUMBER = re.compile(r"^-?\d{1,9}$")


class Refused(Exception):
    """Feedback was not stored, for ``reason``; ``message`` is in the requester's language.

    ``errors`` maps a field name to its translated message.
    """

    def __init__(self, reason, message, errors=None):
        super().__init__(reason)
        self.reason = reason
        self.message = translated(message)
        self.errors = {name: translated(text) for name, text in (errors or {}).items()}


def given(loan):
    """Whether feedback on ``loan`` has been stored, by the requester or typed in by staff."""
    return getattr(loan, RATING, None) is not None or bool(getattr(loan, COMMENT, None))


def can_give_feedback(loan):
    return api.content.get_state(loan) == OPEN_STATE and not given(loan)


class _WrongValue(ValidationError):
    """A value of the wrong kind: ``validators.message`` words it for the field."""


def _rating(raw, field):
    """The rating as the field stores it (a form sends text); else raise ValidationError."""
    if raw is None or raw == "":
        # A rating is the point of the form; the comment may stay empty.
        raise validators.RatingOutOfRange(raw)
    if isinstance(raw, str) and _WHOLE_NUMBER.match(raw.strip()):
        raw = int(raw.strip())
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise _WrongValue(raw)
    field.validate(raw)
    return raw


def _comment(raw, field):
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise _WrongValue(raw)
    raw = raw.strip()
    if not raw:
        return None
    field.validate(raw)
    return raw


READERS = ((RATING, _rating), (COMMENT, _comment))


def validated(loan, values):
    """``{field: value}`` ready to store, and ``{field: message id}`` of what is wrong."""
    cleaned, errors = {}, {}
    for name, read in READERS:
        field = ILoanRequest[name].bind(loan)
        try:
            cleaned[name] = read(values.get(name), field)
        except _WrongValue:
            errors[name] = validators.wrong_value(field)
        except ValidationError as error:
            errors[name] = validators.message(error, field)
    return cleaned, errors


def give_feedback(loan, rating, comment):
    """Store the requester's rating (1–5) and comment on ``loan``; else raise Refused."""
    if api.content.get_state(loan) != OPEN_STATE:
        raise Refused(NOT_COMPLETED, _("Feedback can be given once the loan is completed."))
    if given(loan):
        # Two tabs sending at once both get here; the second write then conflicts in
        # ZODB on this very object, and its retry is refused here.
        raise Refused(
            ALREADY_GIVEN, _("Feedback on this request has already been given. Thank you!")
        )
    values, errors = validated(loan, {RATING: rating, COMMENT: comment})
    if errors:
        raise Refused(INVALID, _("Check the marked fields."), errors)
    for name, value in values.items():
        setattr(loan, name, value)
    # The requester holds no role here: only the date changes, not the creators.
    loan.setModificationDate()
    loan.reindexObject(idxs=["modified"])
