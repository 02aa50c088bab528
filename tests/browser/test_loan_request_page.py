"""The staff's page of a loan request: readable dates, no empty handling fields, the history."""

from accessibility import assert_accessible
from playwright.sync_api import expect
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from signin import signed_in_context
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD

import pytest
import requests


COORDINATOR_LOGIN = (COORDINATOR["username"], DEMO_PASSWORD)


def _page(site_url, path, auth=COORDINATOR_LOGIN):
    response = requests.get(f"{site_url}/{path}", auth=auth, timeout=30)
    assert response.status_code == 200, response.status_code
    return response.text


class TestLoanRequestPage:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_functional):
        self.portal = demo_functional["portal"]

    def test_submitted_request_reads_as_dates_not_json(self, site_url):
        html = _page(site_url, "fi/lainapyynnot/pyynto-lyseo-instagram")
        assert '"start"' not in html and "[{" not in html
        assert ".3.2027" in html
        # Nothing handled yet: no empty handling fields, no section for them.
        assert "Käsittely" not in html
        assert "Lähetetty" in html

    def test_completed_request_shows_handling_and_history(self, site_url):
        html = _page(site_url, "fi/lainapyynnot/pyynto-henkilostopalvelut-teams")
        assert "Käsittely" in html
        # Every step of the workflow, newest first, with who did it.
        assert html.count("list-group-item") >= 4
        assert COORDINATOR["fullname"] in html or "admin" in html

    def test_edit_form_has_a_table_of_dates_not_json(self, site_url):
        auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        html = _page(site_url, "fi/lainapyynnot/pyynto-lyseo-instagram/edit", auth=auth)
        assert 'type="date"' in html
        assert "form.widgets.preferred_dates.0.widgets.start" in html
        assert '"start":' not in html

    def test_accessible(self, browser, site_url):
        context = signed_in_context(browser, COORDINATOR_LOGIN)
        page = context.new_page()
        try:
            page.goto(f"{site_url}/fi/lainapyynnot/pyynto-nuorisotalo-youtube")
            expect(page.locator("[data-somementor] h2").first).to_be_visible()
            assert_accessible(page)
        finally:
            context.close()
