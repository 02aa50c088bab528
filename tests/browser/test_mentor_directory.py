"""What an anonymous visitor sees of the mentors, in a real Chromium."""

from playwright.sync_api import expect
from vaasa.somementor.demo.data import LOAN_REQUESTS
from vaasa.somementor.demo.data import MENTORS

import pytest
import re


pytestmark = pytest.mark.browser

SCREENSHOT = "/tmp/directory.png"


def _name(mentor):
    return f"{mentor['first_name']} {mentor['last_name']}"


ACTIVE = sorted(_name(m) for m in MENTORS if m.get("active", True))
INACTIVE = sorted(_name(m) for m in MENTORS if not m.get("active", True))
MENTOR_IDS = [m["id"] for m in MENTORS]


def _card_names(page):
    return sorted(page.locator("li.mentor-card .card-title").all_inner_texts())


def _count(page):
    text = page.locator("p.mentor-count").inner_text()
    match = re.search(r"\d+", text)
    assert match, f"no number in the count line {text!r}"
    return int(match.group())


class TestAnonymousVisitor:
    """Grouped in a class so the demo layer with its server is set up once for all."""

    def test_directory_lists_the_active_mentors(self, page, site_url):
        assert len(ACTIVE) == 7
        assert INACTIVE == ["Pekka Laine"]

        page.goto(f"{site_url}/fi/mentorit")

        expect(page.locator("li.mentor-card")).to_have_count(7)
        assert _card_names(page) == ACTIVE
        expect(page.locator("p.mentor-count")).to_contain_text("7")
        for name in INACTIVE:
            expect(page.get_by_text(name)).to_have_count(0)
        page.screenshot(path=SCREENSHOT, full_page=True)

    def test_language_filter_narrows_the_list(self, page, site_url):
        page.goto(f"{site_url}/fi/mentorit")
        expect(page.locator("li.mentor-card")).to_have_count(7)
        count_before = page.locator("p.mentor-count").inner_text()

        form = page.locator("form.mentor-filters")
        form.locator("select[name=language]").select_option("sv")
        form.locator("button[type=submit]").click()

        page.wait_for_url(re.compile(r"[?&]language=sv(&|$)"))
        names = _card_names(page)
        assert "Linda Nyström" in names
        assert "Sanna Mäkinen" not in names
        assert "Anna Virtanen" in names
        assert len(names) == 5
        assert _count(page) == 5
        assert page.locator("p.mentor-count").inner_text() != count_before
        # The form remembers the choice, so the visitor sees what is filtered.
        expect(page.locator("form.mentor-filters select[name=language]")).to_have_value("sv")

    def test_card_link_opens_the_mentor(self, page, site_url):
        page.goto(f"{site_url}/fi/mentorit")
        card = page.locator("li.mentor-card").filter(has_text="Erik Lindqvist")
        card.get_by_role("link", name="Erik Lindqvist").click()

        page.wait_for_url(f"{site_url}/fi/mentorit/erik-lindqvist")
        expect(page.locator("h1")).to_contain_text("Erik Lindqvist")

    def test_loan_desk_is_hidden_from_anonymous(self, page, site_url):
        page.goto(f"{site_url}/fi/lainapyynnot")

        assert "login" in page.url, f"anonymous was not sent to log in: {page.url}"
        body = page.locator("body")
        for request in LOAN_REQUESTS:
            expect(body).not_to_contain_text(request["requester_name"])
            expect(body).not_to_contain_text(request["organisation"])

    def test_front_page_has_no_mentor_links(self, page, site_url):
        page.goto(site_url)
        expect(page.locator("body")).to_be_visible()

        mentor_path = re.compile(
            rf"/plone/fi/mentorit/({'|'.join(map(re.escape, MENTOR_IDS))})(?=[/?#]|$)"
        )
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        assert hrefs, "the front page has no links at all"
        assert [href for href in hrefs if mentor_path.search(href)] == []
        body = page.locator("body")
        for name in ACTIVE + INACTIVE:
            expect(body).not_to_contain_text(name)
