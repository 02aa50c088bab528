"""retention.py: personal data goes when its time is over; the funder's figures stay as they are."""

from datetime import date
from factories import loan_request_fields
from factories import mentor_fields
from plone import api
from test_statistics import _dated
from test_statistics import at
from vaasa.somementor import audit
from vaasa.somementor import personal_data
from vaasa.somementor import retention
from vaasa.somementor import statistics
from vaasa.somementor.interfaces import ISettings
from vaasa.somementor.loans import comments
from vaasa.somementor.registrations import sign_up
from vaasa.somementor.registrations import store

import pytest
import re


# 24 months (the default) before this day is 2013-06-01: what ended by then is due.
TODAY = date(2015, 6, 1)
PERIODS = (
    statistics.FUNDED_PERIOD,
    (date(2012, 1, 1), date(2014, 12, 31)),
    (date(2013, 2, 1), date(2013, 2, 28)),
    (date(2012, 12, 1), date(2012, 12, 31)),
    (date(2013, 7, 1), date(2013, 7, 31)),
)
REQUESTER = {
    "requester_name": "Karin Westerlund",
    "requester_email": "Karin.Westerlund@example.org",
    "requester_phone": "+358 40 123 4567",
    "organisation": "Korsholms kulturbyrå",
    "need": "Facebooksida för kulturbyrån, Karin har inga sidor än",
}
# Words of the requester's and the registrants' that must not be found anywhere afterwards.
PERSONAL = (
    "karin",
    "westerlund",
    "example.org",
    "123 4567",
    "kulturbyrå",
    "facebooksida",
    "lisa lund",
    "tack karin",
    "bengt",
    "eriksson",
)


@pytest.fixture
def mentor(directory):
    mentor = api.content.create(
        directory, "Mentor", id="anna", cohort=2012, **mentor_fields(max_loans_per_month=9)
    )
    api.content.transition(mentor, to_state="published")
    return mentor


@pytest.fixture
def loan(desk, mentor):
    count = iter(range(1, 100))

    def make(steps, comment="", **days):
        loan = api.content.create(
            desk,
            "LoanRequest",
            id=f"request-{next(count)}",
            _status_token=f"token-{next(count)}",
            **loan_request_fields(mentor, **REQUESTER),
        )
        for step in steps:
            if step == "schedule":
                loan.scheduled_start, loan.scheduled_end = (
                    at("2013-02-01T10:00"),
                    at("2013-02-01T12:00"),
                )
                loan.place = "https://meet.example.org/karin-westerlund"
            if step == "complete":
                loan.outcome = "Karin Westerlund opened the page"
                loan.hours_spent, loan.feedback_rating = 3.5, 5
                loan.feedback_comment = "Tack Karin!"
            api.content.transition(loan, transition=step, comment=comment)
        _dated(loan, **days)
        return loan

    return make


@pytest.fixture
def training(programme):
    count = iter(range(1, 100))

    def make(start, *people):
        training = api.content.create(
            programme,
            "Training",
            id=f"training-{next(count)}",
            title="Sociala medier",
            start=at(start + "T09:00"),
            end=at(start + "T11:00"),
            timezone="Europe/Helsinki",
            participants=len(people),
            language_group="sv",
            training_format="in-person",
        )
        api.content.transition(training, transition="publish")
        api.content.transition(training, transition="complete")
        for name, email in people:
            sign_up.register(
                training, {"name": name, "email": email, "unit": "Korsholm", "language": "sv"}
            )
        return training

    return make


@pytest.fixture
def history(loan, training):
    """Requests and trainings of 2012-2013: most of them due on TODAY, some not yet."""
    done = ("approve", "schedule", "complete")
    return {
        "completed": loan(
            done,
            comment="Karin Westerlund ringde",
            submitted="2013-01-10",
            approved="2013-01-12",
            scheduled="2013-01-20",
            completed="2013-02-01",
        ),
        "rejected": loan(
            ("reject",),
            comment="Karin fick redan hjälp av Lisa Lund",
            submitted="2012-12-01",
            rejected="2012-12-02",
        ),
        "withdrawn": loan(
            ("cancel",),
            comment=comments.stored(comments.CANCELLED_BY_REQUESTER),
            submitted="2012-12-01",
            cancelled="2012-12-05",
        ),
        # Ended after 2013-06-01: kept another while.
        "recent": loan(("cancel",), submitted="2013-06-20", cancelled="2013-07-01"),
        # Still open: never due, however old.
        "open": loan((), submitted="2013-03-01"),
        "held": training(
            "2013-02-14",
            ("Bengt Eriksson", "bengt@example.org"),
            ("Karin Westerlund", "karin.westerlund@example.org"),
        ),
        "held_later": training("2013-09-12", ("Lisa Lund", "lisa@example.org")),
    }


