from datetime import datetime
from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import pytest


@pytest.fixture
def manager(portal):
    with api.env.adopt_roles(["Manager"]):
        yield


@pytest.fixture
def mentor(portal, manager):
    directory = api.content.create(portal, "MentorDirectory", id="mentorit", title="Mentorit")
    mentor = api.content.create(
        directory,
        "Mentor",
        id="erik",
        first_name="Erik",
        last_name="Lindqvist",
        department="education",
        languages=["sv"],
        email="erik@example.org",
        max_loans_per_month=1,
    )
    api.content.transition(mentor, to_state="published")
    return mentor


@pytest.fixture
def desk(portal, manager):
    return api.content.create(portal, "LoanDesk", id="lainapyynnot", title="Lainapyynnöt")


@pytest.fixture
def new_loan(desk, mentor):
    count = iter(range(1, 100))

    def make(with_mentor=True, month="2027-02", **fields):
        values = dict(
            requester_name="Karin",
            requester_email="karin@example.org",
            organisation="Korsholm",
            need="Facebook",
            preferred_language="sv",
            loan_format="remote",
            consent=True,
            preferred_dates=[{"start": f"{month}-01", "end": f"{month}-05"}],
        )
        if with_mentor:
            values["mentor"] = RelationValue(getUtility(IIntIds).getId(mentor))
        values.update(fields)
        return api.content.create(desk, "LoanRequest", id=f"request-{next(count)}", **values)

    return make


def schedule(loan, start, end, place="Korsholm bibliotek"):
    loan.scheduled_start, loan.scheduled_end, loan.place = start, end, place
    loan.reindexObject()
    api.content.transition(loan, transition="schedule")


def at(day, hour):
    return datetime(2027, 2, day, hour)
