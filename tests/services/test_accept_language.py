"""REST clients and plain HTTP get Swedish when they ask for it."""

import requests


class TestAcceptLanguage:
    def test_vocabulary_terms_in_swedish(self, site_url):
        response = requests.get(
            f"{site_url}/++api++/@vocabularies/vaasa.somementor.Skills",
            params={"b_size": 100},
            headers={"Accept": "application/json", "Accept-Language": "sv"},
            timeout=30,
        )
        titles = {item["token"]: item["title"] for item in response.json()["items"]}
        assert titles["mobile-devices"] == "Pekplattor och smarttelefoner"

    def test_vocabulary_terms_in_finnish(self, site_url):
        response = requests.get(
            f"{site_url}/++api++/@vocabularies/vaasa.somementor.Departments",
            headers={"Accept": "application/json", "Accept-Language": "fi"},
            timeout=30,
        )
        titles = {item["token"]: item["title"] for item in response.json()["items"]}
        assert titles["youth-services"] == "Nuorisotoimi"

    def test_site_root_sends_a_swedish_browser_to_sv(self, site_url):
        response = requests.get(site_url, headers={"Accept-Language": "sv"}, timeout=30)
        assert response.url.rstrip("/").endswith("/plone/sv")
        assert 'lang="sv"' in response.text

    def test_site_root_defaults_to_finnish(self, site_url):
        response = requests.get(site_url, timeout=30)
        assert response.url.rstrip("/").endswith("/plone/fi")
