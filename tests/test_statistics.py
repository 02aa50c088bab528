"""statistics.py: the figures of a period equal those counted by hand on fixed data."""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from factories import loan_request_fields
from factories import mentor_fields
from factories import training_fields
from plone import api
from plone.app.multilingual.interfaces import IMutableTG
from vaasa.somementor import statistics

import pytest
import pytz


HELSINKI = pytz.timezone("Europe/Helsinki")
# The period of the tests: the first and the last day are both in it.
FIRST, LAST = date(2012, 8, 1), date(2013, 6, 30)


def at(text):
    return HELSINKI.localize(datetime.fromisoformat(text))


@pytest.fixture
def held(programme):
    """Make a training that was held, with ``participants``; ``state`` to leave it elsewhere."""
    count = iter(range(1, 100))

    def make(start, participants=10, state="completed", group=None, **fields):
        training = api.content.create(
            programme,
            "Training",
            id=f"training-{next(count)}",
            start=at(start),
            end=at(start.replace("T09", "T11")) if "T09" in start else at(start),
            timezone="Europe/Helsinki",
            participants=participants,
            **training_fields(**fields),
        )
        if state in ("published", "completed"):
            api.content.transition(training, transition="publish")
        if state == "completed":
            api.content.transition(training, transition="complete")
        if group:
            IMutableTG(training).set(group)
        training.reindexObject()
        return training

    return make


def figures():
    return statistics.figures(FIRST, LAST)


class TestPeriod:
    def test_two_dates(self):
        assert statistics.period("2012-08-01", " 2013-06-30 ") == (FIRST, LAST)

    def test_one_day(self):
        assert statistics.period("2013-01-01", "2013-01-01") == (date(2013, 1, 1),) * 2

    @pytest.mark.parametrize(
        "start, end", [("", "2013-01-01"), ("2013-02-30", "2013-03-01"), ("1.8.2012", None)]
    )
    def test_unreadable(self, start, end):
        with pytest.raises(statistics.BadPeriod):
            statistics.period(start, end)

    def test_reversed(self):
        with pytest.raises(statistics.BadPeriod) as refused:
            statistics.period("2013-06-30", "2012-08-01")
        assert "end on or after" in refused.value.message

    def test_months_across_the_new_year(self):
        assert statistics.months(date(2012, 11, 5), date(2013, 2, 1)) == [
            "2012-11",
            "2012-12",
            "2013-01",
            "2013-02",
        ]


class TestTrainings:
    def test_edges_of_the_period(self, held):
        held("2012-07-31T23:30", participants=1)  # the day before: out
        held("2012-08-01T00:15", participants=2)  # the first day, just after midnight
        held("2013-06-30T23:30", participants=4)  # the last day, late
        held("2013-07-01T00:30", participants=8)  # the day after: out
        assert figures()["funder"] == {
            "training_events": 2,
            "training_participants": 6,
            "events": 0,
            "event_participants": 0,
        }

    def test_only_held_trainings_count(self, held):
        held("2012-09-12T09:00", participants=14)
        held("2012-10-10T09:00", participants=12, state="published")
        held("2012-10-24T09:00", participants=15, state="draft")
        held("2012-11-07T09:00", participants=None, state="published")
        trainings = figures()["trainings"]
        assert (trainings["count"], trainings["participants"]) == (1, 14)

    def test_events_apart_from_trainings(self, held):
        held("2012-09-12T09:00", participants=14)
        held("2012-10-03T09:00", participants=40, kind="event")
        assert figures()["funder"] == {
            "training_events": 1,
            "training_participants": 14,
            "events": 1,
            "event_participants": 40,
        }

    def test_translations_count_once(self, held):
        held("2012-09-12T09:00", participants=14, group="tg-some")
        held("2012-09-12T09:00", participants=14, group="tg-some", title="Sociala medier")
        assert figures()["funder"]["training_participants"] == 14

    def test_by_language_group_format_and_month(self, held):
        held("2012-09-12T09:00", participants=14, language_group="fi")
        held("2012-09-19T09:00", participants=9, language_group="sv")
        held("2012-10-24T09:00", participants=15, training_format="remote")
        held(
            "2012-11-28T09:00", participants=11, language_group="regional", training_format="remote"
        )
        trainings = figures()["trainings"]
        assert trainings["by_language_group"] == {
            "fi": {"count": 2, "participants": 29},
            "sv": {"count": 1, "participants": 9},
            "regional": {"count": 1, "participants": 11},
        }
        assert trainings["by_format"] == {
            "in-person": {"count": 2, "participants": 23},
            "remote": {"count": 2, "participants": 26},
            "recorded": {"count": 0, "participants": 0},
        }
        by_month = trainings["by_month"]
        assert list(by_month) == statistics.months(FIRST, LAST)
        assert by_month["2012-09"] == {"count": 2, "participants": 23}
        assert by_month["2012-12"] == {"count": 0, "participants": 0}
        assert [item["date"] for item in trainings["items"]] == [
            "2012-09-12",
            "2012-09-19",
            "2012-10-24",
            "2012-11-28",
        ]


