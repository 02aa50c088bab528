"""A Swedish-speaking visitor never meets Finnish-only screens, and the other way round.

English too: an English browser lands in /en and finds the mentors there. Plone's
and plone.app.event's own words (the programme's tabs, the events portlet, a
training's dates) follow the page's language, with times written 13.00.
"""

from accessibility import assert_accessible
from playwright.sync_api import expect
from vaasa.somementor.demo.data import RING_MEETINGS

import pytest
import re


pytestmark = pytest.mark.browser


@pytest.fixture
def swedish_page(browser):
    context = browser.new_context(locale="sv-SE", extra_http_headers={"Accept-Language": "sv"})
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def english_page(browser):
    context = browser.new_context(locale="en-US", extra_http_headers={"Accept-Language": "en"})
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()


# Stock English, 12-hour times and plone.app.event's "UTC200" zone display.
NOT_ON_FINNISH_OR_SWEDISH_PAGES = re.compile(
    r"Future events|Past events|\bPast\b|Upcoming Events|Previous events|\bfrom\b|\bto\b"
    r"|\bWhen\b|\bWhere\b|Add event to calendar|\d\d:\d\d|\b[AP]M\b|UTC"
)
PROGRAMMES = {"fi": "/fi/koulutukset", "sv": "/sv/utbildningar"}
TRAININGS = {"fi": "/fi/koulutukset/googlen-tyokalut", "sv": "/sv/utbildningar/googles-verktyg"}
# The ring's meetings are weeks ahead of the day the demo is made: they come first.
RING = {
    language: [meeting["title"][language] for meeting in RING_MEETINGS]
    for language in ["fi", "sv", "en"]
}
SWEDISH_UPCOMING = [*RING["sv"], "Instagram och TikTok i ungdomsarbetet", "Teams-möten i praktiken"]
FINNISH_UPCOMING = [*RING["fi"], "Instagram ja TikTok nuorisotyössä", "Teams-kokoukset käytännössä"]
# The programme's own list leaves the ring's meetings to the ring's page.
SWEDISH_PROGRAMME = SWEDISH_UPCOMING[len(RING["sv"]) :]
FINNISH_PROGRAMME = FINNISH_UPCOMING[len(RING["fi"]) :]
LISTED = ".programme-item .programme-title"


ISO_TIMES = re.compile(r"\d{4}-\d\d-\d\dT[\d:+-]+")


def main_and_portlets(page):
    """The visible words of the content and the portlets, minus schema.org's ISO times."""
    texts = page.locator("#content, .portlet").all_inner_texts()
    return [ISO_TIMES.sub("", text) for text in texts]


