"""The desk page over HTTP as the demo coordinator: every language's requests, no request loaded."""

from plone import api
from vaasa.somementor.content.loan_request import LoanRequest
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD

import pytest
import requests
import transaction


AUTH = (COORDINATOR["username"], DEMO_PASSWORD)


@pytest.fixture
def woken(monkeypatch):
    """The LoanRequest objects the ZODB loads, whichever thread asks (the server's too)."""
    loaded = []
    original = LoanRequest.__setstate__

    def setstate(self, state):
        loaded.append(state.get("id") if isinstance(state, dict) else state)
        return original(self, state)

    monkeypatch.setattr(LoanRequest, "__setstate__", setstate)
    return loaded


class TestDeskCost:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_functional):
        self.portal = demo_functional["portal"]

    def test_desk_lists_every_language_without_loading_a_request(self, site_url, woken):
        transaction.commit()
        # Every connection forgets what it holds: a request shown must come from metadata.
        self.portal._p_jar.db().cacheMinimize()
        response = requests.get(f"{site_url}/fi/lainapyynnot", auth=AUTH, timeout=60)
        assert response.status_code == 200, response.text[:3000]
        html = response.text
        for name in ("Karin Westerlund", "Sara Ahlroos", "Tiina Koskinen", "Leena Salo"):
            assert name in html
        assert woken == []

    def test_each_desk_shows_the_same_queue(self, site_url):
        for path in ("sv/laneforfragningar", "en/loan-requests"):
            response = requests.get(f"{site_url}/{path}", auth=AUTH, timeout=60)
            assert response.status_code == 200
            assert "Tiina Koskinen" in response.text
            assert "Karin Westerlund" in response.text

    def test_anonymous_gets_no_desk(self, site_url):
        response = requests.get(f"{site_url}/fi/lainapyynnot", timeout=60, allow_redirects=False)
        assert response.status_code in (302, 401)
        assert "Tiina Koskinen" not in response.text

    def test_the_spy_sees_a_request_page_load_its_request(self, site_url, woken):
        # The check above means something: the request's own page does load it.
        transaction.commit()
        self.portal._p_jar.db().cacheMinimize()
        url = f"{site_url}/sv/laneforfragningar/forfragan-korsholm-facebook"
        assert requests.get(url, auth=AUTH, timeout=60).status_code == 200
        assert "forfragan-korsholm-facebook" in woken


class TestStepsOverHttp:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_functional):
        self.portal = demo_functional["portal"]
        self.loan = self.portal["fi"]["lainapyynnot"]["pyynto-lyseo-instagram"]

    def test_a_step_without_the_form_token_is_refused(self, site_url):
        url = f"{site_url}/fi/lainapyynnot/pyynto-lyseo-instagram/@@loan-transition"
        response = requests.post(
            url, data={"transition": "reject", "comment": "Ei."}, auth=AUTH, timeout=60
        )
        assert response.status_code == 403
        transaction.begin()
        assert api.content.get_state(self.loan) == "submitted"

    def test_a_get_only_goes_back(self, site_url):
        url = f"{site_url}/fi/lainapyynnot/pyynto-lyseo-instagram/@@loan-transition"
        response = requests.get(
            url,
            params={"transition": "reject", "came_from": "https://evil.example/"},
            auth=AUTH,
            timeout=60,
            allow_redirects=False,
        )
        assert response.status_code == 302
        assert response.headers["Location"].startswith(f"{site_url}/fi/lainapyynnot/")

    def test_capacity_of_a_month(self, site_url):
        response = requests.get(
            f"{site_url}/sv/mentorer/maria-holm/@@mentor-capacity",
            params={"month": "2027-02"},
            auth=AUTH,
            timeout=60,
        )
        assert response.status_code == 200
        assert "Karin Westerlund" in response.text
        # Swedish page: "1 av 1 den här månaden", as the approval rule counts it.
        assert "1 av 1" in " ".join(response.text.split())

    def test_capacity_is_for_coordinators(self, site_url):
        response = requests.get(
            f"{site_url}/fi/mentorit/maria-holm/@@mentor-capacity",
            auth=("anna-virtanen", DEMO_PASSWORD),
            timeout=60,
            allow_redirects=False,
        )
        assert response.status_code in (302, 401, 403)
        assert "Karin Westerlund" not in response.text

    def test_the_macros_page_alone_shows_nothing(self, site_url):
        response = requests.get(f"{site_url}/fi/@@loan-actions-macros", auth=AUTH, timeout=60)
        assert response.status_code == 200
        assert response.text.strip() == ""
