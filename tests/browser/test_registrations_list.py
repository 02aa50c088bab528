"""The coordinators' list of a training's registrations: attendance and CSV; nobody else."""

from plone import api
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD
from vaasa.somementor.registrations import attendance
from vaasa.somementor.registrations import sign_up
from vaasa.somementor.registrations import store

import re
import requests
import transaction


AUTH = (COORDINATOR["username"], DEMO_PASSWORD)


class TestRegistrationsList:
    def url(self, site_url):
        return f"{site_url}/sv/utbildningar/teams-moten-i-praktiken/@@registrations"

    def test_visitors_never_see_it(self, site_url):
        response = requests.get(self.url(site_url), allow_redirects=False, timeout=60)
        assert response.status_code in (302, 401, 403)
        assert "karin.backman" not in response.text

    def test_the_demo_list_in_order(self, site_url):
        response = requests.get(self.url(site_url), auth=AUTH, timeout=60)
        assert response.status_code == 200
        text = response.text
        assert text.index("Karin Backman") < text.index("Peter Lund") < text.index("Elina Rinne")
        assert re.search(r'class="registrations-waiting"', text)

    def test_attendance_and_csv(self, site_url):
        session = requests.Session()
        session.auth = AUTH
        page = session.get(self.url(site_url), timeout=60).text
        token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page).group(1)
        training = api.content.get(path="/fi/koulutukset/teams-moten")
        first = store.registrations(training).in_state(store.CONFIRMED)[0]
        answer = session.post(
            self.url(site_url),
            data={"_authenticator": token, "attended:list": first["id"], "save-attendance": "1"},
            allow_redirects=False,
            timeout=60,
        )
        assert answer.status_code == 303
        # Without the token, nothing is saved.
        refused = session.post(
            self.url(site_url), data={"save-attendance": "1"}, allow_redirects=False, timeout=60
        )
        assert refused.status_code == 403
        transaction.begin()
        assert attendance.attended_count(training) == 1

        with api.env.adopt_roles(["Manager"]):
            training.capacity = 10
            formulas = {"name": "=HYPERLINK(1)", "unit": "@SUM", "language": "sv"}
            sign_up.register(training, {**formulas, "email": "x@example.org"})
        transaction.commit()
        csv = session.get(self.url(site_url) + "?format=csv", timeout=60)
        assert csv.headers["content-type"].startswith("text/csv")
        assert "'=HYPERLINK(1)" in csv.text and "'@SUM" in csv.text
