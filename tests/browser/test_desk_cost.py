"""The desk page over HTTP as the demo coordinator: every language's requests, no request loaded."""

from factories import loan_request_fields
from factories import mentor_fields
from lxml import html as lxml_html
from plone import api
from vaasa.somementor.browser.loan_desk import LoanDeskView
from vaasa.somementor.content.loan_request import LoanRequest
from vaasa.somementor.content.mentor import Mentor
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD
from vaasa.somementor.loans import desk

import pytest
import requests
import transaction


AUTH = (COORDINATOR["username"], DEMO_PASSWORD)


def spy(monkeypatch, cls):
    """The objects of ``cls`` the ZODB loads, whichever thread asks (the server's too)."""
    loaded = []
    original = cls.__setstate__

    def setstate(self, state):
        loaded.append(state.get("id") if isinstance(state, dict) else state)
        return original(self, state)

    monkeypatch.setattr(cls, "__setstate__", setstate)
    return loaded


@pytest.fixture
def woken(monkeypatch):
    return spy(monkeypatch, LoanRequest)


@pytest.fixture
def mentors_woken(monkeypatch):
    return spy(monkeypatch, Mentor)


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


class TestCostDoesNotFollowTheMentors:
    """A site with many mentors: each row offers the wished mentor, not everyone."""

    @pytest.fixture(autouse=True)
    def _demo(self, demo_functional):
        self.portal = demo_functional["portal"]
        self.added = 0
        self.directory = self.portal["fi"]["mentorit"]
        with api.env.adopt_roles(["Manager"]):
            # Two waiting requests in one month: each row offers the approve step.
            for number in range(2):
                api.content.create(
                    self.portal["fi"]["lainapyynnot"],
                    "LoanRequest",
                    id=f"request-many-{number}",
                    **loan_request_fields(
                        self.directory["anna-virtanen"],
                        requester_name=f"Eeva Many {number}",
                        preferred_dates=[{"start": "2027-03-01", "end": "2027-03-05"}],
                    ),
                )

    def more_mentors(self, count):
        with api.env.adopt_roles(["Manager"]):
            for _ in range(count):
                self.added += 1
                api.content.create(
                    self.directory,
                    "Mentor",
                    id=f"extra-{self.added}",
                    **mentor_fields(
                        first_name="Extra",
                        last_name=f"Mentor {self.added}",
                        email=f"extra{self.added}@example.org",
                        active=True,
                    ),
                )
        transaction.commit()

    def page(self, url, auth):
        # Every connection forgets what it holds: what the page shows must come from metadata.
        self.portal._p_jar.db().cacheMinimize()
        response = requests.get(url, auth=auth, timeout=60)
        assert response.status_code == 200, response.text[:3000]
        return response.text

    def steps(self, site_url):
        """The rows' step forms of the desk: their mentor choices and their size."""
        page = lxml_html.fromstring(self.page(f"{site_url}/fi/lainapyynnot", AUTH))
        forms = page.xpath("//div[contains(@class, 'loan-steps')]")
        assert forms
        options = [option.text_content() for form in forms for option in form.iter("option")]
        size = sum(len(lxml_html.tostring(form)) for form in forms)
        return options, size

    def test_desk_rows_stay_the_same_with_more_mentors(self, site_url, mentors_woken):
        self.more_mentors(10)
        options, size = self.steps(site_url)
        # The wished mentor with her month, and the way to everyone else.
        assert "Anna Virtanen (0/3)" in options
        self.more_mentors(50)
        more_options, more_size = self.steps(site_url)
        assert len(more_options) == len(options)
        assert abs(more_size - size) < 200
        assert not any("Extra" in option for option in more_options)
        assert mentors_woken == []

    def grown(self, url, auth, monkeypatch):
        """The page at 10 more mentors and at 60: its size then, its HTML now, any full scan."""
        self.more_mentors(10)
        size = len(self.page(url, auth))
        self.more_mentors(50)
        # Every mentor of the site read (for a person's loans, or listed in a filter)
        # is what made these pages slow.
        scans = []
        monkeypatch.setattr(desk, "people", lambda *args: scans.append(args) or [])
        return size, self.page(url, auth), scans

    def test_my_loans_stays_the_same_with_more_mentors(self, site_url, mentors_woken, monkeypatch):
        mentor = ("maria-holm", DEMO_PASSWORD)
        size, html, scans = self.grown(f"{site_url}/fi/@@my-loans", mentor, monkeypatch)
        assert "Karin Westerlund" in html
        assert abs(len(html) - size) < 200
        assert scans == []
        assert mentors_woken == []

    def test_everyone_to_choose_from_on_the_requests_own_page(self, site_url):
        self.more_mentors(3)
        page = lxml_html.fromstring(self.page(f"{site_url}/fi/lainapyynnot", AUTH))
        (link,) = page.xpath(
            "//tr[contains(., 'Eeva Many 0')]//a[contains(@href, '@@choose-mentor')]"
        )
        chooser = lxml_html.fromstring(self.page(link.get("href"), AUTH))
        labels = [option.text_content() for option in chooser.iter("option")]
        assert "Extra Mentor 3 (0/4)" in labels
        assert "Anna Virtanen (0/3)" in labels

    def test_the_whole_desk_page_stays_the_same_with_more_mentors(
        self, site_url, mentors_woken, monkeypatch
    ):
        size, html, scans = self.grown(f"{site_url}/fi/lainapyynnot", AUTH, monkeypatch)
        assert "Eeva Many 0" in html
        assert "Extra Mentor" not in html
        assert abs(len(html) - size) < 200
        assert scans == []
        assert mentors_woken == []


