"""POST @borrow: a visitor without an account asks to borrow a mentor."""

from datetime import datetime
from factories import borrow_fields
from plone import api
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD
from vaasa.somementor.loans import rate_limit

import pytest
import re
import requests
import transaction


REQUEST = borrow_fields()
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


@pytest.fixture
def api_url(site_url):
    rate_limit.reset()
    return f"{site_url}/++api++"


def borrow(url, data=REQUEST, **headers):
    return requests.post(f"{url}/@borrow", json=data, headers={**JSON, **headers}, timeout=30)


def count_requests():
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    return len(catalog.unrestrictedSearchResults(portal_type="LoanRequest"))


def find(portal, status_url):
    transaction.begin()
    token = status_url.rsplit("/", 1)[-1]
    from vaasa.somementor.loans import tokens

    return tokens.find(token)


class TestBorrow:
    def test_visitor_borrows_a_mentor(self, api_url, demo_functional):
        response = borrow(f"{api_url}/fi/mentorit/anna-virtanen")
        assert response.status_code == 201, response.text
        answer = response.json()
        assert "/plone/fi/@@loan-status/" in answer["status_url"]
        loan = find(demo_functional["portal"], answer["status_url"])
        assert loan.aq_parent.getId() == "lainapyynnot"
        assert loan.mentor.to_object.getId() == "anna-virtanen"
        assert api.content.get_state(loan) == "submitted"
        assert loan.requester_name == "Elina Kallio"

    def test_field_left_out_takes_its_default(self, api_url, demo_functional):
        data = {key: value for key, value in REQUEST.items() if key != "municipality"}
        response = borrow(f"{api_url}/fi/mentorit/anna-virtanen", data)
        assert response.status_code == 201, response.text
        assert (
            find(demo_functional["portal"], response.json()["status_url"]).municipality == "Vaasa"
        )

    def test_visitor_asks_the_desk_for_any_mentor(self, api_url, demo_functional):
        response = borrow(f"{api_url}/sv/laneforfragningar", dict(REQUEST, preferred_language="sv"))
        assert response.status_code == 201, response.text
        loan = find(demo_functional["portal"], response.json()["status_url"])
        assert loan.mentor is None
        assert "/sv/" in response.json()["status_url"]

    def test_bad_fields_each_get_a_message_and_nothing_is_stored(self, api_url):
        before = count_requests()
        response = borrow(
            f"{api_url}/fi/mentorit/anna-virtanen",
            dict(REQUEST, requester_email="elina@", consent=False, need=""),
        )
        assert response.status_code == 400
        errors = {e["field"]: e["message"] for e in response.json()["error"]["errors"]}
        assert set(errors) == {"requester_email", "consent", "need"}
        # The page is Finnish, so the messages are too.
        assert errors["requester_email"].startswith("Anna kelvollinen sähköpostiosoite")
        assert count_requests() == before

    def test_messages_in_swedish(self, api_url):
        response = borrow(
            f"{api_url}/sv/mentorer/anna-virtanen",
            dict(REQUEST, requester_email="elina@"),
            **{"Accept-Language": "sv"},
        )
        assert response.status_code == 400
        [error] = response.json()["error"]["errors"]
        assert error["field"] == "requester_email"
        assert error["message"] != "Enter a valid email address, such as name@vaasa.fi."

    def test_reversed_dates_refused(self, api_url):
        response = borrow(
            f"{api_url}/fi/mentorit/anna-virtanen",
            dict(REQUEST, preferred_dates=[{"start": "2027-02-12", "end": "2027-02-08"}]),
            **{"Accept-Language": "en"},
        )
        assert response.status_code == 400
        [error] = response.json()["error"]["errors"]
        assert error["field"] == "preferred_dates"
        assert error["message"].startswith("Toivottu aikaväli ei voi päättyä")

    def test_at_least_one_date_range_needed(self, api_url):
        response = borrow(f"{api_url}/sv/mentorer/anna-virtanen", dict(REQUEST, preferred_dates=[]))
        assert response.status_code == 400
        [error] = response.json()["error"]["errors"]
        assert error == {
            "field": "preferred_dates",
            "message": "Ange minst en period som passar dig.",
        }

    def test_honeypot_filled_stores_nothing(self, api_url):
        before = count_requests()
        response = borrow(f"{api_url}/fi/mentorit/anna-virtanen", dict(REQUEST, website="x"))
        assert response.status_code == 400
        assert count_requests() == before

    def test_rate_limit_per_address(self, api_url):
        # Corrected mistakes do not count against the visitor.
        assert borrow(f"{api_url}/fi/lainapyynnot", dict(REQUEST, consent=False)).status_code == 400
        answers = [borrow(f"{api_url}/fi/lainapyynnot").status_code for _ in range(6)]
        assert answers == [201] * 5 + [429]

    def test_inactive_mentor_cannot_be_borrowed(self, api_url):
        before = count_requests()
        response = borrow(f"{api_url}/fi/mentorit/pekka-laine", **{"Accept-Language": "en"})
        # As if there were no such mentor: the answer tells nothing about the profile.
        assert response.status_code == 404
        assert "Pekka" not in response.text
        assert count_requests() == before

    def test_a_loan_request_takes_no_requests(self, api_url):
        response = borrow(f"{api_url}/fi/lainapyynnot/pyynto-lyseo-instagram")
        assert response.status_code in (401, 404)


