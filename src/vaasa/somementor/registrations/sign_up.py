"""Signing up for a training: the one function behind the sign-up form.

Up to the capacity a registration is confirmed; beyond it, the person waits in
order. The decision writes the training's ``Registrations`` (see ``store``), so
two people taking the last seat at the same moment are served one after the other.
"""

from vaasa.somementor import _
from vaasa.somementor.content import field_check
from vaasa.somementor.loans import rate_limit
from vaasa.somementor.refusal import field_error
from vaasa.somementor.refusal import Refused
from vaasa.somementor.registrations import closing
from vaasa.somementor.registrations import events
from vaasa.somementor.registrations import store
from vaasa.somementor.registrations.schema import FIELDS
from vaasa.somementor.registrations.schema import HONEYPOT
from vaasa.somementor.registrations.schema import IRegistration
from vaasa.somementor.settings import setting
from zope.event import notify

import datetime


# Why a registration was not stored.
INVALID = "invalid"  # ``errors`` name the fields to correct
TOO_MANY = "too-many"  # the address has sent its share this hour
CLOSED = "closed"  # the training is not open for registration (any more)

# The loan form's limit and mechanism, counted apart: asking for a mentor does not
# use up a unit's sign-ups, nor the other way round.
RATE_KEY = "sign-up:{}"


def _stripped(field, raw):
    # A name or a unit of only spaces is no answer.
    if isinstance(raw, str):
        raw = raw.strip()
    return field_check.as_sent(field, raw)


def _validated(data, training):
    values, problems = field_check.checked(IRegistration, FIELDS, data, training, coerce=_stripped)
    return values, [field_error(name, message) for name, message in problems]


def refuse_if_closed(training):
    if not closing.is_open(training):
        raise Refused(CLOSED, _("Registration for this training is closed."))


def sign_up(training, data, address):
    """Register a person for ``training``; return their record, else raise Refused."""
    if data.get(HONEYPOT):
        raise Refused(INVALID, _("Your registration could not be sent."))
    key, limit = RATE_KEY.format(address), setting("submissions_per_hour")
    if rate_limit.exceeded(key, limit):
        raise Refused(
            TOO_MANY,
            _("Too many registrations from your address. Try again in an hour."),
            retry_after=rate_limit.retry_after(key, limit),
        )
    refuse_if_closed(training)
    values, errors = _validated(data, training)
    books = store.registrations(training, create=True)
    if "email" in values and books.active_with_email(values["email"]):
        errors.append(
            field_error(
                "email",
                _(
                    "This address is already signed up for this training. The email we "
                    "sent has the link to your registration."
                ),
            )
        )
    if errors:
        raise Refused(INVALID, _("Check the marked fields."), errors)
    record = register(training, values)
    rate_limit.count_when_stored(key)
    return record


def register(training, values):
    """Give the person a seat while there is one, else the next place in the queue."""
    books = store.registrations(training, create=True)
    capacity = getattr(training, "capacity", None)
    full = capacity is not None and len(books.in_state(store.CONFIRMED)) >= capacity
    record = store.new_record(values)
    record["state"] = store.WAITING if full else store.CONFIRMED
    record["created"] = datetime.datetime.now(datetime.UTC)
    books.add(record)
    store.reindex(training)
    notify(
        events.RegistrationChanged(training, record, events.WAITING if full else events.CONFIRMED)
    )
    return record
