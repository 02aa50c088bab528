"""A visitor signs up in a real browser, waits, and gets the seat someone gave up."""

from accessibility import assert_accessible
from datetime import datetime
from datetime import timedelta
from plone import api
from vaasa.somementor.loans import rate_limit
from vaasa.somementor.registrations import cancel
from vaasa.somementor.registrations import sign_up
from vaasa.somementor.registrations import store

import pytest
import pytz
import transaction


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="en-US", viewport={"width": 390, "height": 844})
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def _fill(page, name, email):
    page.fill("#form-widgets-name", name)
    page.fill("#form-widgets-email", email)
    page.fill("#form-widgets-unit", "Korsholms kommun")
    page.get_by_label("I agree that my data is processed").check()


class TestSignUp:
    @pytest.fixture
    def full_training(self, demo_functional, site_url):
        """A training with one seat, taken by someone else."""
        rate_limit.reset()
        start = pytz.timezone("Europe/Helsinki").localize(datetime(2099, 5, 5, 13, 0))
        with api.env.adopt_roles(["Manager"]):
            programme = api.content.get(path="/en/trainings")
            training = api.content.create(
                programme,
                "Training",
                id="one-seat",
                title="One seat left",
                start=start,
                end=start + timedelta(hours=2),
                language_group="regional",
                training_format="remote",
                capacity=1,
                meeting_url="https://meet.example.org/one-seat",
            )
            api.content.transition(training, to_state="published")
            first = sign_up.register(
                training,
                {"name": "First", "email": "first@example.org", "unit": "Vaasa", "language": "en"},
            )
        transaction.commit()
        yield training, f"{site_url}/en/trainings/one-seat", first
        rate_limit.reset()

    def test_waiting_list_then_promoted(self, page, full_training):
        training, url, first = full_training
        page.goto(url)
        page.get_by_role("link", name="Sign up").click()
        assert page.url.endswith("/@@sign-up")
        assert_accessible(page)
        _fill(page, "Karin Backman", "karin@example.org")
        page.get_by_role("button", name="Sign up").click()
        assert "You are on the waiting list" in page.content()
        assert "number 1" in page.locator(".registration-state").inner_text()
        page.get_by_role("link", name="Your registration").click()
        assert "On the waiting list" in page.locator(".registration-state").inner_text()
        # Nobody without a seat sees the meeting link.
        assert "meet.example.org" not in page.content()
        assert_accessible(page)

        transaction.begin()
        cancel.cancel(training, first["id"])
        transaction.commit()

        page.reload()
        assert "Confirmed" in page.locator(".registration-state").inner_text()
        assert page.locator("a.meeting-link").inner_text() == "https://meet.example.org/one-seat"
        page.get_by_role("button", name="Cancel my registration").click()
        assert "Cancelled" in page.locator(".registration-state").inner_text()
        transaction.begin()
        assert store.seats_taken(training) == 0

    def test_errors_at_the_field_keep_what_was_typed(self, page, full_training):
        _training, url, _first = full_training
        page.goto(f"{url}/@@sign-up")
        # Only the server knows what an email address looks like.
        _fill(page, "Karin Backman", "not an address")
        page.get_by_role("button", name="Sign up").click()
        assert page.locator("#form-widgets-name").input_value() == "Karin Backman"
        assert page.locator("#formfield-form-widgets-email .invalid-feedback").count()
        assert page.locator("#form-widgets-email").get_attribute("aria-invalid") == "true"
        assert_accessible(page)

    def test_no_horizontal_scroll_on_a_phone(self, phone, full_training):
        _training, url, first = full_training
        for address in (f"{url}/@@sign-up", f"{url}/@@registration/{first['token']}"):
            phone.goto(address)
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, (address, width)

    def test_private_page_headers_and_unknown_token(self, page, full_training):
        _training, url, first = full_training
        response = page.goto(f"{url}/@@registration/{first['token']}")
        assert response.headers["referrer-policy"] == "no-referrer"
        assert "no-store" in response.headers["cache-control"]
        assert page.goto(f"{url}/@@registration/not-a-token").status == 404
