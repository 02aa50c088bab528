""" "My loans" in a real browser: a mentor's loans by what they need next, a member's requests."""

from accessibility import assert_accessible
from factories import borrow_fields
from playwright.sync_api import expect
from plone import api
from test_loan_desk import signed_in
from vaasa.somementor.loans import rate_limit

import pytest
import requests
import transaction


MEMBER = ("elina-kallio", "elina-secret-2027")


class TestMyLoans:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_functional):
        self.portal = demo_functional["portal"]
        rate_limit.reset()

    def test_mentor_sees_the_loans_lent_to_them(self, browser, site_url):
        page = signed_in(browser, "maria-holm").new_page()
        page.goto(f"{site_url}/fi/@@my-loans")
        mine = page.locator(".somementor-my-loans")
        expect(mine).to_contain_text("Karin Westerlund")
        # Approved, not yet scheduled: the one step is to schedule it.
        loan = self.portal["sv"]["laneforfragningar"]["forfragan-korsholm-facebook"]
        row = page.locator(f"#loan-{loan.UID()}")
        expect(row.locator("summary")).to_have_count(1)
        assert_accessible(page)

    def test_wished_mentor_does_not_see_a_rejected_request(self, browser, site_url):
        page = signed_in(browser, "sanna-makinen").new_page()
        page.goto(f"{site_url}/fi/@@my-loans")
        expect(page.locator(".somementor-my-loans")).not_to_contain_text("Ville Rinne")

    def test_member_follows_and_withdraws_their_request(self, browser, site_url):
        api.user.create(username=MEMBER[0], email="elina@example.org", password=MEMBER[1])
        transaction.commit()
        response = requests.post(
            f"{site_url}/++api++/fi/mentorit/anna-virtanen/@borrow",
            json=borrow_fields(),
            headers={"Accept": "application/json", "Content-Type": "application/json"},
            auth=MEMBER,
            timeout=30,
        )
        assert response.status_code == 201, response.text
        page = signed_in(browser, *MEMBER).new_page()
        page.goto(f"{site_url}/fi")
        # In the user menu, in the language of the page.
        link = page.locator("a[href$='/fi/@@my-loans']")
        expect(link).to_have_count(1)
        page.goto(link.get_attribute("href"))
        mine = page.locator(".somementor-my-loans")
        expect(mine).to_contain_text("Elina Kallio")
        expect(mine).not_to_contain_text("Karin Westerlund")
        assert_accessible(page)
        mine.locator("details.loan-step summary").first.click()
        mine.locator("details.loan-step[open] button[type=submit]").click()
        expect(page.locator(".somementor-my-loans")).to_contain_text("Peruttu")
        transaction.begin()
        catalog = api.portal.get_tool("portal_catalog")
        (brain,) = catalog.unrestrictedSearchResults(
            portal_type="LoanRequest", loan_owners=MEMBER[0]
        )
        assert brain.review_state == "cancelled"

    def test_anonymous_is_asked_to_sign_in(self, site_url):
        response = requests.get(f"{site_url}/fi/@@my-loans", timeout=30, allow_redirects=False)
        assert response.status_code in (302, 401)
        home = requests.get(f"{site_url}/fi", timeout=30).text
        assert "@@my-loans" not in home