class TestLanguages:
    """Grouped in a class so the demo layer with its server is set up once for all."""

    def test_swedish_browser_lands_in_swedish(self, swedish_page, site_url):
        swedish_page.goto(site_url)
        expect(swedish_page).to_have_url(re.compile(r"/plone/sv/?$"))
        expect(swedish_page.locator("html")).to_have_attribute("lang", "sv")

    def test_swedish_directory_is_swedish(self, swedish_page, site_url):
        swedish_page.goto(f"{site_url}/sv/mentorer")
        expect(swedish_page.locator("h1")).to_have_text("Mentorer")
        expect(swedish_page.locator("label[for=mentor-skill]")).to_have_text("Kompetensområde")
        expect(swedish_page.locator("p.mentor-count")).to_contain_text("7")
        card = swedish_page.locator("li.mentor-card", has_text="Anna Virtanen")
        expect(card).to_contain_text("Bibliotekarie, Biblioteket")
        expect(card).to_contain_text("Pekplattor och smarttelefoner")
        # Plone's own chrome follows too.
        expect(
            swedish_page.locator("#searchGadget, input[name=SearchableText]").first
        ).to_have_attribute("placeholder", re.compile("Sök"))

    def test_swedish_training_is_swedish(self, swedish_page, site_url):
        swedish_page.goto(f"{site_url}/sv/utbildningar/googles-verktyg")
        expect(swedish_page.locator("h1")).to_have_text("Googles verktyg")
        expect(swedish_page.locator("body")).to_contain_text("Vasa sommaruniversitet")
        expect(swedish_page.locator("body")).to_contain_text("Finskspråkig grupp")

    def test_finnish_pages_are_finnish(self, page, site_url):
        page.goto(f"{site_url}/fi/mentorit/anna-virtanen")
        expect(page.locator("html")).to_have_attribute("lang", "fi")
        expect(page.locator(".mentor-role")).to_have_text("Kirjastonhoitaja, Kirjasto")
        expect(page.locator("body")).to_contain_text("Yhteystiedot")

    def test_language_switch_keeps_the_mentor(self, page, site_url):
        page.goto(f"{site_url}/fi/mentorit/anna-virtanen")
        page.locator("#portal-languageselector .language-sv a").click()
        expect(page).to_have_url(
            re.compile(r"/plone/sv/mentorer/anna-virtanen(\?set_language=sv)?$")
        )
        expect(page.locator(".mentor-role")).to_have_text("Bibliotekarie, Biblioteket")
        page.locator("#portal-languageselector .language-fi a").click()
        expect(page).to_have_url(
            re.compile(r"/plone/fi/mentorit/anna-virtanen(\?set_language=fi)?$")
        )

    def test_swedish_programme_lists_swedish_trainings_only(self, swedish_page, site_url):
        # The Finnish programme first: its list must not be what /sv gets next.
        swedish_page.goto(f"{site_url}{PROGRAMMES['fi']}")
        expect(swedish_page.locator(LISTED)).to_have_text(FINNISH_PROGRAMME)
        swedish_page.goto(f"{site_url}{PROGRAMMES['sv']}")
        expect(swedish_page.locator("h1")).to_have_text("Utbildningar och evenemang")
        expect(swedish_page.locator(".programme-upcoming")).to_have_text("Kommande")
        listing = swedish_page.locator(LISTED)
        expect(listing).to_have_text(SWEDISH_PROGRAMME)
        # plone.app.event's portlet listed the first language's events on every root.
        expect(swedish_page.locator(".portletEvents")).to_have_count(0)

    @pytest.mark.parametrize("language", ["fi", "sv"])
    def test_programme_speaks_the_language_in_24_hour_time(self, page, site_url, language):
        page.goto(f"{site_url}{PROGRAMMES[language]}")
        training = {"fi": FINNISH_UPCOMING[-1], "sv": SWEDISH_UPCOMING[-1]}[language]
        item = page.locator(".programme-item").filter(has_text=training)
        expect(item).to_contain_text("13.00–16.00")
        past = {"fi": "Menneet", "sv": "Tidigare"}[language]
        expect(page.locator(".programme-past")).to_have_text(past)
        for text in main_and_portlets(page):
            assert not NOT_ON_FINNISH_OR_SWEDISH_PAGES.search(text), text
        page.locator(".programme-past").click()
        expect(page.locator(".programme-past")).to_have_attribute("aria-current", "page")
        held = {"fi": "Googlen työkalut", "sv": "Googles verktyg"}[language]
        expect(page.locator(".programme-item").filter(has_text=held)).to_contain_text("13.00–16.00")

    @pytest.mark.parametrize(
        ("language", "when"),
        [("fi", "10.10.2012 klo 13.00–16.00"), ("sv", "10.10.2012 kl. 13.00–16.00")],
    )
    def test_training_dates_in_24_hour_time_without_utc(self, page, site_url, language, when):
        page.goto(f"{site_url}{TRAININGS[language]}")
        summary = page.locator(".event-summary .event-when")
        expect(summary).to_contain_text(when)
        expect(summary).not_to_contain_text("Europe/Helsinki")
        for text in main_and_portlets(page):
            assert not NOT_ON_FINNISH_OR_SWEDISH_PAGES.search(text), text
        assert_accessible(page)

    def test_english_browser_finds_the_english_mentors(self, english_page, site_url):
        english_page.goto(site_url)
        expect(english_page).to_have_url(re.compile(r"/plone/en/?$"))
        expect(english_page.locator("html")).to_have_attribute("lang", "en")
        english_page.locator("#portal-globalnav a", has_text="Mentors").click()
        expect(english_page).to_have_url(re.compile(r"/plone/en/mentors/?$"))
        expect(english_page.locator("h1")).to_have_text("Mentors")
        card = english_page.locator("li.mentor-card", has_text="Anna Virtanen")
        expect(card).to_contain_text("Librarian")
        expect(english_page.locator("li.mentor-card")).to_have_count(7)
        assert_accessible(english_page)
        card.locator("a", has_text="Anna Virtanen").first.click()
        expect(english_page).to_have_url(re.compile(r"/plone/en/mentors/anna-virtanen$"))

    def test_english_programme_lists_english_trainings(self, english_page, site_url):
        english_page.goto(f"{site_url}/en/trainings")
        programme = ["Instagram and TikTok in youth work", "Teams meetings in practice"]
        expect(english_page.locator(LISTED)).to_have_text(programme)
        expect(english_page.locator(".portletEvents")).to_have_count(0)

    @pytest.mark.parametrize(
        ("path", "title"),
        [
            ("/fi/tietosuoja", "Tietosuojaseloste"),
            ("/sv/dataskydd", "Dataskyddsbeskrivning"),
            ("/en/privacy", "Privacy statement"),
        ],
    )
    def test_privacy_statement_is_public(self, page, site_url, path, title):
        page.goto(f"{site_url}{path}")
        expect(page.locator("h1")).to_have_text(title)
        expect(page.locator("#content-core")).to_contain_text("@example.org")