def _dated(loan, **days):
    """Move the loan's workflow steps to the given days, as if it had happened then."""
    history = loan.workflow_history["somementor_loan_workflow"]
    entries = []
    for entry in history:
        entry = dict(entry)
        if entry["review_state"] in days:
            entry["time"] = DateTime(at(days[entry["review_state"]] + "T12:00"))
        entries.append(entry)
    loan.workflow_history["somementor_loan_workflow"] = tuple(entries)
    loan.creation_date = entries[0]["time"]
    loan.reindexObject()


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

    def make(steps, municipality="Korsholm", hours=None, rating=None, **days):
        loan = api.content.create(
            desk,
            "LoanRequest",
            id=f"request-{next(count)}",
            **loan_request_fields(mentor, municipality=municipality),
        )
        for step in steps:
            if step == "schedule":
                loan.scheduled_start, loan.scheduled_end = (
                    at("2013-02-01T10:00"),
                    at("2013-02-01T12:00"),
                )
                loan.place = "Korsholm bibliotek"
            if step == "complete":
                loan.outcome, loan.hours_spent, loan.feedback_rating = "Done", hours, rating
            api.content.transition(loan, transition=step, comment="No time this spring.")
        _dated(loan, **days)
        return loan

    return make


class TestLoans:
    def test_each_step_on_its_day(self, loan):
        done = ("approve", "schedule", "complete")
        loan(
            done,
            hours=3,
            rating=5,
            submitted="2013-01-10",
            approved="2013-01-12",
            scheduled="2013-01-20",
            completed="2013-02-01",
        )
        # Asked before the period, completed in it.
        loan(
            done,
            hours=2,
            rating=4,
            submitted="2012-06-01",
            approved="2012-06-02",
            scheduled="2012-06-03",
            completed="2012-08-01",
        )
        # Asked in the period, completed after it.
        loan(
            done,
            hours=5,
            rating=1,
            submitted="2013-06-30",
            approved="2013-06-30",
            scheduled="2013-06-30",
            completed="2013-07-01",
        )
        loan(("reject",), submitted="2012-12-01", rejected="2012-12-02")
        loan(("cancel",), submitted="2012-12-01", cancelled="2013-07-01")
        loans = figures()["loans"]
        assert {
            step: loans[step]
            for step in ("requested", "approved", "scheduled", "completed", "rejected", "cancelled")
        } == {
            "requested": 4,
            "approved": 2,
            "scheduled": 2,
            "completed": 2,
            "rejected": 1,
            "cancelled": 0,
        }
        assert loans["hours"] == 5
        assert (loans["ratings"], loans["average_rating"]) == (2, 4.5)

    def test_by_municipality_and_mentor(self, loan, mentor):
        done = ("approve", "schedule", "complete")
        loan(done, hours=3, municipality="Vaasa", submitted="2013-01-10", completed="2013-02-01")
        loan(done, hours=1.5, municipality="Vaasa", submitted="2013-01-11", completed="2013-02-02")
        loan((), municipality="Korsholm ", submitted="2013-03-01")
        loans = figures()["loans"]
        assert loans["by_municipality"] == [
            {"municipality": "Korsholm", "requested": 1, "completed": 0, "hours": 0.0},
            {"municipality": "Vaasa", "requested": 2, "completed": 2, "hours": 4.5},
        ]
        assert loans["by_mentor"] == [
            {
                "mentor": mentor.UID(),
                "title": "Anna Virtanen",
                "requested": 3,
                "completed": 2,
                "hours": 4.5,
            },
        ]

    def test_no_rating_no_average(self, loan):
        assert figures()["loans"]["average_rating"] is None


class TestMentors:
    def test_by_cohort_once_per_person(self, directory, mentor):
        IMutableTG(mentor).set("tg-anna")
        mentor.reindexObject()
        swedish = api.content.create(
            directory, "Mentor", id="anna-sv", cohort=2012, **mentor_fields()
        )
        IMutableTG(swedish).set("tg-anna")
        swedish.reindexObject()
        api.content.transition(swedish, to_state="published")
        retired = api.content.create(
            directory, "Mentor", id="erik", cohort=2013, **mentor_fields(first_name="Erik")
        )
        api.content.transition(retired, to_state="published")
        api.content.transition(retired, transition="retire")
        mentors = figures()["mentors"]
        assert mentors["by_cohort"] == {"2012": 1, "2013": 1}
        assert (mentors["total"], mentors["active"]) == (2, 1)


class TestDemo:
    def test_funded_period_gives_the_report_to_the_funder(self, demo_integration):
        assert statistics.figures(*statistics.FUNDED_PERIOD)["funder"] == {
            "training_events": 12,
            "training_participants": 135,
            "events": 0,
            "event_participants": 0,
        }

    def test_the_autumn_after_has_the_some_day(self, demo_integration):
        funder = statistics.figures(date(2013, 8, 1), date(2013, 12, 31))["funder"]
        assert (funder["events"], funder["event_participants"]) == (2, 58)
