"""The requester follows their request through the private link, in a real Chromium."""

from accessibility import assert_accessible
from datetime import datetime
from factories import borrow_fields
from playwright.sync_api import expect
from plone import api
from vaasa.somementor import _
from vaasa.somementor.loans import rate_limit
from vaasa.somementor.loans import tokens
from zope.i18n import translate

import pytest
import requests
import transaction


pytestmark = pytest.mark.browser

JSON = {"Accept": "application/json", "Content-Type": "application/json"}
MENTOR_PAGE = {"fi": "fi/mentorit/anna-virtanen", "sv": "sv/mentorer/anna-virtanen"}
LANGUAGES = ["fi", "sv"]


def say(msgid, language):
    # Before the catalogues have a msgid this is the English text, as the page shows it.
    return translate(_(msgid), target_language=language)


def state_title(state, language):
    workflow = api.portal.get_tool("portal_workflow")
    title = workflow.getTitleForStateOnType(state, "LoanRequest")
    return translate(title, domain="plone", target_language=language)


def borrow(site_url, language):
    rate_limit.reset()
    response = requests.post(
        f"{site_url}/++api++/{MENTOR_PAGE[language]}/@borrow",
        json=borrow_fields(preferred_language=language),
        headers=JSON,
        timeout=30,
    )
    assert response.status_code == 201, response.text
    return response.json()["status_url"]


def loan_of(status_url):
    transaction.begin()
    return tokens.find(status_url.rsplit("/", 1)[-1])


def complete(status_url):
    loan = loan_of(status_url)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(loan, transition="approve")
        loan.scheduled_start = datetime(2027, 2, 10, 9)
        loan.scheduled_end = datetime(2027, 2, 10, 11)
        loan.place = "https://meet.example.org/laihia"
        api.content.transition(loan, transition="schedule")
        loan.outcome, loan.hours_spent = "Instagram-tarinat opittu.", 2.0
        api.content.transition(loan, transition="complete")
    transaction.commit()


def no_horizontal_scroll(page):
    page.set_viewport_size({"width": 390, "height": 844})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide on a 390px screen"


class TestRequesterFollowsTheRequest:
    """Grouped in a class so the demo layer with its server is set up once for all."""

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_sees_the_state_and_cancels(self, page, site_url, language):
        status_url = borrow(site_url, language)
        page.goto(status_url)
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("h1")).to_have_text(say("Your loan request", language))
        expect(page.locator(".loan-state strong")).to_have_text(state_title("submitted", language))
        assert_accessible(page)
        no_horizontal_scroll(page)

        page.get_by_role("button", name=say("Cancel the request", language)).click()
        expect(page.locator(".loan-state strong")).to_have_text(state_title("cancelled", language))
        expect(page.get_by_role("button", name=say("Cancel the request", language))).to_have_count(
            0
        )
        assert api.content.get_state(loan_of(status_url)) == "cancelled"

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_gives_feedback_once(self, page, site_url, language):
        status_url = borrow(site_url, language)
        complete(status_url)
        # A second tab with the same form, as a requester who opened the mail twice.
        other = page.context.new_page()
        other.goto(f"{status_url}#feedback")

        page.goto(f"{status_url}#feedback")
        form = page.locator("form.feedback-form")
        expect(form.get_by_role("group", name=say("Your rating", language))).to_be_visible()
        assert_accessible(page)
        no_horizontal_scroll(page)

        form.get_by_label(say("4 – very good", language)).check()
        form.get_by_label(say("Your comment (optional)", language)).fill("Todella hyödyllinen!")
        form.get_by_role("button", name=say("Send feedback", language)).click()
        thanks = say(
            "Thank you for your feedback. It helps us develop the mentor programme.", language
        )
        expect(page.locator(".feedback-thanks")).to_have_text(thanks)
        expect(page.locator(".feedback-comment")).to_have_text("Todella hyödyllinen!")
        expect(page.locator("form.feedback-form")).to_have_count(0)
        assert_accessible(page)

        second = other.locator("form.feedback-form")
        second.get_by_label(say("1 – poor", language)).check()
        second.get_by_role("button", name=say("Send feedback", language)).click()
        expect(other.locator(".loan-notice")).to_have_text(
            say("Feedback on this request has already been given. Thank you!", language)
        )
        loan = loan_of(status_url)
        assert (loan.feedback_rating, loan.feedback_comment) == (4, "Todella hyödyllinen!")

    def test_error_takes_the_focus(self, page, site_url):
        status_url = borrow(site_url, "fi")
        complete(status_url)
        page.goto(f"{status_url}#feedback")
        form = page.locator("form.feedback-form")
        # Past the browser's own check, as an old browser or a script would send it.
        form.evaluate("form => form.noValidate = true")
        form.get_by_label(say("Your comment (optional)", "fi")).fill("Ilman arvosanaa")
        form.get_by_role("button", name=say("Send feedback", "fi")).click()
        first = page.locator("#feedback-rating-1")
        expect(first).to_be_focused()
        expect(page.locator("#feedback-rating-error")).to_have_text(
            say("Give a rating from 1 to 5.", "fi")
        )
        expect(page.get_by_label(say("Your comment (optional)", "fi"))).to_have_value(
            "Ilman arvosanaa"
        )
        assert_accessible(page)
        assert loan_of(status_url).feedback_rating is None
