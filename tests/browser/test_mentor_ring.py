"""The mentor ring's page on the demo site: for the ring's mentors and the coordinators only."""

from accessibility import assert_accessible
from playwright.sync_api import expect
from plone import api
from signin import signed_in_context
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD
from vaasa.somementor.demo.data import MENTORS
from vaasa.somementor.demo.data import RING_MATERIALS
from vaasa.somementor.demo.data import RING_MEETINGS

import pytest
import re
import requests
import transaction


MENTOR = ("anna-virtanen", DEMO_PASSWORD)
MEMBER = ("tavallinen-jasen", "member-password-1")
RING = "fi/mentorit/@@mentor-ring"
MATERIALS = "fi/mentorit/materials"
ACTIVE_NAMES = [f"{m['first_name']} {m['last_name']}" for m in MENTORS if m.get("active", True)]


def _get(site_url, path, auth=None):
    # No redirects followed: anonymous gets Plone's login redirect, which is the answer.
    return requests.get(f"{site_url}/{path}", auth=auth, timeout=30, allow_redirects=False)


def _context(browser, login, **options):
    return signed_in_context(browser, login, **options)


def _new_link(site_url, auth):
    return requests.post(
        f"{site_url}/++api++/{MATERIALS}",
        auth=auth,
        headers={"Accept": "application/json"},
        json={
            "@type": "Link",
            "title": "Kopiraittila",
            "remoteUrl": "https://www.kopiraittila.fi/",
        },
        timeout=30,
    )


class TestMentorRing:
    """Grouped in a class so the demo layer with its server is set up once for all."""

    @pytest.fixture(autouse=True)
    def _member(self, demo_functional):
        # A signed-in user with no mentor profile and no coordinator role.
        with api.env.adopt_roles(["Manager"]):
            api.user.create(username=MEMBER[0], email="jasen@example.org", password=MEMBER[1])
        transaction.commit()

    def test_mentor_sees_both_cohorts_materials_and_meetings(self, site_url):
        response = _get(site_url, RING, auth=MENTOR)
        assert response.status_code == 200
        html = response.text
        cohorts = [" ".join(h.split()) for h in re.findall(r"<h3[^>]*>(.*?)</h3>", html, re.S)]
        assert [c[-4:] for c in cohorts] == ["2013", "2012"]
        for name in ACTIVE_NAMES:
            assert name in html
        assert "Pekka Laine" not in html  # inactive
        for material in RING_MATERIALS["fi"]:
            assert material["title"] in html
        for meeting in RING_MEETINGS:
            assert meeting["title"]["fi"] in html
        # Translated once for the page: departments, skills and languages in Finnish.
        assert "Kirjasto" in html
        assert "suomi" in html.lower()

    def test_coordinator_sees_the_ring(self, site_url):
        response = _get(site_url, RING, auth=(COORDINATOR["username"], DEMO_PASSWORD))
        assert response.status_code == 200
        assert RING_MATERIALS["fi"][1]["title"] in response.text

    def test_swedish_ring_in_swedish(self, site_url):
        response = _get(site_url, "sv/mentorer/@@mentor-ring", auth=MENTOR)
        assert response.status_code == 200
        assert RING_MATERIALS["sv"][1]["title"] in response.text
        assert RING_MATERIALS["fi"][1]["title"] not in response.text
        assert RING_MEETINGS[0]["title"]["sv"] in response.text

    def test_anonymous_gets_the_login_and_nothing_of_the_ring(self, site_url):
        response = _get(site_url, RING)
        assert response.status_code in (302, 401)
        if response.status_code == 302:
            assert "login" in response.headers["Location"]
        for name in ACTIVE_NAMES:
            assert name not in response.text
        followed = requests.get(f"{site_url}/{RING}", timeout=30)
        assert "/login" in followed.url or "require_login" in followed.url
        assert RING_MATERIALS["fi"][1]["title"] not in followed.text
        assert "Anna Virtanen" not in followed.text

    def test_anonymous_cannot_open_the_materials(self, site_url):
        for path in (MATERIALS, f"{MATERIALS}/muistilista.txt"):
            assert _get(site_url, f"++api++/{path}").status_code == 401

    def test_plain_member_is_refused(self, site_url):
        # Plone's answer to a signed-in user without the permission: its
        # "insufficient privileges" page, reached through require_login.
        response = requests.get(f"{site_url}/{RING}", auth=MEMBER, timeout=30)
        assert response.url.endswith("/insufficient-privileges")
        assert "Anna Virtanen" not in response.text
        assert RING_MATERIALS["fi"][1]["title"] not in response.text
        assert _get(site_url, f"++api++/{MATERIALS}", auth=MEMBER).status_code in (401, 403)

    def test_directory_links_the_ring_only_for_those_who_may_see_it(self, site_url):
        assert "@@mentor-ring" in _get(site_url, "fi/mentorit", auth=MENTOR).text
        assert "@@mentor-ring" not in _get(site_url, "fi/mentorit", auth=MEMBER).text
        assert "@@mentor-ring" not in _get(site_url, "fi/mentorit").text

    def test_mentor_adds_a_link_a_member_cannot(self, site_url):
        assert _new_link(site_url, MEMBER).status_code in (401, 403)
        response = _new_link(site_url, MENTOR)
        assert response.status_code == 201, response.text
        assert response.json()["review_state"] == "private"
        assert "Kopiraittila" in _get(site_url, RING, auth=("erik-lindqvist", DEMO_PASSWORD)).text
        assert "Kopiraittila" not in _get(site_url, "fi/mentorit/materials/kopiraittila").text

    def test_accessible_and_fits_a_phone(self, browser, site_url):
        context = _context(browser, MENTOR, viewport={"width": 390, "height": 844})
        page = context.new_page()
        try:
            page.goto(f"{site_url}/{RING}")
            expect(page.locator("[data-somementor] h2").first).to_be_visible()
            expect(page.locator("li.ring-mentor")).to_have_count(len(ACTIVE_NAMES))
            assert_accessible(page)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{overflow}px of horizontal scroll at 390 px"
        finally:
            context.close()
