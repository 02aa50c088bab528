"""What an anonymous visitor sees of the mentors, in a real Chromium."""

from accessibility import assert_accessible
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
        card.get_by_role("link", name="Erik Lindqvist", exact=True).click()

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


FACEBOOK = [_name(m) for m in MENTORS if m.get("active", True) and "facebook" in m["skills"]]
SWEDISH = [_name(m) for m in MENTORS if m.get("active", True) and "sv" in m["languages"]]
LIBRARY = [_name(m) for m in MENTORS if m.get("active", True) and m["department"] == "library"]
LIBRARY_REMOTE = [
    _name(m)
    for m in MENTORS
    if m.get("active", True) and m["department"] == "library" and "remote" in m["loan_formats"]
]
PHONE = {"width": 390, "height": 844}
EXTRA = 30


def _option(page, name, value):
    return page.locator(f"form.mentor-filters select[name={name}] option[value='{value}']")


def _filter(page, **choices):
    form = page.locator("form.mentor-filters")
    for name, value in choices.items():
        form.locator(f"select[name={name}]").select_option(value)
    form.locator("button[type=submit]").click()
    for name, value in choices.items():
        page.wait_for_url(re.compile(rf"[?&]{name}={value}(&|$)"))


def _add_mentors(portal, count):
    """More published mentors in the Finnish directory than one page holds."""
    from factories import mentor_fields
    from plone import api

    import transaction

    with api.env.adopt_roles(["Manager"]):
        directory = portal["fi"]["mentorit"]
        for number in range(1, count + 1):
            mentor = api.content.create(
                directory,
                "Mentor",
                id=f"lisamentori-{number:02}",
                **mentor_fields(
                    first_name="Lisämentori",
                    last_name=f"{number:02}",
                    email=f"lisa{number}@example.org",
                    skills=["instagram"],
                    languages=["fi", "sv"] if number % 2 else ["fi"],
                ),
            )
            api.content.transition(mentor, "publish")
    transaction.commit()


