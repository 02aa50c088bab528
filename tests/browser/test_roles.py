"""What each role meets on the demo site: tabs, the control panel, a request's history, forms.

Signed in with HTTP basic auth as the demo users (demo/data.py). The demo's
requests: a scheduled one lent to Johanna Björk, an approved Swedish one lent to
Maria Holm, and one Sanna Mäkinen was only wished for, turned down straight away.
"""

from accessibility import assert_accessible
from lxml import html
from playwright.sync_api import expect
from signin import signed_in_context
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD

import pytest
import requests


COORDINATOR_LOGIN = (COORDINATOR["username"], DEMO_PASSWORD)
SCHEDULED = "fi/lainapyynnot/pyynto-nuorisotalo-youtube"
SCHEDULED_MENTOR = ("johanna-bjork", DEMO_PASSWORD)
APPROVED = "sv/laneforfragningar/forfragan-korsholm-facebook"
APPROVED_MENTOR = ("maria-holm", DEMO_PASSWORD)
# Rejected straight from submitted: Sanna was the wished mentor, never the assigned one.
REJECTED_UNAPPROVED = "fi/lainapyynnot/pyynto-kirjastoauto-tiktok"
WISHED_MENTOR = ("sanna-makinen", DEMO_PASSWORD)

LENT = [(SCHEDULED, SCHEDULED_MENTOR), (APPROVED, APPROVED_MENTOR)]

REQUESTER_WIDGETS = (
    "form.widgets.requester_name",
    "form.widgets.requester_email",
    "form.widgets.requester_phone",
    "form.widgets.organisation",
    "form.widgets.municipality",
    "form.widgets.need",
    "form.widgets.consent",
)


def _get(site_url, path, auth, **kw):
    return requests.get(f"{site_url}/{path}", auth=auth, timeout=60, allow_redirects=False, **kw)


def _refused(response):
    """Plone sends a signed-in user without the permission to its login page, 302."""
    if response.status_code == 302:
        return "require_login" in response.headers["Location"]
    return response.status_code in (401, 403)


def _json(site_url, path, auth):
    return requests.get(
        f"{site_url}/++api++/{path}", auth=auth, headers={"Accept": "application/json"}, timeout=60
    )


def _tabs(page_html):
    tree = html.fromstring(page_html)
    return {link.get("href").rstrip("/") for link in tree.xpath("//*[@id='portal-globalnav']//a")}


def _widgets(page_html):
    return set(html.fromstring(page_html).xpath("//*[@name]/@name"))


def _context(browser, auth):
    return signed_in_context(browser, auth)


