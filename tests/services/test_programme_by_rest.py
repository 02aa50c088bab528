"""The whole programme through REST only, as a headless front end runs it.

Plain HTTP: @plone/client (1.0.0-alpha) drops the add-on's fields in its create
and update mutations and always posts ``publish`` as the workflow step, so every
call it would make here needs a hand-written request anyway.
"""

from datetime import date
from datetime import timedelta
from factories import borrow_fields
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD
from vaasa.somementor.loans import rate_limit

import pytest
import requests


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
COORDINATOR_LOGIN = (COORDINATOR["username"], DEMO_PASSWORD)
MENTOR_LOGIN = ("johanna-bjork", DEMO_PASSWORD)


def call(method, url, auth=None, **kwargs):
    response = requests.request(method, url, headers=JSON, auth=auth, timeout=30, **kwargs)
    assert response.status_code < 300, (method, url, response.status_code, response.text)
    return response.json() if response.text else None


class TestProgrammeByRest:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_functional):
        rate_limit.reset()

    def test_borrow_approve_schedule_complete_and_count(self, site_url):
        api = f"{site_url}/++api++"
        today = date.today()
        period = {"start": f"{today.year}-01-01", "end": f"{today.year + 2}-12-31"}
        before = call("GET", f"{api}/fi/@somementor-statistics", COORDINATOR_LOGIN, params=period)

        # A visitor finds a mentor by facets, reads the form and borrows, with no account.
        listing = call("GET", f"{api}/fi/mentorit/@mentors", params={"skill": "youtube"})
        assert listing["facets"]["skill"]
        mentor = next(item for item in listing["items"] if item["title"] == "Johanna Björk")
        form = call("GET", mentor["borrow"])
        assert "preferred_dates" in form["required"]
        wish = today + timedelta(weeks=10)
        data = borrow_fields(
            requester_name="Headless Client",
            preferred_dates=[{"start": str(wish), "end": str(wish + timedelta(days=4))}],
        )
        sent = call("POST", mentor["borrow"], json=data)
        assert sent["review_state"] == "submitted"

        # The coordinator finds it and approves.
        found = call(
            "GET",
            f"{api}/@search",
            COORDINATOR_LOGIN,
            params={"portal_type": "LoanRequest", "Title": "Headless Client"},
        )
        loan = found["items"][0]["@id"]
        call("POST", f"{loan}/@workflow/approve", COORDINATOR_LOGIN)

        # The mentor sees it in @my-loans, schedules and completes it.
        mine = call("GET", f"{api}/fi/@my-loans", MENTOR_LOGIN)
        (row,) = [item for item in mine["as_mentor"]["to_schedule"] if item["@id"] == loan]
        meeting = wish + timedelta(days=1)
        call(
            "PATCH",
            loan,
            MENTOR_LOGIN,
            json={
                "scheduled_start": f"{meeting}T09:00:00",
                "scheduled_end": f"{meeting}T11:00:00",
                "place": "https://meet.example.org/headless",
            },
        )
        call("POST", f"{loan}/@workflow/schedule", MENTOR_LOGIN)
        call("PATCH", loan, MENTOR_LOGIN, json={"outcome": "Done.", "hours_spent": 2})
        done = call("POST", f"{loan}/@workflow/complete", MENTOR_LOGIN)
        assert done["review_state"] == "completed"

        # The funder's figures count it.
        after = call("GET", f"{api}/fi/@somementor-statistics", COORDINATOR_LOGIN, params=period)
        assert after["loans"]["completed"] == before["loans"]["completed"] + 1
        assert after["loans"]["requested"] == before["loans"]["requested"] + 1
