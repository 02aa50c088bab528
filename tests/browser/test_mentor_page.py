"""A mentor's public page shows the profile, not the editing fields, in the page's language."""

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
                    "Surfplattor och smarttelefoner",
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
