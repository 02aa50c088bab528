"""A visitor borrows a mentor through the form, in Finnish and in Swedish, with no JSON typed."""

from accessibility import assert_accessible
from datetime import date
from datetime import timedelta
from playwright.sync_api import expect
from plone import api
from signin import signed_in_context
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD
from vaasa.somementor.interfaces import ISettings
from vaasa.somementor.loans import rate_limit

import pytest
import requests
import transaction


SOON = date.today() + timedelta(weeks=6)
DATES = "form.widgets.preferred_dates.0.widgets"

PAGES = {
    "fi": {
        "mentor": "fi/mentorit/anna-virtanen",
        "send": "Lähetä pyyntö",
        "consent": "Hyväksyn",
        "email_error": "Anna kelvollinen sähköpostiosoite",
        "thanks": "Pyyntösi on lähetetty",
    },
    "en": {
        "mentor": "en/mentors/anna-virtanen",
        "send": "Send request",
        "consent": "I agree",
        "email_error": "Enter a valid email address",
        "thanks": "Your request has been sent",
    },
    "sv": {
        "mentor": "sv/mentorer/anna-virtanen",
        "send": "Skicka förfrågan",
        "consent": "Jag godkänner",
        "email_error": "Ange en giltig e-postadress",
        "thanks": "Din förfrågan har skickats",
    },
}


def _requests_by(name):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="LoanRequest")
    return [brain._unrestrictedGetObject() for brain in brains if brain.Title.startswith(name)]


def _fill(page, name, email):
    page.fill("#form-widgets-requester_name", name)
    page.fill("#form-widgets-requester_email", email)
    page.fill("#form-widgets-organisation", "Laihian kirjasto")
    page.fill("#form-widgets-need", "Instagram-tarinat tutuiksi.")
    page.fill(f"[name='{DATES}.start']", SOON.isoformat())
    page.fill(f"[name='{DATES}.end']", (SOON + timedelta(days=4)).isoformat())


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="fi-FI", viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


