"""The edit form tells an editor which fields every translation shares."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import requests


class TestEditForm:
    def edit_form(self, site_url, path):
        response = requests.get(
            f"{site_url}{path}/edit", auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), timeout=30
        )
        assert response.status_code == 200
        return response.text

    def test_shared_mentor_fields_are_labelled(self, site_url):
        html = self.edit_form(site_url, "/fi/mentorit/anna-virtanen")
        assert "Sähköposti (sama kaikilla kielillä)" in html
        assert "Osaamisalueet (sama kaikilla kielillä)" in html
        # Worded per language, so not marked.
        assert "Tehtävänimike (sama" not in html

    def test_shared_training_fields_are_labelled_in_swedish(self, site_url):
        html = self.edit_form(site_url, "/sv/utbildningar/googles-verktyg")
        assert "Antal platser (samma på alla språk)" in html

    def test_pages_showing_values_carry_no_note(self, site_url):
        html = requests.get(f"{site_url}/sv/utbildningar/googles-verktyg/view", timeout=30).text
        assert "samma på alla språk" not in html
