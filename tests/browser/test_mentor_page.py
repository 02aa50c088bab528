"""A mentor's public page shows the profile, not the editing fields, in the page's language."""

from accessibility import assert_accessible
from playwright.sync_api import expect

import pytest
import requests


class TestMentorPage:
    @pytest.mark.parametrize(
        "path,expected",
        [
            (
                "/fi/mentorit/anna-virtanen",
                ["Kirjastonhoitaja, Kirjasto", "E-kirjat ja kirjaston e-palvelut", "Yhteystiedot"],
            ),
            (
                "/sv/mentorer/anna-virtanen",
                [
                    "Bibliotekarie, Biblioteket",
                    "Pekplattor och smarttelefoner",
                    "Kontaktuppgifter",
                ],
            ),
        ],
    )
    def test_profile_in_the_page_language(self, site_url, path, expected):
        html = requests.get(site_url + path, timeout=30).text
        assert "Anna Virtanen" in html
        for text in expected:
            assert text in html
        assert "mailto:anna.virtanen@example.org" in html
        assert ">2012<" in html

    def test_profile_hides_editing_fields(self, site_url):
        html = requests.get(f"{site_url}/fi/mentorit/anna-virtanen", timeout=30).text
        for internal in ("Linkitetty käyttäjä", "Versioning", "Lainoja enintään", "Lyhytnimi"):
            assert internal not in html

    def test_inactive_mentor_is_marked(self, site_url):
        html = requests.get(f"{site_url}/sv/mentorer/pekka-laine", timeout=30).text
        assert "Den här mentorn kan inte lånas just nu." in html

    def test_borrow_button_leads_to_the_form(self, site_url):
        html = requests.get(f"{site_url}/fi/mentorit/anna-virtanen", timeout=30).text
        assert f'href="{site_url}/fi/mentorit/anna-virtanen/@@borrow"' in html

    def test_inactive_mentor_has_no_borrow_button(self, site_url):
        html = requests.get(f"{site_url}/sv/mentorer/pekka-laine", timeout=30).text
        assert "@@borrow" not in html

    @pytest.mark.parametrize(
        "path,label",
        [
            ("/fi/mentorit/anna-virtanen", "Lainaa mentori"),
            ("/sv/mentorer/anna-virtanen", "Låna mentorn"),
            ("/fi/mentorit", "Lainaa mentori"),
            ("/sv/mentorer", "Låna mentorn"),
        ],
    )
    def test_borrow_button_speaks_the_page_language(self, site_url, path, label):
        """Needs the fi/sv catalogues to hold the msgid "Borrow this mentor"."""
        html = requests.get(site_url + path, timeout=30).text
        assert label in html
        assert "Borrow this mentor" not in html

    @pytest.mark.parametrize("path", ["/fi/mentorit/anna-virtanen", "/sv/mentorer/linda-nystrom"])
    def test_page_is_accessible_and_fits_a_phone(self, browser, site_url, path):
        context = browser.new_context(viewport={"width": 390, "height": 844})
        try:
            page = context.new_page()
            page.goto(site_url + path)
            expect(page.locator("a.mentor-borrow")).to_be_visible()
            assert_accessible(page)
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        finally:
            context.close()
