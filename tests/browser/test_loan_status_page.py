"""The requester's status page over HTTP: private headers, the calendar, and feedback once."""

from datetime import datetime
from factories import borrow_fields
from plone import api
from vaasa.somementor import _
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD
from vaasa.somementor.loans import rate_limit
from vaasa.somementor.loans import tokens
from zope.i18n import translate

import pytest
import re
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
MEETING = "https://meet.example.org/laihia"


def finnish(msgid, **mapping):
    # Before the catalogues have a msgid, this is the English text, as the page shows it.
    return translate(_(msgid, mapping=mapping), target_language="fi")


def authenticator(html):
    found = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def loan_of(status_url):
    transaction.begin()
    return tokens.find(status_url.rsplit("/", 1)[-1])


@pytest.fixture
def status_url(site_url):
    """A fresh request for Anna Virtanen, sent through @borrow as a visitor sends it."""
    rate_limit.reset()
    response = requests.post(
        f"{site_url}/++api++/fi/mentorit/anna-virtanen/@borrow",
        json=borrow_fields(),
        headers=JSON,
        timeout=30,
    )
    assert response.status_code == 201, response.text
    return response.json()["status_url"]


def move(status_url, *transitions, place=MEETING):
    """As a coordinator would: with the fields each rule asks for, then committed."""
    loan = loan_of(status_url)
    with api.env.adopt_roles(["Manager"]):
        for transition in transitions:
            if transition == "schedule":
                loan.scheduled_start = datetime(2027, 2, 10, 9)
                loan.scheduled_end = datetime(2027, 2, 10, 11)
                loan.place = place
            if transition == "complete":
                loan.outcome, loan.hours_spent = "Instagram-tarinat opittu.", 2.0
            api.content.transition(loan, transition=transition)
    transaction.commit()
    return loan


def completed(status_url):
    return move(status_url, "approve", "schedule", "complete")


def send_feedback(status_url, rating="4", comment="Erittäin hyödyllinen!", token=None, **kwargs):
    token = token or authenticator(requests.get(status_url, timeout=30).text)
    data = {"feedback": "1", "_authenticator": token, "feedback_comment": comment}
    if rating is not None:
        data["feedback_rating"] = rating
    return requests.post(f"{status_url}", data=data, timeout=30, **kwargs)


