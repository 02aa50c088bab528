"""The demo's programme as a visitor finds it: list, filters, month calendar, iCal feeds."""

from accessibility import assert_accessible
from playwright.sync_api import expect
from vaasa.somementor import _
from vaasa.somementor.demo.data import RING_MEETINGS
from zope.i18n import translate

import icalendar
import pytest
import re
import requests


pytestmark = pytest.mark.browser

PROGRAMMES = {"fi": "/fi/koulutukset", "sv": "/sv/utbildningar"}
UPCOMING = {
    "fi": ["Instagram ja TikTok nuorisotyössä", "Teams-kokoukset käytännössä"],
    "sv": ["Instagram och TikTok i ungdomsarbetet", "Teams-möten i praktiken"],
}
# The newest past ones first: the customers' iPad afternoon (18) and the SoMe day (40).
PAST = {
    "fi": [("iPad-iltapäivä asiakkaille", 18), ("SoMe-päivä 2013", 40)],
    "sv": [("iPad-eftermiddag för kunder", 18), ("SoMe-dagen 2013", 40)],
}
DAY = {"fi": "ke 10.02.2027", "sv": "Ons 10.02.2027"}


def say(msgid, language, **mapping):
    # Before the catalogues have a msgid this is the English text, as the page shows it.
    return translate(_(msgid, mapping=mapping), target_language=language)


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="fi-FI", viewport={"width": 390, "height": 844})
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()


def titles(page):
    return page.locator(".programme-item .programme-title")


def own_markup(html):
    # The demo's events portlet beside it is plone.app.event's, with the ring's meetings.
    return html.split('data-somementor="training-programme"', 1)[1].split("programme-feed")[0]


