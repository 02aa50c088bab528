"""A Swedish-speaking visitor never meets Finnish-only screens, and the other way round."""

from playwright.sync_api import expect

import pytest
import re


pytestmark = pytest.mark.browser


@pytest.fixture
def swedish_page(browser):
    context = browser.new_context(locale="sv-SE", extra_http_headers={"Accept-Language": "sv"})
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()


class TestLanguages:
    """Grouped in a class so the demo layer with its server is set up once for all."""

    def test_swedish_browser_lands_in_swedish(self, swedish_page, site_url):
        swedish_page.goto(site_url)
        expect(swedish_page).to_have_url(re.compile(r"/plone/sv/?$"))
        expect(swedish_page.locator("html")).to_have_attribute("lang", "sv")

    def test_swedish_directory_is_swedish(self, swedish_page, site_url):
        swedish_page.goto(f"{site_url}/sv/mentorer")
        expect(swedish_page.locator("h1")).to_have_text("Mentorer")
        expect(swedish_page.locator("label[for=mentor-skill]")).to_have_text("Kompetensområde")
        expect(swedish_page.locator("p.mentor-count")).to_contain_text("7")
        card = swedish_page.locator("li.mentor-card", has_text="Anna Virtanen")
        expect(card).to_contain_text("Bibliotekarie, Biblioteket")
        expect(card).to_contain_text("Surfplattor och smarttelefoner")
        # Plone's own chrome follows too.
        expect(
            swedish_page.locator("#searchGadget, input[name=SearchableText]").first
        ).to_have_attribute("placeholder", re.compile("Sök"))

    def test_swedish_training_is_swedish(self, swedish_page, site_url):
        swedish_page.goto(f"{site_url}/sv/utbildningar/googles-verktyg")
        expect(swedish_page.locator("h1")).to_have_text("Googles verktyg")
        expect(swedish_page.locator("body")).to_contain_text("Vasa sommaruniversitet")
        expect(swedish_page.locator("body")).to_contain_text("Finskspråkig grupp")

    def test_finnish_pages_are_finnish(self, page, site_url):
        page.goto(f"{site_url}/fi/mentorit/anna-virtanen")
        expect(page.locator("html")).to_have_attribute("lang", "fi")
        expect(page.locator(".mentor-role")).to_have_text("Kirjastonhoitaja, Kirjasto")
        expect(page.locator("body")).to_contain_text("Yhteystiedot")

    def test_language_switch_keeps_the_mentor(self, page, site_url):
        page.goto(f"{site_url}/fi/mentorit/anna-virtanen")
        page.locator("#portal-languageselector .language-sv a").click()
        expect(page).to_have_url(
            re.compile(r"/plone/sv/mentorer/anna-virtanen(\?set_language=sv)?$")
        )
        expect(page.locator(".mentor-role")).to_have_text("Bibliotekarie, Biblioteket")
        page.locator("#portal-languageselector .language-fi a").click()
        expect(page).to_have_url(
            re.compile(r"/plone/fi/mentorit/anna-virtanen(\?set_language=fi)?$")
        )