def all_figures():
    return [statistics.figures(first, last) for first, last in PERIODS]


def catalogued(obj):
    """Every index value and metadata column of ``obj``, as one lower-case text."""
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=obj.UID())
    rid = brain.getRID()
    return repr((catalog.getIndexDataForRID(rid), catalog.getMetadataForRID(rid))).lower()


class TestRun:
    def test_statistics_identical_field_by_field(self, history):
        before = all_figures()
        assert retention.run(TODAY) == (3, 2)
        after = all_figures()
        for period, old, new in zip(PERIODS, before, after, strict=True):
            for part in old:
                assert new[part] == old[part], (period, part)
        # The figures count something: the test is not comparing noughts.
        assert before[1]["loans"]["completed"] == 1
        assert before[1]["loans"]["hours"] == 3.5
        assert before[1]["funder"]["training_participants"] == 3

    def test_nothing_personal_left_in_catalog_or_history(self, history):
        retention.run(TODAY)
        for key in ("completed", "rejected", "withdrawn"):
            loan = history[key]
            text = catalogued(loan)
            for word in PERSONAL:
                assert word not in text, (key, word)
            assert personal_data.email_key(REQUESTER["requester_email"]) not in text
            for name in (*retention.REQUESTER_FIELDS, *retention.FREE_TEXTS):
                assert not getattr(loan, name)
            assert not hasattr(loan, "_status_token")
            typed = [
                entry["comments"]
                for entry in loan.workflow_history["somementor_loan_workflow"]
                if entry.get("comments")
            ]
            assert set(typed) <= set(comments.SYSTEM_COMMENTS), key
        text = catalogued(history["held"])
        for word in PERSONAL:
            assert word not in text, word
        for record in store.records(history["held"]):
            assert (record["name"], record["email"], record["token"]) == ("", "", "")

    def test_kept_what_is_counted(self, history, mentor):
        retention.run(TODAY)
        loan = history["completed"]
        assert api.content.get_state(loan) == "completed"
        assert (loan.municipality, loan.preferred_language) == ("Korsholm", "sv")
        assert (loan.hours_spent, loan.feedback_rating) == (3.5, 5)
        assert loan.scheduled_start == at("2013-02-01T10:00")
        assert loan.mentor.to_object == mentor
        steps = [
            entry["review_state"] for entry in loan.workflow_history["somementor_loan_workflow"]
        ]
        assert steps == ["submitted", "approved", "scheduled", "completed"]
        # The requester's own cancellation still says so, in the reader's language.
        withdrawn = history["withdrawn"].workflow_history["somementor_loan_workflow"]
        assert withdrawn[-1]["comments"] == comments.stored(comments.CANCELLED_BY_REQUESTER)
        records = store.records(history["held"])
        assert [(r["state"], r["unit"], r["language"]) for r in records] == [
            ("confirmed", "Korsholm", "sv")
        ] * 2

    def test_neutral_title_by_month_and_number(self, history):
        retention.run(TODAY)
        assert re.fullmatch(r"\S+ 2013-01 #1", history["completed"].Title())
        titles = {history[key].Title() for key in ("rejected", "withdrawn")}
        assert {title.split(" ", 1)[1] for title in titles} == {"2012-12 #1", "2012-12 #2"}

    def test_what_is_not_due_keeps_its_data(self, history):
        retention.run(TODAY)
        for key in ("recent", "open"):
            assert history[key].requester_name == "Karin Westerlund"
        (record,) = store.records(history["held_later"])
        assert record["name"] == "Lisa Lund"
        found = personal_data.find("karin.westerlund@example.org")
        assert {loan.getId() for loan in found.loans} == {
            history["recent"].getId(),
            history["open"].getId(),
        }
        assert found.registrations == []

    def test_second_run_finds_nothing(self, history):
        assert retention.run(TODAY) == (3, 2)
        assert retention.due(TODAY) == (0, 0)
        assert retention.run(TODAY) == (0, 0)
        (entry,) = audit.entries()
        assert (entry["reason"], entry["loans"], entry["registrations"]) == ("expired", 3, 2)

    def test_logs_the_counts(self, history, caplog):
        with caplog.at_level("INFO", logger="vaasa.somementor.retention"):
            retention.run(TODAY)
        assert "anonymised 3 loan requests and 2 registrations" in caplog.text

    def test_months_from_the_control_panel(self, history):
        api.portal.set_registry_record("retention_months", 120, interface=ISettings)
        assert retention.run(TODAY) == (0, 0)
