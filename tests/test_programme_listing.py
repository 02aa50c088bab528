"""The programme's one query: upcoming and past, filters, months, and what it leaves out."""

from AccessControl.SpecialUsers import nobody
from datetime import date
from datetime import datetime
from datetime import timedelta
from factories import training_fields
from plone import api
from vaasa.somementor import programme as listing

import pytest
import pytz


VAASA = pytz.timezone("Europe/Helsinki")
NOW = datetime.now(pytz.utc)


@pytest.fixture
def add(programme):
    def add(id, days, **fields):
        start = NOW + timedelta(days=days)
        fields = training_fields(start=start, end=start + timedelta(hours=2), **fields)
        return api.content.create(programme, "Training", id=id, **fields)

    return add


def ids(brains):
    return [brain.getId for brain in brains]


def test_upcoming_soonest_first_and_past_newest_first(programme, add):
    add("later", 30)
    add("soon", 3)
    add("last-week", -7)
    add("last-year", -365)
    assert ids(listing.find_trainings(programme)) == ["soon", "later"]
    assert ids(listing.find_trainings(programme, when=listing.PAST)) == [
        "last-week",
        "last-year",
    ]


def test_a_training_under_way_is_still_upcoming(programme, add):
    # Started an hour ago, ends in an hour.
    add("now", -1 / 24)
    assert ids(listing.find_trainings(programme)) == ["now"]
    assert ids(listing.find_trainings(programme, when=listing.PAST)) == []


def test_ring_meetings_are_never_in_the_programme(programme, add):
    add("course", 5)
    add("ring", 6, kind="ring-meeting")
    add("old-ring", -6, kind="ring-meeting")
    assert ids(listing.find_trainings(programme)) == ["course"]
    assert ids(listing.find_trainings(programme, when=listing.PAST)) == []
    # Not even when asked for by name.
    assert ids(listing.find_trainings(programme, kind="ring-meeting")) == []
    assert ids(listing.feed_trainings(programme)) == ["course"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"kind": "event"}, ["day"]),
        ({"kind": "training"}, ["fi", "sv-remote"]),
        ({"language_group": "sv"}, ["sv-remote"]),
        ({"format": "remote"}, ["sv-remote"]),
        ({"format": "remote", "language_group": "fi"}, []),
        ({"language_group": "regional"}, ["day"]),
        ({"kind": None, "format": ""}, ["fi", "sv-remote", "day"]),
    ],
)
def test_filters_combine(programme, add, filters, expected):
    add("fi", 1)
    add("sv-remote", 2, language_group="sv", training_format="remote")
    add("day", 3, kind="event", language_group="regional")
    assert ids(listing.find_trainings(programme, **filters)) == expected


def test_unknown_filter_is_a_programming_error(programme):
    with pytest.raises(TypeError):
        listing.find_trainings(programme, topic="facebook")


def test_month_keeps_the_trainings_starting_in_it(programme):
    def at(id, *when):
        start = VAASA.localize(datetime(*when))
        fields = training_fields(start=start, end=start + timedelta(hours=1))
        api.content.create(programme, "Training", id=id, **fields)

    at("january-last-minute", 2027, 1, 31, 23, 30)
    at("february-first", 2027, 2, 1, 0, 0)
    at("february-last", 2027, 2, 28, 23, 59)
    at("march", 2027, 3, 1, 0, 0)
    february = date(2027, 2, 1)
    assert ids(listing.month_trainings(programme, february)) == [
        "february-first",
        "february-last",
    ]
    # The list's month filter is the same, on the tab it belongs to.
    now = VAASA.localize(datetime(2027, 2, 15))
    assert ids(listing.find_trainings(programme, month=february, now=now)) == ["february-last"]
    assert ids(listing.find_trainings(programme, when=listing.PAST, month=february, now=now)) == [
        "february-first"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-02", date(2027, 2, 1)),
        ("2027-12", date(2027, 12, 1)),
        ("2027-13", None),
        ("2027-2", None),
        ("27-02", None),
        ("", None),
        (None, None),
        (["2027-02"], None),
        ("2027-02<script>", None),
    ],
)
def test_parse_month(text, expected):
    assert listing.parse_month(text) == expected


def test_neighbouring_months():
    assert listing.next_month(date(2027, 12, 1)) == date(2028, 1, 1)
    assert listing.previous_month(date(2027, 1, 1)) == date(2026, 12, 1)


def test_feed_has_the_upcoming_and_the_lately_held(programme, add):
    add("ahead", 10)
    add("lately", -30)
    add("long-ago", -200)
    assert ids(listing.feed_trainings(programme)) == ["lately", "ahead"]


def test_free_seats_from_capacity_and_seats_taken(programme, add):
    add("open", 1)
    add("limited", 2, capacity=12)
    add("none-left", 3, capacity=0)
    brains = {brain.getId: brain for brain in listing.find_trainings(programme)}
    assert listing.free_seats(brains["open"]) is None
    # No registration yet, or a catalog without the column: no seat taken.
    assert listing.free_seats(brains["limited"]) == 12
    assert listing.free_seats(brains["none-left"]) == 0

    class Brain:
        training_capacity = 12
        training_seats_taken = 12

    assert listing.free_seats(Brain()) == 0
    Brain.training_seats_taken = 15
    assert listing.free_seats(Brain()) == 0
    Brain.training_seats_taken = 5
    assert listing.free_seats(Brain()) == 7


def test_anonymous_sees_published_trainings_only(programme, add):
    draft = add("draft", 1)
    published = add("published", 2)
    api.content.transition(published, "publish")
    assert api.content.get_state(draft) == "draft"
    assert ids(listing.find_trainings(programme)) == ["draft", "published"]
    with api.env.adopt_user(user=nobody):
        assert ids(listing.find_trainings(programme)) == ["published"]


class TestProgrammeInEachLanguage:
    """On the demo: a training's translations are one training, listed once per tree."""

    @pytest.mark.parametrize(
        ("path", "first"),
        [
            ("/fi/koulutukset", "Instagram ja TikTok nuorisotyössä"),
            ("/sv/utbildningar", "Instagram och TikTok i ungdomsarbetet"),
            ("/en/trainings", "Instagram and TikTok in youth work"),
        ],
    )
    def test_each_tree_lists_its_own_version_once(self, demo_integration, path, first):
        from vaasa.somementor.demo.data import TRAININGS

        tree = api.content.get(path=path)
        upcoming = listing.find_trainings(tree)
        past = listing.find_trainings(tree, when=listing.PAST)
        assert upcoming[0].Title == first
        titles = [brain.Title for brain in (*upcoming, *past)]
        # Every demo training once; the ring meetings not at all.
        assert len(titles) == len(set(titles)) == len(TRAININGS)
        language = path.split("/")[1]
        assert {brain.Language for brain in (*upcoming, *past)} == {language}
