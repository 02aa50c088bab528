"""A request's wished dates and meeting link, read for showing whatever way they were stored."""

from datetime import date
from datetime import datetime
from types import SimpleNamespace
from vaasa.somementor.content.loan_readers import meeting_link
from vaasa.somementor.content.loan_readers import wished_dates

import pytest


def loan(preferred_dates):
    return SimpleNamespace(preferred_dates=preferred_dates)


def test_wished_dates_stored_as_text():
    stored = [
        {"start": "2027-03-01", "end": "2027-03-05"},
        {"start": "2027-04-12", "end": "2027-04-12"},
    ]
    assert wished_dates(loan(stored)) == [
        (date(2027, 3, 1), date(2027, 3, 5)),
        (date(2027, 4, 12), date(2027, 4, 12)),
    ]


def test_wished_dates_stored_as_dates():
    stored = [{"start": date(2027, 3, 1), "end": datetime(2027, 3, 5, 0, 0)}]
    assert wished_dates(loan(stored)) == [(date(2027, 3, 1), date(2027, 3, 5))]


@pytest.mark.parametrize(
    "stored",
    [None, [], ["2027-03-01"], [{"start": "2027-03-01"}], [{"start": "soon", "end": "later"}]],
)
def test_what_cannot_be_read_is_left_out(stored):
    assert wished_dates(loan(stored)) == []


@pytest.mark.parametrize(
    "place",
    ["https://meet.example.org/laihia", "http://teams.example.com/l/meetup?id=1", "HTTPS://x.fi"],
)
def test_web_addresses_are_meeting_links(place):
    assert meeting_link(f"  {place} ") == place


@pytest.mark.parametrize(
    "place",
    [
        None,
        "",
        "Laihian kirjasto",
        "javascript:alert(1)",
        "JavaScript://example.org/%0aalert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://files.example.org/",
        "https://",
        "//meet.example.org/laihia",
        "Kokoushuone 2, https://meet.example.org/laihia",
    ],
)
def test_anything_else_is_a_place(place):
    assert meeting_link(place) == ""