def feed(url):
    response = requests.get(url, timeout=30)
    assert response.status_code == 200, response.text[:2000]
    assert response.headers["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


class TestProgramme:
    """Grouped in a class so the demo layer with its server is set up once for all."""

    @pytest.mark.parametrize("language", ["fi", "sv"])
    def test_upcoming_in_the_page_language_without_ring_meetings(self, page, site_url, language):
        page.goto(f"{site_url}{PROGRAMMES[language]}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(titles(page)).to_have_text(UPCOMING[language])
        for meeting in RING_MEETINGS:
            expect(page.locator("#content-core")).not_to_contain_text(meeting["title"][language])
        first = page.locator(".programme-item").first
        expect(first.locator(".programme-when")).to_have_text(f"{DAY[language]} 13.00–16.00")
        expect(first.locator(".programme-when time")).to_have_attribute(
            "datetime", "2027-02-10T13:00:00+02:00"
        )
        expect(page.locator("#content-core")).not_to_contain_text(re.compile(r"\d\d:\d\d"))
        assert_accessible(page)

    @pytest.mark.parametrize("language", ["fi", "sv"])
    def test_past_newest_first_with_participants(self, page, site_url, language):
        page.goto(f"{site_url}{PROGRAMMES[language]}")
        page.locator(".programme-past").click()
        expect(page).to_have_url(re.compile(r"\?mode=past$"))
        expect(page.locator(".programme-past")).to_have_attribute("aria-current", "page")
        for index, (title, count) in enumerate(PAST[language]):
            item = page.locator(".programme-item").nth(index)
            expect(item.locator(".programme-title")).to_have_text(title)
            expect(item.locator(".programme-participants")).to_have_text(
                say("Participants: ${count}", language, count=count)
            )
        # Fourteen held trainings and events, on one page of twenty.
        expect(page.locator(".programme-item")).to_have_count(14)
        assert_accessible(page)

    def test_filters_travel_in_the_url(self, page, site_url):
        page.goto(f"{site_url}{PROGRAMMES['sv']}")
        page.locator("#programme-format").select_option("remote")
        page.get_by_role("button", name=say("Filter", "sv")).click()
        expect(page).to_have_url(re.compile(r"format=remote"))
        expect(titles(page)).to_have_text(["Teams-möten i praktiken"])
        expect(page.locator("#programme-format")).to_have_value("remote")
        # The past tab keeps the filter: the two remote copyright trainings and the region's.
        page.locator(".programme-past").click()
        expect(page).to_have_url(re.compile(r"format=remote.*mode=past|mode=past.*format=remote"))
        expect(page.locator(".programme-item")).to_have_count(3)
        # A hand-made URL with a month, a group and a kind.
        page.goto(f"{site_url}{PROGRAMMES['fi']}?month=2027-02&language_group=fi&kind=training")
        expect(titles(page)).to_have_text(["Instagram ja TikTok nuorisotyössä"])
        expect(page.locator("#programme-month")).to_have_value("2027-02")

    @pytest.mark.parametrize(
        "query",
        [
            "kind=ring-meeting",
            "month=2027-13",
            "month=<script>",
            "format=nope&language_group=xx",
            "kind=event&kind=training",
            "b_start=-4",
            "b_start=x",
            "mode=whatever",
        ],
    )
    def test_odd_query_gives_the_plain_list(self, site_url, query):
        response = requests.get(f"{site_url}{PROGRAMMES['fi']}?{query}", timeout=30)
        assert response.status_code == 200
        listing = own_markup(response.text)
        assert "Instagram ja TikTok nuorisotyössä" in listing
        assert "Mentorirenkaan" not in listing

    @pytest.mark.parametrize("language", ["fi", "sv"])
    def test_month_calendar_shows_february_2027(self, page, site_url, language):
        page.goto(f"{site_url}{PROGRAMMES[language]}/@@programme-calendar?month=2027-02")
        caption = {"fi": "helmikuu 2027", "sv": "Februari 2027"}[language]
        expect(page.locator("table.programme-month caption")).to_have_text(caption)
        expect(page.locator("table.programme-month thead th")).to_have_count(7)
        first_day = {"fi": "ma", "sv": "Mån"}[language]
        expect(page.locator("table.programme-month thead th").first).to_have_text(first_day)
        cell_10 = page.locator("td:has(time.day-number[datetime='2027-02-10'])")
        expect(cell_10.locator(".programme-event")).to_have_text(f"13.00 {UPCOMING[language][0]}")
        cell_17 = page.locator("td:has(time.day-number[datetime='2027-02-17'])")
        expect(cell_17.locator(".programme-event a")).to_have_text(UPCOMING[language][1])
        expect(page.locator(".programme-event")).to_have_count(2)
        assert_accessible(page)
        page.locator("a.programme-next").click()
        expect(page).to_have_url(re.compile(r"month=2027-03$"))
        expect(page.locator(".programme-event")).to_have_count(0)
        page.locator("a.programme-previous").click()
        page.locator("a.programme-previous").click()
        expect(page).to_have_url(re.compile(r"month=2027-01$"))

    def test_calendar_keeps_the_filters(self, page, site_url):
        page.goto(f"{site_url}{PROGRAMMES['fi']}?format=remote")
        page.locator(".programme-calendar-link").click()
        expect(page).to_have_url(re.compile(r"@@programme-calendar\?.*format=remote"))
        page.goto(f"{site_url}{PROGRAMMES['fi']}/@@programme-calendar?month=2027-02&format=remote")
        expect(page.locator(".programme-event a")).to_have_text([UPCOMING["fi"][1]])
        expect(page.locator("a.programme-next")).to_have_attribute(
            "href", re.compile(r"format=remote")
        )

    @pytest.mark.parametrize("view", ["@@programme.ics", "ics_view"])
    @pytest.mark.parametrize("language", ["fi", "sv"])
    def test_programme_feed_in_vaasa_time(self, site_url, language, view):
        calendar = feed(f"{site_url}{PROGRAMMES[language]}/{view}")
        events = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
        assert set(UPCOMING[language]) <= set(events)
        for meeting in RING_MEETINGS:
            assert meeting["title"][language] not in events
        # Held in 2012-2013: long past the feed's recent weeks.
        assert not {title for title, _count in PAST[language]} & set(events)
        start = events[UPCOMING[language][0]]["dtstart"]
        assert start.params["TZID"] == "Europe/Helsinki"
        assert (start.dt.hour, start.dt.minute) == (13, 0)
        assert start.dt.utcoffset().total_seconds() == 2 * 3600
        zones = calendar.walk("VTIMEZONE")
        assert [str(zone["tzid"]) for zone in zones] == ["Europe/Helsinki"]
        assert b"DTSTART;TZID=Europe/Helsinki:20270210T130000" in calendar.to_ical()

    def test_training_ics_in_vaasa_time_without_the_meeting_link(self, site_url):
        url = f"{site_url}/sv/utbildningar/teams-moten-i-praktiken/ics_view"
        calendar = feed(url)
        [event] = calendar.walk("VEVENT")
        assert str(event["summary"]) == "Teams-möten i praktiken"
        assert event["dtstart"].params["TZID"] == "Europe/Helsinki"
        assert event["dtstart"].dt.hour == 13
        assert calendar.walk("VTIMEZONE")
        assert b"connect.example.org" not in calendar.to_ical()

    def test_recorded_training_links_its_recording(self, page, site_url):
        page.goto(f"{site_url}/fi/koulutukset/nuorten-netinkaytto")
        link = page.locator("a.training-recording")
        expect(link).to_have_attribute(
            "href", "https://video.example.org/somementori/nuorten-netinkaytto"
        )
        expect(link).to_have_attribute("rel", "noopener")
        assert_accessible(page)

    @pytest.mark.parametrize(
        "path", ["/fi/koulutukset/teams-moten", "/sv/utbildningar/teams-moten-i-praktiken"]
    )
    def test_remote_training_keeps_its_meeting_link_private(self, site_url, path):
        response = requests.get(f"{site_url}{path}", timeout=30)
        assert response.status_code == 200
        assert "connect.example.org" not in response.text

    @pytest.mark.parametrize(
        "path",
        [PROGRAMMES["fi"], f"{PROGRAMMES['fi']}/@@programme-calendar?month=2027-02"],
    )
    def test_phone_has_no_horizontal_scroll(self, phone, site_url, path):
        phone.goto(f"{site_url}{path}")
        expect(phone.locator("[data-somementor]").first).to_be_visible()
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width}px wide on a 390px screen"