def assert_private(response):
    assert response.headers["Referrer-Policy"] == "no-referrer"
    cache = {part.strip() for part in response.headers["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache, response.headers["Cache-Control"]


def stored(status_url):
    loan = loan_of(status_url)
    return loan.feedback_rating, loan.feedback_comment


class TestPrivacy:
    def test_get_keeps_the_token_private(self, status_url):
        response = requests.get(status_url, timeout=30)
        assert response.status_code == 200
        assert_private(response)
        assert '<meta name="referrer" content="no-referrer"' in response.text
        assert "data-somementor" in response.text

    def test_post_keeps_the_token_private(self, status_url):
        token = authenticator(requests.get(status_url, timeout=30).text)
        response = requests.post(
            status_url, data={"cancel": "1", "_authenticator": token}, timeout=30
        )
        assert response.status_code == 200
        assert_private(response)
        assert api.content.get_state(loan_of(status_url)) == "cancelled"

    def test_unknown_token_is_not_found(self, site_url):
        assert requests.get(f"{site_url}/fi/@@loan-status/nope", timeout=30).status_code == 404
        assert requests.get(f"{site_url}/fi/@@loan-status/nope/ics", timeout=30).status_code == 404

    def test_no_other_sub_path(self, status_url):
        assert requests.get(f"{status_url}/edit", timeout=30).status_code == 404

    def test_meeting_link_is_a_link_that_tells_nothing(self, status_url):
        move(status_url, "approve", "schedule")
        html = requests.get(status_url, timeout=30).text
        [link] = re.findall(r"<a [^>]*meeting-link[^>]*>", html)
        assert f'href="{MEETING}"' in link
        assert 'rel="noreferrer noopener"' in link

    @pytest.mark.parametrize("place", ["javascript:alert(1)", "Laihian kirjasto, sali 2"])
    def test_a_place_is_no_link(self, status_url, place):
        move(status_url, "approve", "schedule", place=place)
        html = requests.get(status_url, timeout=30).text
        assert "meeting-link" not in html
        assert 'href="javascript:' not in html
        assert place in html


class TestReadableDates:
    def test_dates_in_the_page_language(self, status_url):
        html = requests.get(status_url, timeout=30).text
        wished = borrow_fields()["preferred_dates"][0]
        start = datetime.fromisoformat(wished["start"])
        # "ti 1.12.2026": the weekday and the Finnish date, not 2026-12-01.
        assert f" {start.day}.{start.month}.{start.year}" in html
        assert wished["start"] not in html
        assert re.search(r"\d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}", html), "no sent time"


class TestCalendar:
    def test_ics_of_a_scheduled_loan(self, status_url):
        move(status_url, "approve", "schedule")
        assert f"{status_url}/ics" in requests.get(status_url, timeout=30).text
        response = requests.get(f"{status_url}/ics", timeout=30)
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("text/calendar")
        assert "attachment" in response.headers["Content-Disposition"]
        assert_private(response)
        assert "DTSTART;TZID=Europe/Helsinki:20270210T090000" in response.text
        assert "BEGIN:VEVENT" in response.text

    def test_no_calendar_before_scheduling(self, status_url):
        assert "/ics" not in requests.get(status_url, timeout=30).text
        assert requests.get(f"{status_url}/ics", timeout=30).status_code == 404


class TestFeedback:
    def test_form_only_once_completed(self, status_url):
        html = requests.get(status_url, timeout=30).text
        assert 'id="feedback"' not in html
        completed(status_url)
        html = requests.get(status_url, timeout=30).text
        assert 'id="feedback"' in html
        assert len(re.findall(r'type="radio"[^>]*name="feedback_rating"', html)) == 5
        assert "<legend" in html

    def test_feedback_once_and_shown_to_coordinators(self, status_url):
        completed(status_url)
        token = authenticator(requests.get(status_url, timeout=30).text)
        response = send_feedback(status_url, token=token, allow_redirects=False)
        assert response.status_code == 303
        assert response.headers["Location"].endswith("#feedback")
        assert_private(response)
        thanks = requests.get(status_url, timeout=30).text
        assert finnish(
            "Thank you for your feedback. It helps us develop the mentor programme."
        ) in (thanks)
        assert "Erittäin hyödyllinen!" in thanks
        assert 'name="feedback_rating"' not in thanks
        assert stored(status_url) == (4, "Erittäin hyödyllinen!")

        # The form is gone; the second try comes from the same form sent again.
        again = send_feedback(status_url, rating="1", comment="Toinen yritys", token=token)
        assert again.status_code == 200
        assert_private(again)
        assert finnish("Feedback on this request has already been given. Thank you!") in again.text
        assert stored(status_url) == (4, "Erittäin hyödyllinen!")

        loan = loan_of(status_url)
        page = requests.get(
            loan.absolute_url(), auth=(COORDINATOR["username"], DEMO_PASSWORD), timeout=30
        )
        assert page.status_code == 200
        assert "Erittäin hyödyllinen!" in page.text

    @pytest.mark.parametrize("rating", ["abc", "9", None])
    def test_bad_rating_is_an_error_at_the_field(self, status_url, rating):
        completed(status_url)
        response = send_feedback(status_url, rating=rating, comment="Mitä kirjoitin")
        assert response.status_code == 200
        assert_private(response)
        html = response.text
        error = re.search(r'id="feedback-rating-error"[^>]*>([^<]+)<', html)
        assert error, "no error at the rating"
        expected = "Enter a whole number." if rating == "abc" else "Give a rating from 1 to 5."
        assert error.group(1).strip() == finnish(expected)
        assert re.search(r'<fieldset[^>]*aria-describedby="[^"]*feedback-rating-error', html)
        assert re.search(r"<input[^>]*autofocus", html)
        # What was typed is kept.
        assert re.search(r"<textarea[^>]*>Mitä kirjoitin</textarea>", html)
        assert stored(status_url) == (None, None)

    def test_bad_comment_keeps_the_rating(self, status_url):
        completed(status_url)
        response = send_feedback(status_url, rating="3", comment="Hei\x00")
        assert re.search(r'id="feedback-comment-error"', response.text)
        assert re.search(r'<textarea[^>]*aria-describedby="feedback-comment-error"', response.text)
        assert re.search(r'<input[^>]*value="3"[^>]*checked', response.text)
        assert stored(status_url) == (None, None)

    def test_feedback_without_the_form_token_is_refused(self, status_url):
        completed(status_url)
        response = requests.post(
            status_url, data={"feedback": "1", "feedback_rating": "5"}, timeout=30
        )
        assert response.status_code == 403
        assert stored(status_url) == (None, None)

    def test_feedback_before_completion_is_refused(self, status_url):
        move(status_url, "approve", "schedule")
        response = send_feedback(status_url)
        assert response.status_code == 200
        assert finnish("Feedback can be given once the loan is completed.") in response.text
        assert stored(status_url) == (None, None)
