from factories import loan_request_fields
from factories import training_fields
from plone import api
from plone.app.event.base import IEvent
from plone.app.event.ical.exporter import construct_icalendar
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.content.mentor import IMentor
from vaasa.somementor.content.training import ITraining
from zope.schema import getFieldNames

import pytest


@pytest.mark.parametrize(
    "schema,fields",
    [
        (
            IMentor,
            "first_name last_name job_title department portrait description bio skills "
            "languages loan_formats availability max_loans_per_month email phone user_id "
            "cohort active",
        ),
        (
            ITraining,
            "kind topics language_group training_format meeting_url organiser trainer "
            "capacity participants materials",
        ),
        (
            ILoanRequest,
            "requester_name requester_email requester_phone organisation municipality mentor "
            "skills_needed need preferred_language loan_format preferred_dates "
            "expected_participants consent scheduled_start scheduled_end place outcome "
            "hours_spent feedback_rating feedback_comment",
        ),
    ],
)
def test_schema_has_the_fields(schema, fields):
    assert set(fields.split()) <= set(getFieldNames(schema))


def test_mentor_title_comes_from_the_name(mentor):
    assert mentor.Title() == "Anna Virtanen"
    assert api.content.find(Title="Anna Virtanen")


def test_mentor_title_follows_a_name_change(mentor):
    mentor.last_name = "Virtanen-Holm"
    mentor.reindexObject()
    assert mentor.Title() == "Anna Virtanen-Holm"
    assert mentor.UID() == api.content.find(Title="Virtanen-Holm")[0].UID


def test_mentor_is_active_by_default(mentor):
    assert mentor.active is True


def test_training_is_an_event_with_ical(programme):
    training = api.content.create(
        programme,
        "Training",
        **training_fields(),
    )
    assert IEvent.providedBy(training)
    ical = construct_icalendar(programme, [training]).to_ical().decode()
    assert "BEGIN:VEVENT" in ical
    assert "SUMMARY:Googlen työkalut" in ical


def test_loan_request_titled_by_requester(desk):
    loan = api.content.create(
        desk,
        "LoanRequest",
        id="request-1",
        **loan_request_fields(requester_name="Tiina Koskinen", organisation="Vaasan lyseo"),
    )
    assert loan.Title() == "Tiina Koskinen (Vaasan lyseo)"


def test_loan_request_catalogued_by_mentor_and_time(desk, mentor):
    from datetime import datetime

    api.content.create(
        desk,
        "LoanRequest",
        id="request-1",
        **loan_request_fields(
            mentor,
            scheduled_start=datetime(2027, 1, 15, 10),
            scheduled_end=datetime(2027, 1, 15, 12),
        ),
    )
    brains = api.content.find(portal_type="LoanRequest", loan_mentor_uid=mentor.UID())
    assert len(brains) == 1
    assert brains[0].loan_start.hour() == 10
