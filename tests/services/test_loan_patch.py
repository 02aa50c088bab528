"""Staff change a request by REST: the same field rules, a 400 with the field named, never a 500."""

from plone import api
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD

import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
AUTH = (COORDINATOR["username"], DEMO_PASSWORD)
# Approved: the coordinator may change its mentor and plan and report it.
LOAN = "sv/laneforfragningar/forfragan-korsholm-facebook"


class TestPatch:
    @pytest.fixture
    def loan_url(self, site_url):
        return f"{site_url}/++api++/{LOAN}"

    def patch(self, url, **data):
        return requests.patch(url, json=data, auth=AUTH, headers=JSON, timeout=60)

    def loan(self):
        transaction.begin()
        with api.env.adopt_roles(["Manager"]):
            return api.content.get(path=f"/{LOAN}")

    def test_mentor_cannot_point_at_a_desk(self, loan_url):
        before = self.loan().mentor.to_object.getId()
        with api.env.adopt_roles(["Manager"]):
            desk_uid = api.content.get(path="/fi/lainapyynnot").UID()
        response = self.patch(loan_url, mentor=desk_uid)
        assert response.status_code == 400, response.text
        assert "mentor" in response.text
        assert self.loan().mentor.to_object.getId() == before

    def test_a_coordinator_may_name_an_unpublished_mentor(self, loan_url):
        # In the request's own language tree, where the mentor picker looks.
        directory = api.content.get(path="/sv/mentorer")
        with api.env.adopt_roles(["Manager"]):
            from factories import mentor_fields

            pending = api.content.create(directory, "Mentor", id="uusi", **mentor_fields())
            api.content.transition(pending, to_state="pending")
        transaction.commit()
        response = self.patch(loan_url, mentor=pending.UID())
        assert response.status_code == 204, response.text
        assert self.loan().mentor.to_object.getId() == "uusi"

    def test_whole_hours(self, loan_url):
        response = self.patch(loan_url, hours_spent=2)
        assert response.status_code == 204, response.text
        assert self.loan().hours_spent == 2.0

    def test_hours_have_a_sane_maximum(self, loan_url):
        assert self.patch(loan_url, hours_spent=1000).status_code == 400

    def test_local_time_is_vaasa_time(self, loan_url):
        response = self.patch(
            loan_url,
            scheduled_start="2027-03-01T10:00",
            scheduled_end="2027-03-01T12:00:00+02:00",
        )
        assert response.status_code == 204, response.text
        loan = self.loan()
        assert loan.scheduled_start.isoformat() == "2027-03-01T10:00:00+02:00"
        assert loan.scheduled_end.isoformat() == "2027-03-01T12:00:00+02:00"

    @pytest.mark.parametrize("value", ["next tuesday", "2027-13-01T10:00", 20270301, ["x"]])
    def test_a_time_that_is_not_iso_8601(self, loan_url, value):
        response = self.patch(loan_url, scheduled_start=value)
        assert response.status_code == 400, response.text
        assert "scheduled_start" in response.text

    def test_control_characters_refused(self, loan_url):
        response = self.patch(loan_url, outcome="ok\x00")
        assert response.status_code == 400, response.text
