from datetime import datetime
from factories import loan_request_fields
from factories import mentor_fields
from plone import api

import pytest


@pytest.fixture
def mentor(directory):
    mentor = api.content.create(
        directory,
        "Mentor",
        id="erik",
        **mentor_fields(first_name="Erik", last_name="Lindqvist", max_loans_per_month=1),
    )
    api.content.transition(mentor, to_state="published")
    return mentor


@pytest.fixture
def new_loan(desk, mentor):
    count = iter(range(1, 100))

    def make(with_mentor=True, month="2027-02", **fields):
        values = loan_request_fields(
            mentor if with_mentor else None,
            preferred_dates=[{"start": f"{month}-01", "end": f"{month}-05"}],
            **fields,
        )
        return api.content.create(desk, "LoanRequest", id=f"request-{next(count)}", **values)

    return make


def schedule(loan, start, end, place="Korsholm bibliotek"):
    loan.scheduled_start, loan.scheduled_end, loan.place = start, end, place
    loan.reindexObject()
    api.content.transition(loan, transition="schedule")


def at(day, hour):
    return datetime(2027, 2, day, hour)