class TestStatusPage:
    def test_status_page_shows_the_state_and_cancels(self, api_url, site_url, demo_functional):
        status_url = borrow(f"{api_url}/fi/mentorit/anna-virtanen").json()["status_url"]
        page = requests.get(status_url, timeout=30)
        assert page.status_code == 200
        assert "Elina Kallio" in page.text
        authenticator = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page.text)
        assert authenticator, "no CSRF token in the cancel form"
        requests.post(
            status_url, data={"cancel": "1", "_authenticator": authenticator.group(1)}, timeout=30
        )
        loan = find(demo_functional["portal"], status_url)
        assert api.content.get_state(loan) == "cancelled"
        assert "cancel" not in requests.get(status_url, timeout=30).text.split("<form")[-1]

    def test_status_page_shows_the_time_in_the_page_language(self, api_url, demo_functional):
        status_url = borrow(f"{api_url}/fi/mentorit/anna-virtanen").json()["status_url"]
        loan = find(demo_functional["portal"], status_url)
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(loan, transition="approve")
            loan.scheduled_start = datetime(2027, 2, 10, 9)
            loan.scheduled_end = datetime(2027, 2, 10, 11)
            loan.place = "Laihian kirjasto"
            api.content.transition(loan, transition="schedule")
        transaction.commit()
        page = requests.get(status_url, timeout=30).text
        assert "ke 10.2.2027 klo 9.00–11.00" in page
        assert "Laihian kirjasto" in page

    def test_cancel_without_the_form_token_is_refused(self, api_url, demo_functional):
        status_url = borrow(f"{api_url}/fi/mentorit/anna-virtanen").json()["status_url"]
        requests.post(status_url, data={"cancel": "1"}, timeout=30)
        assert api.content.get_state(find(demo_functional["portal"], status_url)) == "submitted"

    def test_token_opens_nothing_else(self, api_url, site_url, demo_functional):
        status_url = borrow(f"{api_url}/fi/mentorit/anna-virtanen").json()["status_url"]
        loan = find(demo_functional["portal"], status_url)
        path = "/".join(loan.getPhysicalPath()[2:])
        assert requests.get(f"{api_url}/{path}", headers=JSON, timeout=30).status_code == 401
        assert requests.get(
            f"{site_url}/{path}", timeout=30, allow_redirects=False
        ).status_code in (
            302,
            401,
        )

    def test_unknown_token_is_not_found(self, site_url):
        assert requests.get(f"{site_url}/fi/@@loan-status/nope", timeout=30).status_code == 404


class TestLoanJourney:
    """The request moves on by REST, as a coordinator and as the mentor; anonymous never sees it."""

    def test_submit_approve_schedule_complete(self, api_url, demo_functional):
        coordinator = (COORDINATOR["username"], DEMO_PASSWORD)
        mentor = ("johanna-bjork", DEMO_PASSWORD)
        status_url = borrow(f"{api_url}/fi/mentorit/johanna-bjork").json()["status_url"]
        loan = find(demo_functional["portal"], status_url)
        url = f"{api_url}/{'/'.join(loan.getPhysicalPath()[2:])}"

        def anonymous_refused():
            assert requests.get(url, headers=JSON, timeout=30).status_code == 401

        def as_user(auth, method, path="", **kwargs):
            response = requests.request(
                method, f"{url}{path}", auth=auth, headers=JSON, timeout=30, **kwargs
            )
            assert response.status_code in (200, 204), response.text
            return response

        anonymous_refused()
        # The mentor sees nothing before a coordinator approves.
        assert requests.get(url, auth=mentor, headers=JSON, timeout=30).status_code in (401, 403)
        as_user(coordinator, "POST", "/@workflow/approve")
        anonymous_refused()
        as_user(
            mentor,
            "PATCH",
            json={
                "scheduled_start": "2027-02-10T09:00:00",
                "scheduled_end": "2027-02-10T11:00:00",
                "place": "https://meet.example.org/laihia",
            },
        )
        as_user(mentor, "POST", "/@workflow/schedule")
        anonymous_refused()
        as_user(mentor, "PATCH", json={"outcome": "Instagram-tarinat opittu.", "hours_spent": 2.5})
        as_user(mentor, "POST", "/@workflow/complete")
        anonymous_refused()
        assert as_user(coordinator, "GET").json()["review_state"] == "completed"


class TestStatusPageMentor:
    def test_mentor_named_only_once_lent(self, api_url, demo_functional):
        status_url = borrow(f"{api_url}/fi/mentorit/anna-virtanen").json()["status_url"]
        # Submitted: the wished mentor is not promised yet.
        assert "Anna Virtanen" not in requests.get(status_url, timeout=30).text
        loan = find(demo_functional["portal"], status_url)
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(loan, transition="approve")
        transaction.commit()
        assert "Anna Virtanen" in requests.get(status_url, timeout=30).text
