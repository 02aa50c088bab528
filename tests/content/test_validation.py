"""Bad input is refused with the add-on's own message, in the visitor's language."""

from datetime import date
from datetime import datetime
from datetime import UTC
from vaasa.somementor.content import validators
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.content.mentor import IMentor
from vaasa.somementor.content.training import ITraining
from zope.i18n import translate
from zope.interface import Invalid
from zope.schema import ValidationError

import contextlib
import pytest


def refusal(schema, name, value):
    with pytest.raises(ValidationError) as caught:
        schema[name].validate(value)
    return translate(caught.value.doc(), target_language="en")


@pytest.mark.parametrize(
    "schema,name,value,message",
    [
        (IMentor, "email", "anna.virtanen", "Enter a valid email address"),
        (IMentor, "email", "anna@vaasa", "Enter a valid email address"),
        (IMentor, "email", "anna virtanen@vaasa.fi", "Enter a valid email address"),
        (IMentor, "languages", [], "Choose at least one language"),
        (IMentor, "max_loans_per_month", -1, "Enter zero or a positive number"),
        (IMentor, "cohort", 212, "Give the year the mentor was trained"),
        (ITraining, "capacity", -5, "Enter zero or a positive number"),
        (ITraining, "participants", -1, "Enter zero or a positive number"),
        (ILoanRequest, "requester_email", "not an address", "Enter a valid email address"),
        (ILoanRequest, "expected_participants", -2, "Enter zero or a positive number"),
        (ILoanRequest, "hours_spent", -0.5, "Enter zero or a positive number"),
        (ILoanRequest, "feedback_rating", 0, "Give a rating from 1 to 5"),
        (ILoanRequest, "feedback_rating", 6, "Give a rating from 1 to 5"),
        (ILoanRequest, "consent", False, "agree to the processing of your data"),
        (ILoanRequest, "preferred_dates", [], "at least one range of dates"),
        (
            ILoanRequest,
            "preferred_dates",
            [{"start": date(2027, 3, 12), "end": date(2027, 3, 1)}],
            "must not end before it starts",
        ),
        (
            ILoanRequest,
            "preferred_dates",
            [{"start": date(2027, 3, 1), "end": date(2027, 3, 2)}] * 11,
            "at most 10 date ranges",
        ),
        (ILoanRequest, "requester_name", "Anna\x00", "control characters"),
        (ILoanRequest, "requester_name", "Anna\nVirtanen", "control characters"),
        (ILoanRequest, "need", "Instagram\x1b[31m", "control characters"),
        (ILoanRequest, "need", "\ud800", "control characters"),
    ],
)
def test_bad_value_refused_with_message(portal, schema, name, value, message):
    assert message in refusal(schema, name, value)


@pytest.mark.parametrize(
    "schema,name,value",
    [
        (IMentor, "email", "anna.virtanen@vaasa.fi"),
        (IMentor, "languages", ["sv"]),
        (IMentor, "max_loans_per_month", 0),
        (IMentor, "cohort", 2012),
        (ITraining, "capacity", 0),
        (ILoanRequest, "feedback_rating", 1),
        (ILoanRequest, "feedback_rating", 5),
        (ILoanRequest, "consent", True),
        (ILoanRequest, "need", "Instagram\r\n\tand stories"),
        (ILoanRequest, "preferred_dates", [{"start": date(2027, 3, 1), "end": date(2027, 3, 1)}]),
    ],
)
def test_good_value_accepted(portal, schema, name, value):
    schema[name].validate(value)


class Data:
    def __init__(self, **values):
        self.__dict__.update(values)


def invariant_messages(schema, **values):
    errors = []
    with contextlib.suppress(Invalid):
        schema.validateInvariants(Data(**values), errors)
    return [translate(error.args[0], target_language="en") for error in errors]


def test_scheduled_end_must_follow_start(portal):
    messages = invariant_messages(
        ILoanRequest,
        scheduled_start=datetime(2027, 1, 15, 12),
        scheduled_end=datetime(2027, 1, 15, 10),
    )
    assert messages == ["The scheduled end must be after the start."]


def test_scheduled_times_in_order_pass(portal):
    assert not invariant_messages(
        ILoanRequest,
        scheduled_start=datetime(2027, 1, 15, 10),
        scheduled_end=datetime(2027, 1, 15, 12),
    )


def test_naive_and_aware_times_compare_as_vaasa_time(portal):
    # A form stores 12:00 naive (Vaasa time); a REST client sent the end as 11:00 UTC = 13:00.
    assert not invariant_messages(
        ILoanRequest,
        scheduled_start=datetime(2027, 1, 15, 12),
        scheduled_end=datetime(2027, 1, 15, 11, tzinfo=UTC),
    )


def test_training_end_must_follow_start(portal):
    # plone.app.event's own invariant guards the event dates of a Training.
    from plone.app.event.dx.behaviors import IEventBasic

    messages = invariant_messages(
        IEventBasic,
        start=datetime(2027, 2, 10, 15),
        end=datetime(2027, 2, 10, 13),
        whole_day=False,
        open_end=False,
    )
    assert messages


@pytest.mark.parametrize(
    "text",
    [
        "next week",
        # Python reads these as dates too; a person rarely means them.
        "20270301",
        "2027-W10-1",
        "2027-02-30",
    ],
)
def test_wished_dates_as_text_only_iso(portal, text):
    with pytest.raises(validators.BadWishedDate):
        validators.wished_ranges([{"start": text, "end": "2027-03-09"}])


def test_wished_dates_as_text_become_rows_of_dates():
    rows = validators.wished_ranges([{"start": "2027-03-01", "end": "2027-03-09"}])
    assert rows == [{"start": date(2027, 3, 1), "end": date(2027, 3, 9)}]