class TestRoles:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_functional):
        self.portal = demo_functional["portal"]

    # The desk tab

    @pytest.mark.parametrize("auth", [SCHEDULED_MENTOR, WISHED_MENTOR, None], ids=str)
    def test_no_desk_tab_for_mentors_or_visitors(self, site_url, auth):
        response = _get(site_url, "fi", auth)
        assert response.status_code == 200
        tabs = _tabs(response.text)
        assert f"{site_url}/fi/mentorit" in tabs  # the navigation is there
        assert f"{site_url}/fi/lainapyynnot" not in tabs

    def test_the_coordinator_has_the_desk_tab(self, site_url):
        response = _get(site_url, "fi", COORDINATOR_LOGIN)
        assert f"{site_url}/fi/lainapyynnot" in _tabs(response.text)

    def test_the_mentor_still_opens_their_loan_in_the_hidden_desk(self, browser, site_url):
        context = _context(browser, SCHEDULED_MENTOR)
        page = context.new_page()
        try:
            response = page.goto(f"{site_url}/{SCHEDULED}")
            assert response.status == 200
            expect(page.locator("[data-somementor] h2").first).to_be_visible()
            expect(page.locator("#portal-globalnav")).not_to_contain_text("Lainapyynnöt")
            assert_accessible(page)
        finally:
            context.close()

    # Who sees a request

    def test_the_wished_mentor_cannot_open_a_request_turned_down_before_approval(self, site_url):
        assert _json(site_url, REJECTED_UNAPPROVED, WISHED_MENTOR).status_code == 401
        assert _refused(_get(site_url, REJECTED_UNAPPROVED, WISHED_MENTOR))
        found = requests.get(
            f"{site_url}/++api++/@search",
            params={"portal_type": "LoanRequest"},
            auth=WISHED_MENTOR,
            headers={"Accept": "application/json"},
            timeout=60,
        ).json()
        assert "pyynto-kirjastoauto-tiktok" not in {
            i["@id"].rsplit("/")[-1] for i in found["items"]
        }

    # The control panel

    def test_the_coordinator_runs_the_control_panel(self, site_url):
        response = _get(site_url, "@@somementor-controlpanel", COORDINATOR_LOGIN)
        assert response.status_code == 200
        assert {"form.widgets.coordinator_email", "form.buttons.save"} <= _widgets(response.text)
        # Reached from Site Setup, where the panel is the coordinator's one entry.
        overview = _get(site_url, "@@overview-controlpanel", COORDINATOR_LOGIN)
        assert overview.status_code == 200
        assert "@@somementor-controlpanel" in overview.text

    @pytest.mark.parametrize("auth", [SCHEDULED_MENTOR, None], ids=str)
    def test_others_do_not(self, site_url, auth):
        response = _get(site_url, "@@somementor-controlpanel", auth)
        assert _refused(response)
        assert "form.buttons.save" not in response.text

    # A request's history

    def test_the_coordinator_reads_the_history(self, site_url):
        history = _json(site_url, f"{SCHEDULED}/@history", COORDINATOR_LOGIN)
        assert history.status_code == 200, history.text
        steps = [entry for entry in history.json() if entry["type"] == "workflow"]
        assert len(steps) >= 3  # created, approved, scheduled
        assert all(entry["actor"]["id"] and entry["time"] for entry in steps)
        workflow = _json(site_url, f"{SCHEDULED}/@workflow", COORDINATOR_LOGIN).json()
        assert [entry["action"] for entry in workflow["history"]][1:] == ["approve", "schedule"]

    def test_the_turned_down_request_keeps_its_reason(self, site_url):
        workflow = _json(site_url, f"{REJECTED_UNAPPROVED}/@workflow", COORDINATOR_LOGIN).json()
        assert workflow["history"][-1]["action"] == "reject"
        assert "lomalla" in workflow["history"][-1]["comments"]

    @pytest.mark.parametrize(
        "path, auth", [(SCHEDULED, SCHEDULED_MENTOR), (APPROVED, APPROVED_MENTOR)]
    )
    def test_the_assigned_mentor_reads_it_too(self, site_url, path, auth):
        assert _json(site_url, f"{path}/@history", auth).status_code == 200
        assert _json(site_url, f"{path}/@workflow", auth).json()["history"]

    # Forms

    @pytest.mark.parametrize(
        "path, auth", [(SCHEDULED, SCHEDULED_MENTOR), (APPROVED, APPROVED_MENTOR)]
    )
    def test_the_mentors_edit_form_leaves_the_requesters_data_alone(self, site_url, path, auth):
        response = _get(site_url, f"{path}/edit", auth)
        assert response.status_code == 200
        widgets = _widgets(response.text)
        assert "form.widgets.place" in widgets  # the mentor plans the loan
        assert not widgets & set(REQUESTER_WIDGETS)

    def test_the_coordinators_edit_form_has_them(self, site_url):
        response = _get(site_url, f"{SCHEDULED}/edit", COORDINATOR_LOGIN)
        assert response.status_code == 200
        assert {"form.widgets.requester_name", "form.widgets.need"} <= _widgets(response.text)

    def test_the_coordinators_add_mentor_form_has_their_fields(self, site_url):
        response = _get(site_url, "fi/mentorit/++add++Mentor", COORDINATOR_LOGIN)
        assert response.status_code == 200
        widgets = _widgets(response.text)
        for field in ("user_id", "active", "max_loans_per_month"):
            assert {f"form.widgets.{field}", f"form.widgets.{field}:list"} & widgets, field
