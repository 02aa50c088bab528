"""GET @my-loans: a headless client reads the signed-in user's loans and their next steps."""

from factories import borrow_fields
from plone import api
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD
from vaasa.somementor.loans import rate_limit

import pytest
import requests
import transaction


HEADERS = {"Accept": "application/json"}


@pytest.fixture
def api_url(site_url):
    return f"{site_url}/++api++"


def my_loans(url, auth=None):
    return requests.get(f"{url}/fi/@my-loans", headers=HEADERS, auth=auth, timeout=30)


class TestMyLoans:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_functional):
        self.portal = demo_functional["portal"]

    def test_anonymous_is_asked_to_sign_in(self, api_url):
        response = my_loans(api_url)
        assert response.status_code == 401
        assert response.json()["error"]["message"]

    def test_mentor_reads_their_loans_with_steps(self, api_url):
        answer = my_loans(api_url, auth=("johanna-bjork", DEMO_PASSWORD)).json()
        assert answer["is_mentor"] is True
        lent = [item for group in answer["as_mentor"].values() for item in group]
        assert lent, answer
        assert all(item["review_state"] in ("approved", "scheduled", "completed") for item in lent)
        for item in answer["as_mentor"]["to_schedule"]:
            assert any(step["@id"].endswith("/@workflow/schedule") for step in item["transitions"])

    def test_coordinator_is_no_mentor(self, api_url):
        answer = my_loans(api_url, auth=(COORDINATOR["username"], DEMO_PASSWORD)).json()
        assert answer["is_mentor"] is False
        assert not any(answer["as_mentor"].values())

    def test_member_finds_their_request_and_can_withdraw_it(self, api_url):
        api.user.create(username="elina", email="elina@example.org", password="elina-secret-1")
        transaction.commit()
        rate_limit.reset()
        member = ("elina", "elina-secret-1")
        sent = requests.post(
            f"{api_url}/fi/mentorit/anna-virtanen/@borrow",
            json=borrow_fields(requester_name="Elina Member"),
            headers={**HEADERS, "Content-Type": "application/json"},
            auth=member,
            timeout=30,
        )
        assert sent.status_code == 201, sent.text
        (request,) = my_loans(api_url, auth=member).json()["as_requester"]
        assert request["title"].startswith("Elina Member")
        assert request["state_title"]
        (step,) = [step for step in request["transitions"] if step["@id"].endswith("/cancel")]
        withdrawn = requests.post(step["@id"], headers=HEADERS, auth=member, timeout=30)
        assert withdrawn.status_code == 200, withdrawn.text
        (request,) = my_loans(api_url, auth=member).json()["as_requester"]
        assert request["review_state"] == "cancelled"
