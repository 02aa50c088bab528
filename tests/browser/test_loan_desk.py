"""A loan handled from the desk and from "My loans", in a real browser, as the demo people do it.

The coordinator approves a request from the desk and chooses the mentor; Maria
Holm's month is full, so the refusal shows beside the row; Anna Virtanen then
schedules it from My loans, and the coordinator completes it.
"""

from accessibility import assert_accessible
from factories import loan_request_fields
from playwright.sync_api import expect
from plone import api
from signin import signed_in_context
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD

import pytest
import re
import transaction


DESK = "fi/lainapyynnot"


def signed_in(browser, username, password=DEMO_PASSWORD, **options):
    return signed_in_context(browser, (username, password), **options)


def no_page_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"page scrolls sideways: {width}px"


class TestLoanDesk:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_functional):
        self.portal = demo_functional["portal"]
        mentors = self.portal["fi"]["mentorit"]
        with api.env.adopt_roles(["Manager"]):
            # February 2027, when Maria Holm (at most one a month) already has a loan.
            self.loan = api.content.create(
                self.portal["fi"]["lainapyynnot"],
                "LoanRequest",
                id="request-desk-journey",
                **loan_request_fields(
                    mentors["maria-holm"],
                    requester_name="Eeva Desk",
                    organisation="Vaasan kaupunginkirjasto",
                    preferred_language="fi",
                    preferred_dates=[{"start": "2027-02-08", "end": "2027-02-12"}],
                ),
            )
        transaction.commit()
        self.uid = self.loan.UID()
        self.row = f"#loan-{self.uid}"

    def _state(self):
        transaction.begin()
        return api.content.get_state(self.loan)

    def test_approve_refuse_schedule_complete(self, browser, site_url):
        coordinator = signed_in(browser, COORDINATOR["username"])
        page = coordinator.new_page()
        page.goto(f"{site_url}/{DESK}")
        row = page.locator(self.row)
        expect(row).to_contain_text("Eeva Desk")
        assert_accessible(page)

        # Maria is the wished mentor and already has her one loan of February.
        row.locator("details.loan-step").first.locator("summary").click()
        chooser = row.locator("select[name=mentor]")
        expect(chooser.locator("option:checked")).to_have_text("Maria Holm (1/1)")
        row.locator("details.loan-step").first.locator("button[type=submit]").click()
        refusal = page.locator(self.row).locator("[role=alert]").first
        expect(refusal).to_contain_text("Maria Holm")
        expect(refusal).to_contain_text("2/2027")
        assert self._state() == "submitted"

        # The refused step stays open beside the row; another mentor is chosen on the
        # request's own page, which lists everyone (a row offers the wished one only).
        row = page.locator(self.row)
        expect(row.locator("select[name=mentor] option", has_text="Anna Virtanen")).to_have_count(0)
        # The link reads "Valitse toinen mentori" once the catalogue has it.
        row.locator("details.loan-step[open] a[href*='@@choose-mentor']").click()
        assert_accessible(page)
        anna = page.locator("select[name=mentor] option", has_text="Anna Virtanen")
        page.locator("select[name=mentor]").select_option(anna.get_attribute("value"))
        page.locator(".somementor-choose-mentor button[type=submit]").click()
        page.wait_for_load_state()
        assert self._state() == "approved"
        # Back on the desk, at the row.
        expect(page).to_have_url(re.compile(rf"/{DESK}.*#loan-{self.uid}$"))

        mentor = signed_in(browser, "anna-virtanen").new_page()
        mentor.goto(f"{site_url}/fi/@@my-loans")
        row = mentor.locator(self.row)
        expect(row).to_contain_text("Eeva Desk")
        assert_accessible(mentor)
        row.locator("summary").first.click()
        row.locator("input[name=scheduled_start]").fill("2027-02-09T10:00")
        row.locator("input[name=scheduled_end]").fill("2027-02-09T12:00")
        row.locator("input[name=place]").fill("https://meet.example.org/kirjasto")
        row.locator("details[open] button[type=submit]").click()
        mentor.wait_for_load_state()
        assert self._state() == "scheduled"

        page.goto(f"{site_url}/{DESK}?state=scheduled")
        row = page.locator(self.row)
        complete = row.locator("details.loan-step").first
        complete.locator("summary").click()
        complete.locator("textarea[name=outcome]").fill("Instagram-tili perustettiin.")
        complete.locator("input[name=hours_spent]").fill("2")
        complete.locator("button[type=submit]").click()
        page.wait_for_load_state()
        assert self._state() == "completed"
        assert self.loan.hours_spent == 2.0

    def test_desk_tabs_count_every_language(self, browser, site_url):
        page = signed_in(browser, COORDINATOR["username"]).new_page()
        page.goto(f"{site_url}/{DESK}")
        tabs = page.locator(".somementor-loan-desk .nav-tabs")
        # Three demo requests wait (one Finnish, one English, this one), one of each other state.
        expect(tabs.locator("a").first).to_contain_text("7")
        expect(tabs.locator("a", has_text="Lähetetty")).to_contain_text("3")
        for name in ("Karin Westerlund", "Sara Ahlroos", "Tiina Koskinen"):
            expect(page.locator(".loan-desk-table")).to_contain_text(name)
        # Jari Ojala's loan is at 10–12 in Vaasa, as the demo scheduled it.
        expect(page.locator(".loan-desk-table")).to_contain_text("10.00–12.00")
        page.locator("#desk-language").select_option("sv")
        page.locator(".loan-desk-filters button[type=submit]").click()
        expect(page).to_have_url(re.compile(r"[?&]language=sv"))
        expect(page.locator(".loan-desk-table tbody tr")).to_have_count(1)

    @pytest.mark.parametrize("viewport", [(1280, 900), (390, 844)])
    def test_no_sideways_page_scroll(self, browser, site_url, viewport):
        width, height = viewport
        size = {"viewport": {"width": width, "height": height}}
        page = signed_in(browser, COORDINATOR["username"], **size).new_page()
        page.goto(f"{site_url}/{DESK}")
        no_page_scroll(page)
        mentor = signed_in(browser, "maria-holm", **size).new_page()
        mentor.goto(f"{site_url}/fi/@@my-loans")
        expect(mentor.locator(".somementor-my-loans")).to_contain_text("Karin Westerlund")
        no_page_scroll(mentor)