def rows(html):
    page = lxml_html.fromstring(html)
    return [" ".join(row.text_content().split()) for row in page.xpath("//tbody/tr")], page


class TestMentorFilter:
    """A mentor's requests found by the name typed, or by the capacity page's link."""

    @pytest.fixture(autouse=True)
    def _demo(self, demo_functional):
        self.portal = demo_functional["portal"]

    def desk(self, site_url, **params):
        response = requests.get(
            f"{site_url}/en/loan-requests", params=params, auth=AUTH, timeout=60
        )
        assert response.status_code == 200, response.text[:3000]
        return response.text

    def test_by_the_name_typed(self, site_url):
        found, page = rows(self.desk(site_url, name="maria"))
        assert len(found) == 1
        assert "Karin Westerlund" in found[0]
        assert page.xpath("//input[@name='name']/@value") == ["maria"]

    def test_a_name_nobody_has_says_so(self, site_url):
        found, page = rows(self.desk(site_url, name="Nobody Known"))
        assert found == []
        (none,) = page.xpath("//p[contains(@class, 'loan-desk-none')]")
        assert " ".join(none.text_content().split()) == (
            "No requests for a mentor called Nobody Known."
        )

    def test_the_capacity_pages_link_shows_whose_requests(self, site_url):
        capacity = requests.get(
            f"{site_url}/sv/mentorer/maria-holm/@@mentor-capacity", auth=AUTH, timeout=60
        )
        (link,) = lxml_html.fromstring(capacity.text).xpath("//a[contains(@href, '?mentor=')]")
        response = requests.get(link.get("href"), auth=AUTH, timeout=60)
        assert response.status_code == 200
        found, page = rows(response.text)
        assert len(found) == 1
        assert "Karin Westerlund" in found[0]
        (chosen,) = page.xpath("//*[contains(@class, 'loan-desk-person')]")
        assert "Maria Holm" in chosen.text_content()
        # The way back to everyone's requests keeps the page, drops the person.
        (clear,) = chosen.xpath(".//a")
        assert "mentor=" not in clear.get("href")
        assert len(rows(requests.get(clear.get("href"), auth=AUTH, timeout=60).text)[0]) > 1

    @pytest.mark.parametrize(
        "params",
        [
            {"mentor": "0" * 32},
            {"mentor": "../../acl_users"},
            {"mentor": ["a", "b"]},
            {"mentor": "x" * 20000},
            {"name": ["maria", "holm"]},
            {"name": "x" * 20000},
            {"name": '(" and or not *'},
        ],
    )
    def test_hostile_filters_give_the_normal_page(self, site_url, params):
        page = lxml_html.fromstring(self.desk(site_url, **params))
        (own,) = page.xpath("//div[contains(@class, 'somementor-loan-desk')]")
        assert own.xpath(".//form[contains(@class, 'loan-desk-filters')]")
        # Plone's language links repeat the query string; the desk's own part cuts it.
        assert "x" * 101 not in lxml_html.tostring(own, encoding="unicode")

    @pytest.mark.parametrize("key", ["name", "loan", "mentor", "anything"])
    def test_a_filter_that_is_not_utf8(self, site_url, key, monkeypatch):
        # One row a page: the batch links, which copy the query string, are on the page too.
        monkeypatch.setattr(LoanDeskView, "page_size", 1)
        url = f"{site_url}/en/loan-requests?{key}=%ED%A0%80%FF"
        response = requests.get(url, auth=AUTH, timeout=60)
        assert response.status_code == 200
        assert "loan-desk-filters" in response.text
