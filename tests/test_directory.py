"""directory.py: which mentors a listing finds, and how many each filter value would give."""

from AccessControl.SpecialUsers import nobody
from factories import mentor_fields
from plone import api
from plone.batching import Batch
from vaasa.somementor.directory import facet_counts
from vaasa.somementor.directory import find_mentors

import pytest


# id -> fields; all published unless the id says otherwise.
MENTORS = {
    "anna": dict(
        first_name="Anna",
        last_name="Virtanen",
        department="library",
        skills=["facebook", "e-books"],
        languages=["fi", "sv"],
        loan_formats=["on-site", "remote"],
    ),
    "erik": dict(
        first_name="Erik",
        last_name="Lindqvist",
        department="education",
        skills=["facebook", "e-learning"],
        languages=["sv"],
        loan_formats=["remote"],
    ),
    "linda": dict(
        first_name="Linda",
        last_name="Nyström",
        department="library",
        skills=["instagram"],
        languages=["sv", "en"],
        loan_formats=["on-site"],
    ),
    "sanna": dict(
        first_name="Sanna",
        last_name="Mäkinen",
        department="youth",
        skills=["instagram", "facebook"],
        languages=["fi"],
        loan_formats=["on-site"],
    ),
    # Left out of every listing, whoever looks.
    "inactive": dict(
        first_name="Pekka",
        last_name="Laine",
        department="library",
        skills=["facebook"],
        languages=["fi"],
        active=False,
    ),
    "retired": dict(
        first_name="Ritva",
        last_name="Eläke",
        department="library",
        skills=["facebook"],
        languages=["fi"],
    ),
    # Only for those who may see private content.
    "private": dict(
        first_name="Pirjo",
        last_name="Yksityinen",
        department="library",
        skills=["facebook"],
        languages=["fi"],
        loan_formats=["remote"],
    ),
}


@pytest.fixture
def mentors(directory):
    created = {}
    for id, fields in MENTORS.items():
        created[id] = api.content.create(
            directory, "Mentor", id=id, **mentor_fields(email=f"{id}@example.org", **fields)
        )
        if id != "private":
            api.content.transition(created[id], "publish")
    api.content.transition(created["retired"], "retire")
    return created


def names(brains):
    return [brain.getId for brain in brains]


def anonymous():
    return api.env.adopt_user(user=nobody)


class TestFindMentors:
    def test_lists_active_listable_mentors_by_name(self, directory, mentors):
        # Sorted by name as shown: Anna Virtanen, Erik L., Linda N., Pirjo Y., Sanna M.
        assert names(find_mentors(directory)) == ["anna", "erik", "linda", "private", "sanna"]

    def test_anonymous_does_not_get_the_private_mentor(self, directory, mentors):
        with anonymous():
            assert names(find_mentors(directory)) == ["anna", "erik", "linda", "sanna"]

    def test_filters_combine(self, directory, mentors):
        found = find_mentors(directory, skill="facebook", language="sv", loan_format="remote")
        assert names(found) == ["anna", "erik"]
        assert names(find_mentors(directory, department="library", skill="instagram")) == ["linda"]

    def test_text_and_filter(self, directory, mentors):
        assert names(find_mentors(directory, text="Virt", skill="facebook")) == ["anna"]
        assert names(find_mentors(directory, text="Virt", skill="instagram")) == []

    @pytest.mark.parametrize("text", [None, "a"])
    def test_a_batch_is_sorted_alone_and_knows_the_total(self, directory, mentors, text):
        everyone = names(find_mentors(directory, text=text))
        pages = []
        for start in range(0, len(everyone), 2):
            found = find_mentors(directory, text=text, b_start=start, b_size=2)
            # Only the batch is held, sorted; the total is still the whole result's.
            assert len(found) <= 2
            assert found.actual_result_count == len(everyone)
            pages += names(Batch(found, 2, start=start))
        assert pages == everyone

    def test_unknown_filter_is_a_programming_error(self, directory, mentors):
        with pytest.raises(TypeError):
            find_mentors(directory, colour="blue")


class TestFacetCounts:
    def test_counts_without_filters(self, directory, mentors):
        with anonymous():
            counts = facet_counts(directory)
        assert counts["skill"]["facebook"] == 3
        assert counts["skill"]["instagram"] == 2
        assert counts["skill"]["e-learning"] == 1
        assert counts["language"] == {"fi": 2, "sv": 3, "en": 1}
        assert counts["department"] == {"library": 2, "education": 1, "youth": 1}
        assert counts["loan_format"] == {"on-site": 3, "remote": 2}

    def test_the_private_mentor_counts_only_for_those_who_may_see_it(self, directory, mentors):
        assert facet_counts(directory)["loan_format"]["remote"] == 3
        with anonymous():
            assert facet_counts(directory)["loan_format"]["remote"] == 2

    def test_each_facet_counts_within_the_other_filters(self, directory, mentors):
        with anonymous():
            counts = facet_counts(directory, skill="facebook", language="sv")
        # The skills a Swedish-speaking mentor has (the skill choice itself set aside).
        assert counts["skill"]["facebook"] == 2
        assert counts["skill"]["instagram"] == 1
        assert counts["skill"]["e-books"] == 1
        # The languages of the Facebook mentors (the language choice set aside).
        assert counts["language"] == {"fi": 2, "sv": 2, "en": 0}
        # Both filters hold: Anna and Erik.
        assert counts["department"] == {"library": 1, "education": 1, "youth": 0}
        assert counts["loan_format"] == {"on-site": 1, "remote": 2}

    def test_counts_match_what_the_filter_finds(self, directory, mentors):
        chosen = {"skill": "facebook", "loan_format": "on-site"}
        with anonymous():
            counts = facet_counts(directory, text="a", **chosen)
            for language, count in counts["language"].items():
                assert len(find_mentors(directory, text="a", language=language, **chosen)) == count

    def test_text_narrows_the_counts(self, directory, mentors):
        with anonymous():
            counts = facet_counts(directory, text="Lindqvist")
        assert counts["skill"]["facebook"] == 1
        assert counts["department"] == {"library": 0, "education": 1, "youth": 0}

    def test_an_unknown_value_counts_nothing_and_breaks_nothing(self, directory, mentors):
        counts = facet_counts(directory, skill="no-such-skill")
        assert counts["skill"]["facebook"] == 4
        assert set(counts["language"].values()) == {0}

    def test_a_value_only_one_mentor_has(self, directory, mentors):
        # The index keeps such a value as a bare record id instead of a set.
        with anonymous():
            assert facet_counts(directory, department="youth")["skill"]["instagram"] == 1


@pytest.mark.parametrize(
    "text", ["(", ")", "not", "and", "or", "*", '"', "anna (", "not anna", "a*b", "?", "-", "))"]
)
def test_odd_search_text_is_no_error(directory, mentors, text):
    found = find_mentors(directory, text=text, skill="facebook")
    counts = facet_counts(directory, text=text, skill="facebook")
    # Every mentor has one department, so its counts add up to what was found.
    assert sum(counts["department"].values()) == len(found)
