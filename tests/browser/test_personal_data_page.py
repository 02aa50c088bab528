"""@@personal-data: a coordinator finds, exports and erases a requester's data; nobody else."""

from accessibility import assert_accessible
from playwright.sync_api import expect
from plone import api
from signin import signed_in_context
from vaasa.somementor import audit
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD

import pytest
import re
import requests
import transaction


COORDINATOR_LOGIN = (COORDINATOR["username"], DEMO_PASSWORD)
# The demo's Swedish request from Korsholm, approved for Maria Holm.
KARIN = "karin.westerlund@example.org"
KARIN_REQUEST = "/sv/laneforfragningar/forfragan-korsholm-facebook"


def _karins_request():
    transaction.begin()
    return api.portal.get().unrestrictedTraverse(KARIN_REQUEST.lstrip("/"))


def _token(session, url):
    page = session.get(url, timeout=60).text
    return re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page).group(1)


class TestPersonalDataPage:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_functional):
        self.portal = demo_functional["portal"]

    def url(self, site_url):
        return f"{site_url}/en/@@personal-data"

    def test_visitors_and_mentors_never_see_it(self, site_url):
        response = requests.get(self.url(site_url), allow_redirects=False, timeout=60)
        assert response.status_code in (302, 401, 403)
        mentor = requests.get(
            self.url(site_url),
            auth=("maria-holm", DEMO_PASSWORD),
            allow_redirects=False,
            timeout=60,
        )
        assert mentor.status_code in (302, 401, 403)

    def test_the_address_is_checked_at_the_field(self, site_url):
        session = requests.Session()
        session.auth = COORDINATOR_LOGIN
        token = _token(session, self.url(site_url))
        answer = session.post(
            self.url(site_url),
            data={"_authenticator": token, "email": "karin at example", "search": "1"},
            timeout=60,
        )
        assert answer.status_code == 400
        assert 'id="personal-data-email-error"' in answer.text
        assert "Enter a valid email address" in answer.text

    def test_json_download(self, site_url):
        session = requests.Session()
        session.auth = COORDINATOR_LOGIN
        token = _token(session, self.url(site_url))
        answer = session.post(
            self.url(site_url),
            data={"_authenticator": token, "email": KARIN.upper(), "export": "1"},
            timeout=60,
        )
        assert answer.headers["content-type"].startswith("application/json")
        assert "attachment" in answer.headers["content-disposition"]
        (loan,) = answer.json()["loan_requests"]
        assert (loan["requester_name"], loan["state"]) == ("Karin Westerlund", "approved")
        assert loan["mentor"] == "Maria Holm"

    def test_search_confirm_and_erase(self, browser, site_url):
        context = signed_in_context(browser, COORDINATOR_LOGIN, locale="en-US")
        page = context.new_page()
        try:
            page.goto(f"{site_url}/en/loan-requests")
            page.get_by_role("link", name=re.compile("Personal data of a requester")).click()
            expect(page).to_have_url(self.url(site_url))
            page.get_by_label("Email address").fill("karin at example")
            page.get_by_role("button", name="Show the data").click()
            expect(page.locator("#personal-data-email-error")).to_be_visible()
            assert_accessible(page)

            page.get_by_label("Email address").fill(KARIN)
            page.get_by_role("button", name="Show the data").click()
            expect(page.get_by_role("cell", name="Maria Holm", exact=True)).to_be_visible()
            expect(
                page.get_by_role("cell", name="Korsholms kommun, kulturbyrån", exact=True)
            ).to_be_visible()
            # The address travels in the form, never in a link.
            assert KARIN not in page.url
            assert_accessible(page)

            page.get_by_role("button", name="Erase...").click()
            expect(page.get_by_role("heading", name="Erase this person's data?")).to_be_visible()
            assert_accessible(page)
            page.get_by_role("button", name="Erase for good").click()
            expect(page.get_by_text("Erased: 1 loan requests")).to_be_visible()
            expect(page.get_by_role("cell", name="Erased on request")).to_be_visible()
            expect(page.get_by_role("cell", name=COORDINATOR["username"])).to_be_visible()
        finally:
            context.close()
        loan = _karins_request()
        assert not loan.requester_name and api.content.get_state(loan) == "cancelled"
        assert audit.entries()[0]["actor"] == COORDINATOR["username"]

    def test_erase_without_the_token_is_refused(self, site_url):
        answer = requests.post(
            self.url(site_url),
            auth=COORDINATOR_LOGIN,
            data={"email": KARIN, "erase": "1"},
            allow_redirects=False,
            timeout=60,
        )
        assert answer.status_code == 403
        assert _karins_request().requester_name == "Karin Westerlund"


ENGLISH = {"Accept-Language": "en"}


class TestAnonymiseExpired:
    def test_cron_posts_with_basic_auth(self, site_url):
        answer = requests.post(
            f"{site_url}/@@anonymise-expired", auth=COORDINATOR_LOGIN, headers=ENGLISH, timeout=60
        )
        assert answer.status_code == 200
        # Plain text in the language the client asks for (the site's default is Finnish).
        assert re.fullmatch(r"Anonymised \d+ loan requests and \d+ registrations\.\n", answer.text)

    def test_a_browser_session_needs_the_token(self, site_url):
        session = requests.Session()
        session.auth = COORDINATOR_LOGIN
        session.cookies.set("__ac", "forged")
        answer = session.post(f"{site_url}/@@anonymise-expired", allow_redirects=False, timeout=60)
        assert answer.status_code == 403

    def test_the_coordinators_button(self, site_url):
        session = requests.Session()
        session.auth = COORDINATOR_LOGIN
        url = f"{site_url}/@@anonymise-expired"
        assert "Anonymisoi nyt" in session.get(url, timeout=60).text
        session.headers.update(ENGLISH)
        page = session.get(url, timeout=60)
        assert "Anonymise now" in page.text and "data-somementor" in page.text
        answer = session.post(
            url,
            data={"_authenticator": _token(session, url), "run": "1"},
            allow_redirects=False,
            timeout=60,
        )
        assert answer.status_code == 303
        # Without the token a browser's post changes nothing.
        refused = session.post(url, data={"_authenticator": "forged"}, timeout=60)
        assert refused.status_code == 403
