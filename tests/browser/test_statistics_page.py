"""@@somementor-statistics: the funder's four figures in the page's language, charts, tables."""

from accessibility import assert_accessible
from playwright.sync_api import expect
from signin import signed_in_context
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD

import pytest
import re
import requests


COORDINATOR_LOGIN = (COORDINATOR["username"], DEMO_PASSWORD)
FUNDED = "start=2012-08-01&end=2013-06-30"
# The funder's own words on its report form, in the order it asks.
LABELS = {
    "fi": (
        "Koulutustilaisuudet",
        "Koulutuksiin osallistujia",
        "Tapahtumien lukumäärä",
        "Tapahtumiin osallistujat",
    ),
    "sv": (
        "Utbildningstillfällen",
        "Deltagare i utbildningar",
        "Evenemang",
        "Deltagare i evenemang",
    ),
}


def _get(site_url, path, auth=COORDINATOR_LOGIN):
    return requests.get(f"{site_url}/{path}", auth=auth, timeout=60)


def _funder_block(html):
    block = html.split('class="funder-figures"', 1)[1].split("</dl>", 1)[0]
    terms = [
        re.sub(r"\s+", " ", term).strip() for term in re.findall(r"<dt>(.*?)</dt>", block, re.S)
    ]
    values = [int(value) for value in re.findall(r"<dd>\s*(\d+)\s*</dd>", block)]
    return terms, values


class TestStatisticsPage:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_functional):
        self.portal = demo_functional["portal"]

    @pytest.mark.parametrize("language", ["fi", "sv"])
    def test_funded_period_in_the_pages_language(self, site_url, language):
        response = _get(site_url, f"{language}/@@somementor-statistics?{FUNDED}")
        assert response.status_code == 200, response.status_code
        html = response.text
        assert "data-somementor" in html
        terms, values = _funder_block(html)
        assert values == [12, 135, 0, 0]
        assert html.count("<svg") >= 3
        assert "<script" not in html.split('data-somementor="statistics"', 1)[1].split("</svg>")[0]
        assert "@media print" in html
        assert tuple(terms) == LABELS[language]

    def test_the_site_root_too(self, site_url):
        response = _get(site_url, f"@@somementor-statistics?{FUNDED}")
        assert response.status_code == 200
        assert _funder_block(response.text)[1] == [12, 135, 0, 0]

    def test_default_period_is_this_year(self, site_url):
        response = _get(site_url, "fi/@@somementor-statistics")
        assert response.status_code == 200
        assert 'aria-current="page"' in response.text

    def test_reversed_period_is_a_form_error(self, site_url):
        response = _get(site_url, "fi/@@somementor-statistics?start=2013-06-30&end=2012-08-01")
        assert response.status_code == 400
        assert 'role="alert"' in response.text
        assert 'class="funder-figures"' not in response.text

    def test_anonymous_must_log_in(self, site_url):
        response = requests.get(
            f"{site_url}/fi/@@somementor-statistics?{FUNDED}", timeout=60, allow_redirects=False
        )
        assert response.status_code in (302, 401)
        assert 'class="funder-figures"' not in response.text

    def test_accessible(self, browser, site_url):
        context = signed_in_context(browser, COORDINATOR_LOGIN)
        page = context.new_page()
        try:
            page.goto(f"{site_url}/fi/@@somementor-statistics?{FUNDED}")
            expect(page.locator("[data-somementor] .funder-figures")).to_be_visible()
            assert_accessible(page)
        finally:
            context.close()
