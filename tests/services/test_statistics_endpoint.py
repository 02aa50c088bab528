"""GET @somementor-statistics: the funder's figures for coordinators, a 400 for a bad period."""

from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD

import pytest
import requests


JSON = {"Accept": "application/json"}
COORDINATOR_AUTH = (COORDINATOR["username"], DEMO_PASSWORD)
# A mentor with an account: a Member of the site, a Mentor only on their own items.
MEMBER_AUTH = ("anna-virtanen", DEMO_PASSWORD)
FUNDED = {"start": "2012-08-01", "end": "2013-06-30"}


class TestStatisticsEndpoint:
    def get(self, site_url, path="", auth=None, headers=JSON, **params):
        return requests.get(
            f"{site_url}{path}/++api++/@somementor-statistics",
            params=params,
            auth=auth,
            headers=headers,
            timeout=60,
        )

    def test_anonymous_is_asked_to_log_in(self, site_url):
        assert self.get(site_url, **FUNDED).status_code == 401

    def test_member_is_refused(self, site_url):
        assert self.get(site_url, auth=MEMBER_AUTH, **FUNDED).status_code in (401, 403)

    @pytest.mark.parametrize("path", ["", "/fi", "/sv"])
    def test_coordinator_gets_the_funders_figures(self, site_url, path):
        response = self.get(site_url, path, auth=COORDINATOR_AUTH, **FUNDED)
        assert response.status_code == 200, response.text
        data = response.json()
        assert data["@id"] == (
            f"{site_url}{path}/@somementor-statistics?start=2012-08-01&end=2013-06-30"
        )
        assert data["funder"] == {
            "training_events": 12,
            "training_participants": 135,
            "events": 0,
            "event_participants": 0,
        }
        assert data["trainings"]["by_language_group"]["sv"]["count"] == 2

    @pytest.mark.parametrize(
        "params",
        [
            {},
            {"start": "2013-06-30", "end": "2012-08-01"},
            {"start": "2013-02-30", "end": "2013-03-01"},
            {"start": "yesterday", "end": "2013-03-01"},
        ],
    )
    def test_bad_or_reversed_period(self, site_url, params):
        response = self.get(site_url, auth=COORDINATOR_AUTH, **params)
        assert response.status_code == 400
        assert response.json()["error"]["type"] == "BadPeriod"

    def test_message_in_the_asked_language(self, site_url):
        response = self.get(
            site_url,
            "/sv",
            auth=COORDINATOR_AUTH,
            headers={**JSON, "Accept-Language": "sv"},
            start="2013-06-30",
            end="2012-08-01",
        )
        assert response.status_code == 400
        assert response.json()["error"]["message"]
