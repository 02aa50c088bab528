"""The programme's pages read catalog metadata only: no Training object per row.

Plone's ``event_listing`` loaded every upcoming training before batching: at 500
trainings a page read 248 objects and took 4.9 times a Document view. These tests
render the real pages over HTTP and count the Training objects read from the ZODB.
"""

from datetime import datetime
from datetime import timedelta
from factories import training_fields
from plone import api
from vaasa.somementor.content.training import Training
from vaasa.somementor.demo import portlets

import icalendar
import pytest
import pytz
import re
import requests
import transaction


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        programme = api.content.create(
            portal, "TrainingProgramme", id="koulutukset", title="Koulutukset"
        )
        api.content.transition(programme, "publish")
    # plone.app.event's site-wide events portlet loads its five events itself.
    portlets.drop_events_portlets(portal)
    transaction.commit()
    return {
        "programme": programme,
        "url": f"http://{functional['host']}:{functional['port']}/plone/koulutukset",
    }


def add_trainings(programme, count):
    now = datetime.now(pytz.utc).replace(minute=0, second=0, microsecond=0)
    with api.env.adopt_roles(["Manager"]):
        for number in range(count):
            # Half held already, half ahead, a day apart.
            start = now + timedelta(days=number - count // 2)
            training = api.content.create(
                programme,
                "Training",
                id=f"training-{number:03}",
                **training_fields(
                    title=f"Koulutus {number:03}",
                    start=start,
                    end=start + timedelta(hours=2),
                    capacity=10,
                    participants=8,
                    training_format=("in-person", "remote", "recorded")[number % 3],
                ),
            )
            api.content.transition(training, "publish")
    transaction.commit()


def get(url, **params):
    response = requests.get(url, params=params, timeout=60)
    assert response.status_code == 200, response.text[:2000]
    return response.text


def rows(html):
    return len(re.findall(r'<li class="programme-item\b', html))


@pytest.fixture
def woken(monkeypatch):
    """The Training objects the ZODB loads, whichever thread asks (the server's too)."""
    loaded = []
    original = Training.__setstate__

    def setstate(self, state):
        loaded.append(state.get("id") if isinstance(state, dict) else state)
        return original(self, state)

    monkeypatch.setattr(Training, "__setstate__", setstate)
    return loaded


class TestProgrammeCost:
    def test_pages_and_feed_read_no_training_object(self, site, woken):
        add_trainings(site["programme"], 60)
        # A fresh connection cache: objects the test made are ghosts again.
        site["programme"]._p_jar.cacheMinimize()
        del woken[:]
        month = datetime.now(pytz.timezone("Europe/Helsinki")).strftime("%Y-%m")

        upcoming = get(site["url"])
        past = get(site["url"], mode="past", b_start=20, language_group="fi")
        calendar = get(f"{site['url']}/@@programme-calendar", month=month)
        ics = requests.get(f"{site['url']}/@@programme.ics", timeout=60).content

        assert rows(upcoming) == 20
        assert rows(past) > 0
        assert "programme-event" in calendar
        assert len(icalendar.Calendar.from_ical(ics).walk("VEVENT")) > 30
        assert woken == []
        # The spy works: a training's own page does read the training.
        get(f"{site['url']}/training-045")
        assert "training-045" in woken

    def test_batches_of_twenty_with_the_filters_kept(self, site):
        add_trainings(site["programme"], 60)
        html = get(site["url"], format="remote")
        # 30 ahead, every third remote: 10, on one page.
        assert rows(html) == 10
        html = get(site["url"])
        assert rows(html) == 20
        assert "Upcoming trainings and events: 30" in html
        links = re.findall(r'href="([^"]*b_start[^"]*)"', html)
        assert links
        page_2 = get(links[-1].replace("&amp;", "&"))
        assert rows(page_2) == 10
        html = get(site["url"], mode="past", language_group="fi")
        links = re.findall(r'href="([^"]*b_start[^"]*)"', html)
        assert links and all("mode=past" in link and "language_group=fi" in link for link in links)