class TestFacetsAndPages:
    """Filters with counts, batches and the phone view, on the demo site."""

    def test_finnish_visitor_sees_counts_and_filters_by_a_facet(self, page, site_url):
        page.goto(f"{site_url}/fi/mentorit")
        expect(_option(page, "skill", "facebook")).to_have_text(f"Facebook ({len(FACEBOOK)})")
        expect(_option(page, "language", "sv")).to_have_text(f"Ruotsi ({len(SWEDISH)})")
        expect(page.get_by_label("Osaamisalue")).to_be_visible()

        _filter(page, skill="facebook")

        expect(page.locator("li.mentor-card")).to_have_count(len(FACEBOOK))
        assert _card_names(page) == sorted(FACEBOOK)
        expect(page.get_by_role("status")).to_have_text(f"Löytyneitä mentoreita: {len(FACEBOOK)}.")
        # The other facets now count within the Facebook mentors.
        both = [name for name in FACEBOOK if name in SWEDISH]
        expect(_option(page, "language", "sv")).to_have_text(f"Ruotsi ({len(both)})")
        # Education has no Facebook mentor: shown, but it cannot be chosen.
        expect(_option(page, "department", "education")).to_have_text(re.compile(r"\(0\)$"))
        expect(_option(page, "department", "education")).to_be_disabled()
        # The chosen skill is kept, with its count.
        expect(page.locator("select[name=skill]")).to_have_value("facebook")
        assert_accessible(page)

    def test_swedish_visitor_combines_facets(self, page, site_url):
        page.goto(f"{site_url}/sv/mentorer")
        expect(_option(page, "department", "library")).to_have_text(f"Biblioteket ({len(LIBRARY)})")

        _filter(page, department="library", loan_format="remote")

        assert LIBRARY_REMOTE
        assert _card_names(page) == sorted(LIBRARY_REMOTE)
        expect(page.get_by_role("status")).to_contain_text(str(len(LIBRARY_REMOTE)))
        expect(page.locator("select[name=department]")).to_have_value("library")
        expect(page.locator("select[name=loan_format]")).to_have_value("remote")
        expect(page.get_by_label("Kompetensområde")).to_be_visible()
        # Every card offers a loan of its mentor.
        for card in page.locator("li.mentor-card").all():
            href = card.locator("a.mentor-borrow").get_attribute("href")
            assert href.endswith("/@@borrow") and "/sv/mentorer/" in href
        assert_accessible(page)

    def test_pages_through_more_mentors_than_one_page_holds(self, page, site_url, demo_functional):
        _add_mentors(demo_functional["portal"], EXTRA)
        total = len(ACTIVE) + EXTRA
        page.goto(f"{site_url}/fi/mentorit")
        expect(page.get_by_role("status")).to_have_text(f"Löytyneitä mentoreita: {total}.")
        expect(page.locator("li.mentor-card")).to_have_count(24)
        first_page = _card_names(page)

        page.locator("nav .pagination").get_by_role("link", name="2", exact=True).click()

        page.wait_for_url(re.compile(r"[?&]b_start(:int)?=24(&|$)"))
        expect(page.locator("li.mentor-card")).to_have_count(total - 24)
        expect(page.get_by_role("status")).to_have_text(f"Löytyneitä mentoreita: {total}.")
        assert not set(first_page) & set(_card_names(page))
        assert_accessible(page)

    def test_batch_links_keep_the_filters(self, page, site_url, demo_functional):
        _add_mentors(demo_functional["portal"], EXTRA)
        instagram = 1 + EXTRA  # Sanna Mäkinen and the extra mentors
        page.goto(f"{site_url}/fi/mentorit")
        _filter(page, skill="instagram")
        expect(page.get_by_role("status")).to_have_text(f"Löytyneitä mentoreita: {instagram}.")

        link = page.locator("nav .pagination").get_by_role("link", name="2", exact=True)
        assert "skill=instagram" in link.get_attribute("href")
        link.click()

        page.wait_for_url(re.compile(r"[?&]b_start(:int)?=24(&|$)"))
        assert "skill=instagram" in page.url
        expect(page.locator("li.mentor-card")).to_have_count(instagram - 24)
        expect(page.locator("select[name=skill]")).to_have_value("instagram")

        # A new search starts again from the first page, the facet kept.
        page.get_by_label("Haku").fill("Lisämentori")
        page.locator("form.mentor-filters button[type=submit]").click()
        page.wait_for_url(re.compile(r"[?&]text=Lis"))
        assert "b_start" not in page.url
        expect(page.get_by_role("status")).to_have_text(f"Löytyneitä mentoreita: {EXTRA}.")
        expect(page.locator("li.mentor-card")).to_have_count(24)

    def test_visitor_opens_a_mentor_from_a_filtered_list(self, page, site_url):
        page.goto(f"{site_url}/sv/mentorer?language=sv")
        card = page.locator("li.mentor-card").filter(has_text="Linda Nyström")
        card.get_by_role("link", name="Linda Nyström", exact=True).click()

        page.wait_for_url(f"{site_url}/sv/mentorer/linda-nystrom")
        expect(page.locator("h1")).to_contain_text("Linda Nyström")
        expect(page.locator("a.mentor-borrow")).to_have_attribute(
            "href", f"{site_url}/sv/mentorer/linda-nystrom/@@borrow"
        )

    @pytest.mark.parametrize("path", ["/fi/mentorit", "/sv/mentorer?skill=facebook"])
    def test_phone_has_no_sideways_scroll(self, browser, site_url, path):
        context = browser.new_context(viewport=PHONE, locale="fi-FI")
        try:
            page = context.new_page()
            page.goto(site_url + path)
            expect(page.locator("li.mentor-card").first).to_be_visible()
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            page.screenshot(path="/tmp/directory-phone.png", full_page=True)
        finally:
            context.close()
