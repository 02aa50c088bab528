"""The directory's text search takes whatever a visitor types, and never breaks."""

import pytest
import requests


class TestDirectorySearch:
    @pytest.mark.parametrize(
        "text", ["(", ")", "not", "and", "or", "*", '"', "anna (", "not anna", "a*b", "?", "-"]
    )
    def test_odd_search_text_gives_a_page(self, site_url, text):
        response = requests.get(f"{site_url}/fi/mentorit", params={"text": text}, timeout=30)
        assert response.status_code == 200, text

    def test_search_still_finds_a_mentor(self, site_url):
        page = requests.get(f"{site_url}/fi/mentorit", params={"text": "Anna"}, timeout=30).text
        assert "Anna Virtanen" in page
        assert "Erik Lindqvist" not in page

    def test_a_word_prefix_finds_a_mentor(self, site_url):
        page = requests.get(f"{site_url}/fi/mentorit", params={"text": "Virt"}, timeout=30).text
        assert "Anna Virtanen" in page
