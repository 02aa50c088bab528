"""The directory page costs the same with 30 mentors or 60: 24 cards, catalog metadata only.

At 5,000 mentors an unbatched page weighed 5.5 MB and translated each card's terms
again. These tests render the real page over HTTP and count what grows with the
number of mentors: cards, bytes, translations, and Mentor objects read from the ZODB.
"""

from factories import mentor_fields
from plone import api
from Products.ZCatalog.Catalog import Catalog
from vaasa.somementor.content.mentor import Mentor
from vaasa.somementor.vocabularies import titles as terms

import html as html_module
import pytest
import re
import requests
import transaction


SKILLS = ["facebook", "instagram", "youtube", "blogs", "e-books", "online-meetings"]
DEPARTMENTS = ["library", "education", "youth", "communications"]
VOCABULARIES = [
    f"vaasa.somementor.{name}" for name in ("Skills", "Languages", "Departments", "LoanFormats")
]


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        directory = api.content.create(portal, "MentorDirectory", id="mentorit", title="Mentorit")
        api.content.transition(directory, "publish")
    transaction.commit()
    return {
        "directory": directory,
        "url": f"http://{functional['host']}:{functional['port']}/plone/mentorit",
    }


def add_mentors(directory, first, count):
    with api.env.adopt_roles(["Manager"]):
        for number in range(first, first + count):
            mentor = api.content.create(
                directory,
                "Mentor",
                id=f"mentor-{number:03}",
                **mentor_fields(
                    first_name="Mentori",
                    last_name=f"{number:03}",
                    email=f"mentor{number}@example.org",
                    department=DEPARTMENTS[number % len(DEPARTMENTS)],
                    skills=[SKILLS[number % len(SKILLS)], SKILLS[(number + 1) % len(SKILLS)]],
                    languages=["fi", "sv"] if number % 2 else ["fi"],
                    loan_formats=["on-site", "remote"] if number % 3 else ["remote"],
                    description="Opastaa sosiaalisen median käytössä.",
                ),
            )
            api.content.transition(mentor, "publish")
    transaction.commit()


def cards(html):
    return len(re.findall(r'<li class="mentor-card\b', html))


def get(url, **params):
    response = requests.get(url, params=params, timeout=60)
    assert response.status_code == 200, response.text[:2000]
    return response.text


@pytest.fixture
def woken(monkeypatch):
    """The Mentor objects the ZODB loads, whichever thread asks (the server's too)."""
    loaded = []
    original = Mentor.__setstate__

    def setstate(self, state):
        loaded.append(state.get("id") if isinstance(state, dict) else state)
        return original(self, state)

    monkeypatch.setattr(Mentor, "__setstate__", setstate)
    return loaded


@pytest.fixture
def sorted_lengths(monkeypatch):
    """(kept, total) of every sorted catalog result: how many brains it holds, of how many."""
    lengths = []
    original = Catalog.sortResults

    def sort_results(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        if hasattr(result, "actual_result_count"):
            lengths.append((len(result), result.actual_result_count))
        return result

    monkeypatch.setattr(Catalog, "sortResults", sort_results)
    return lengths


@pytest.fixture
def translations(monkeypatch):
    """How often the directory translates a vocabulary title."""
    calls = []
    original = terms.translate

    def translate(*args, **kwargs):
        calls.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(terms, "translate", translate)
    return calls


class TestDirectoryCost:
    def test_page_one_stays_the_same_size_from_30_to_60_mentors(self, site, translations):
        add_mentors(site["directory"], 1, 30)
        del translations[:]
        html_30 = get(site["url"])
        translated_30 = len(translations)

        add_mentors(site["directory"], 31, 30)
        del translations[:]
        html_60 = get(site["url"])

        assert "Mentors found: 30." in html_30
        assert "Mentors found: 60." in html_60
        assert cards(html_30) == cards(html_60) == 24
        # Only the counts and the batch links differ.
        assert abs(len(html_60) - len(html_30)) < len(html_30) * 0.02
        assert len(translations) == translated_30
        # Each term of the four vocabularies once, not once per card.
        assert translated_30 == sum(
            len(terms.vocabulary(name, site["directory"])) for name in VOCABULARIES
        )

    def test_b_start_pages_through_every_mentor_once(self, site):
        add_mentors(site["directory"], 1, 60)
        seen = []
        for b_start in (0, 24, 48):
            html = get(site["url"], b_start=b_start)
            seen += re.findall(r'href="[^"]*/mentorit/(mentor-\d+)"', html)
        assert seen == [f"mentor-{number:03}" for number in range(1, 61)]
        assert cards(get(site["url"], b_start=48)) == 12

    def test_batch_links_keep_the_filters(self, site):
        add_mentors(site["directory"], 1, 60)
        html = get(site["url"], language="sv", text="Mentori")
        # Every second mentor speaks Swedish: 30, on two pages.
        assert "Mentors found: 30." in html
        links = re.findall(r'href="([^"]*b_start[^"]*)"', html)
        assert links
        for link in links:
            assert "language=sv" in link and "text=Mentori" in link, link
        # Following the link to page 2 gives the other six, still filtered.
        page_2 = get(html_module.unescape(links[-1]))
        assert cards(page_2) == 6
        assert "Mentors found: 30." in page_2

    @pytest.mark.parametrize(
        "query",
        [
            {"b_start": "-5"},
            {"b_start": "x"},
            {"b_start": "10000"},
            {"b_start": "1e3"},
            {"b_start:int": "-24"},
            [("b_start", "1"), ("b_start", "2")],
            [("skill", "facebook"), ("skill", "blogs")],
            {"skill": "no-such-skill", "language": "<script>"},
            [("text", "a"), ("text", "b")],
        ],
    )
    def test_odd_query_gives_a_page(self, site, query):
        add_mentors(site["directory"], 1, 3)
        response = requests.get(site["url"], params=query, timeout=60)
        assert response.status_code == 200
        assert "Mentors found: 3." in response.text

    @pytest.mark.parametrize(
        "path, params, kept",
        [
            ("", {}, 24),
            ("", {"b_start": 48}, 12),
            ("/@mentors", {}, 25),
            ("/@mentors", {"b_start": 50}, 10),
        ],
    )
    def test_only_the_batch_is_sorted(self, site, sorted_lengths, path, params, kept):
        # Sorting all 5,000 mentors by name for a page of 24 took most of the
        # directory's own time; ZCatalog sorts just the batch when told its bounds.
        add_mentors(site["directory"], 1, 60)
        del sorted_lengths[:]
        headers = {"Accept": "application/json"} if path else {}
        response = requests.get(site["url"] + path, params=params, headers=headers, timeout=60)
        assert response.status_code == 200
        assert (kept, 60) in sorted_lengths
        assert [pair for pair in sorted_lengths if pair[1] == 60] == [(kept, 60)]

    def test_listing_reads_no_mentor_object(self, site, woken):
        add_mentors(site["directory"], 1, 60)
        del woken[:]

        html = get(site["url"], skill="facebook")
        html += get(site["url"], b_start=24, language="sv")

        assert cards(html) > 24
        assert woken == []
        # The spy works: the mentor's own page does read the mentor.
        get(f"{site['url']}/mentor-007")
        assert "mentor-007" in woken