class TestBorrowForm:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_functional):
        self.portal = demo_functional["portal"]
        # Every test posts from 127.0.0.1: each starts with that address's hour unused.
        rate_limit.reset()

    @pytest.mark.parametrize("language", ["fi", "sv", "en"])
    def test_borrow_with_one_error_then_corrected(self, page, site_url, language):
        words = PAGES[language]
        name = f"Elina Kallio {language}"
        page.goto(f"{site_url}/{words['mentor']}/@@borrow")
        _fill(page, name, "elina@")
        page.get_by_label(words["consent"]).check()
        page.get_by_role("button", name=words["send"]).click()

        email = page.locator("#form-widgets-requester_email")
        expect(page.locator("#formfield-form-widgets-requester_email")).to_contain_text(
            words["email_error"]
        )
        # The message is tied to the field, and what was typed is kept.
        expect(email).to_have_attribute("aria-invalid", "true")
        described_by = email.get_attribute("aria-describedby")
        expect(page.locator(f"#{described_by.split()[-1]}")).to_contain_text(words["email_error"])
        expect(page.locator("#form-widgets-requester_name")).to_have_value(name)
        expect(page.locator(f"[name='{DATES}.start']")).to_have_value(SOON.isoformat())
        assert_accessible(page)
        transaction.begin()
        assert _requests_by(name) == []

        email.fill("elina.kallio@example.org")
        page.get_by_role("button", name=words["send"]).click()
        expect(page.locator("h1")).to_contain_text(words["thanks"])
        assert_accessible(page)

        transaction.begin()
        (loan,) = _requests_by(name)
        assert loan.mentor.to_object.getId() == "anna-virtanen"
        assert loan.preferred_dates == [{"start": SOON, "end": SOON + timedelta(days=4)}]
        assert loan.preferred_language == language
        # Mail is not set up on the demo: the thanks page is the one copy of the link.
        status = page.locator("a[href*='@@loan-status/']")
        expect(status).to_have_count(1)

    @pytest.mark.parametrize("language", ["fi", "sv", "en"])
    def test_every_published_mentor_has_the_form(self, site_url, language):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(
            portal_type="Mentor", review_state="published", mentor_active=True, Language=language
        )
        assert len(brains) >= 5
        for brain in brains:
            url = brain.getURL().replace("http://nohost/plone", site_url)
            mentor_page = requests.get(url, timeout=30)
            assert f'href="{url}/@@borrow"' in mentor_page.text
            form = requests.get(f"{url}/@@borrow", timeout=30)
            assert form.status_code == 200
            assert f"{DATES}.start" in form.text
            assert brain.Title in form.text

    @pytest.mark.parametrize("path", ["fi/mentorit/pekka-laine", "sv/mentorer/pekka-laine"])
    def test_mentor_not_lending_has_no_form(self, site_url, path):
        # Published but not taking loans: the answer is the one for a mentor that does not exist.
        response = requests.get(f"{site_url}/{path}/@@borrow", timeout=30)
        assert response.status_code == 404
        assert "form.widgets" not in response.text

    def test_any_mentor_from_the_language_root(self, page, site_url):
        page.goto(f"{site_url}/sv/@@borrow")
        mentor = page.locator("#form-widgets-mentor")
        expect(mentor.locator("option", has_text="Erik Lindqvist")).to_have_count(1)
        mentor.select_option(label="Erik Lindqvist")
        _fill(page, "Karin Mattsson", "karin@example.org")
        page.get_by_label(PAGES["sv"]["consent"]).check()
        page.get_by_role("button", name=PAGES["sv"]["send"]).click()
        expect(page.locator("h1")).to_contain_text(PAGES["sv"]["thanks"])
        transaction.begin()
        (loan,) = _requests_by("Karin Mattsson")
        assert loan.mentor.to_object.getId() == "erik-lindqvist"
        assert loan.aq_parent.getId() == "laneforfragningar"

    def test_mailed_link_is_not_shown(self, page, site_url):
        api.portal.set_registry_record("plone.smtp_host", "localhost")
        api.portal.set_registry_record("plone.email_from_address", "somementori@example.org")
        transaction.commit()
        try:
            page.goto(f"{site_url}/fi/mentorit/anna-virtanen/@@borrow")
            _fill(page, "Mailed Person", "mailed@example.org")
            page.get_by_label(PAGES["fi"]["consent"]).check()
            page.get_by_role("button", name=PAGES["fi"]["send"]).click()
            expect(page.locator("h1")).to_contain_text(PAGES["fi"]["thanks"])
            expect(page.locator("a[href*='@@loan-status/']")).to_have_count(0)
        finally:
            api.portal.set_registry_record("plone.smtp_host", "")
            transaction.commit()

    def test_member_finds_name_and_email_filled_in(self, browser, site_url):
        context = signed_in_context(browser, (COORDINATOR["username"], DEMO_PASSWORD))
        page = context.new_page()
        try:
            page.goto(f"{site_url}/fi/mentorit/anna-virtanen/@@borrow")
            expect(page.locator("#form-widgets-requester_name")).to_have_value(
                COORDINATOR["fullname"]
            )
            expect(page.locator("#form-widgets-requester_email")).to_have_value(
                COORDINATOR["email"]
            )
            page.fill("#form-widgets-organisation", "Kirjasto")
            page.fill("#form-widgets-need", "Opastusta.")
            page.fill(f"[name='{DATES}.start']", SOON.isoformat())
            page.fill(f"[name='{DATES}.end']", SOON.isoformat())
            page.get_by_label(PAGES["fi"]["consent"]).check()
            # The CSRF token of the member's session goes with the form.
            page.get_by_role("button", name=PAGES["fi"]["send"]).click()
            expect(page.locator("h1")).to_contain_text(PAGES["fi"]["thanks"])
        finally:
            context.close()

    def test_honeypot_filled_stores_nothing(self, page, site_url):
        page.goto(f"{site_url}/fi/mentorit/anna-virtanen/@@borrow")
        _fill(page, "Robot Robotsson", "robot@example.org")
        page.get_by_label(PAGES["fi"]["consent"]).check()
        page.locator("#form-widgets-website").evaluate("field => field.value = 'http://spam'")
        page.get_by_role("button", name=PAGES["fi"]["send"]).click()
        transaction.begin()
        assert _requests_by("Robot Robotsson") == []

    def test_rate_limit_applies_to_the_form(self, page, site_url):
        api.portal.set_registry_record("submissions_per_hour", 1, interface=ISettings)
        transaction.commit()
        try:
            for attempt in ("first", "second"):
                page.goto(f"{site_url}/fi/mentorit/anna-virtanen/@@borrow")
                _fill(page, f"Limited {attempt}", "limited@example.org")
                page.get_by_label(PAGES["fi"]["consent"]).check()
                with page.expect_response(lambda response: "@@borrow" in response.url) as sent:
                    page.get_by_role("button", name=PAGES["fi"]["send"]).click()
            assert sent.value.status == 429
            expect(page.locator(".alert-danger")).to_contain_text("Liian monta")
            # What was typed is kept for a later try, and stays out of the page's links.
            expect(page.locator("#form-widgets-requester_name")).to_have_value("Limited second")
            assert "limited%40example.org" not in page.content()
            transaction.begin()
            assert len(_requests_by("Limited first")) == 1
            assert _requests_by("Limited second") == []
        finally:
            api.portal.set_registry_record("submissions_per_hour", 5, interface=ISettings)
            transaction.commit()

    @pytest.mark.parametrize(
        "counter",
        [
            {"form.widgets.preferred_dates.count": "abc"},
            {"form.widgets.preferred_dates.count": "99999"},
            {"form.widgets.preferred_dates.count": "-5"},
            # A counter naming a row whose fields were not posted.
            {
                "form.widgets.preferred_dates.count": "3",
                "form.widgets.preferred_dates.0-empty-marker": "1",
                "form.widgets.preferred_dates.0.widgets.start": "2027-13-45",
            },
        ],
    )
    def test_hand_made_row_counter_is_a_form_error(self, site_url, counter):
        data = {
            "form.widgets.requester_name": "Counter Person",
            "form.buttons.add": "Send",
            **counter,
        }
        response = requests.post(
            f"{site_url}/fi/mentorit/anna-virtanen/@@borrow", data=data, timeout=30
        )
        assert response.status_code == 400
        assert "Tarkista merkityt kentät" in response.text
        transaction.begin()
        assert _requests_by("Counter Person") == []

    def test_phone_has_no_horizontal_scroll(self, phone, site_url):
        phone.goto(f"{site_url}/fi/mentorit/anna-virtanen/@@borrow")
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390
