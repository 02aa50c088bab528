"""Seats up to the capacity, then a waiting list in order; a freed seat goes to the first."""

from datetime import datetime
from datetime import timedelta
from plone import api
from registration_helpers import person
from vaasa.somementor.registrations import attendance
from vaasa.somementor.registrations import cancel
from vaasa.somementor.registrations import closing
from vaasa.somementor.registrations import sign_up
from vaasa.somementor.registrations import store

import pytest


ADDRESS = "192.0.2.1"


def states(training):
    return [(r["name"], r["state"]) for r in store.records(training)]


def test_seats_then_waiting_list_in_order(training):
    records = [sign_up.sign_up(training, person(n), ADDRESS) for n in range(1, 5)]
    assert [r["state"] for r in records] == ["confirmed", "confirmed", "waiting", "waiting"]
    books = store.registrations(training)
    assert [books.position(r) for r in records] == [None, None, 1, 2]
    assert store.seats_taken(training) == 2


def test_no_capacity_means_no_waiting_list(make_training):
    training = make_training(capacity=None)
    records = [sign_up.sign_up(training, person(n), ADDRESS) for n in range(1, 4)]
    assert {r["state"] for r in records} == {"confirmed"}


def test_cancelling_a_seat_promotes_the_first_waiting_once(training):
    first, _second, third, fourth = (
        sign_up.sign_up(training, person(n), ADDRESS) for n in range(1, 5)
    )
    promoted = cancel.cancel(training, first["id"])
    assert [r["id"] for r in promoted] == [third["id"]]
    # Cancelling again changes nothing and promotes nobody else.
    assert cancel.cancel(training, first["id"]) == []
    assert states(training) == [
        ("Person 1", "cancelled"),
        ("Person 2", "confirmed"),
        ("Person 3", "confirmed"),
        ("Person 4", "waiting"),
    ]
    assert (
        store.registrations(training).position(
            store.registrations(training).by_token(fourth["token"])
        )
        == 1
    )


def test_cancelling_from_the_waiting_list_promotes_nobody(training):
    records = [sign_up.sign_up(training, person(n), ADDRESS) for n in range(1, 5)]
    assert cancel.cancel(training, records[2]["id"]) == []
    assert store.registrations(training).position(store.records(training)[3]) == 1


def test_errors_name_the_fields(training):
    with pytest.raises(sign_up.Refused) as refused:
        sign_up.sign_up(
            training, {"name": "", "email": "not-an-address", "language": "en"}, ADDRESS
        )
    fields = {error["field"] for error in refused.value.errors}
    assert fields == {"name", "email", "unit", "consent"}


def test_the_same_address_signs_up_once(training):
    sign_up.sign_up(training, person(1), ADDRESS)
    with pytest.raises(sign_up.Refused) as refused:
        sign_up.sign_up(training, {**person(1), "email": "PERSON1@example.org "}, ADDRESS)
    assert [error["field"] for error in refused.value.errors] == ["email"]


def test_the_honeypot_stores_nothing(training):
    with pytest.raises(sign_up.Refused):
        sign_up.sign_up(training, {**person(1), "website": "http://spam"}, ADDRESS)
    assert store.records(training) == []


def test_closed_at_the_deadline(make_training):
    training = make_training(registration_deadline=datetime.now() - timedelta(hours=1))
    assert not closing.is_open(training)
    with pytest.raises(sign_up.Refused) as refused:
        sign_up.sign_up(training, person(1), ADDRESS)
    assert refused.value.reason == sign_up.CLOSED


def test_open_until_a_later_deadline_or_the_start(make_training):
    training = make_training(registration_deadline=datetime.now() + timedelta(days=1))
    assert closing.is_open(training)
    started = make_training(id="started", days=-1)
    assert not closing.is_open(started)


def test_draft_training_is_closed(make_training):
    training = make_training()
    api.content.transition(training, to_state="draft")
    assert not closing.is_open(training)


def test_the_rate_limit(training):
    api.portal.set_registry_record("vaasa.somementor.interfaces.ISettings.submissions_per_hour", 1)
    sign_up.rate_limit.count(sign_up.RATE_KEY.format(ADDRESS))
    with pytest.raises(sign_up.Refused) as refused:
        sign_up.sign_up(training, person(1), ADDRESS)
    assert refused.value.reason == sign_up.TOO_MANY


def test_catalog_reads_the_seats_taken(training):
    sign_up.sign_up(training, person(1), ADDRESS)
    brain = api.content.find(UID=training.UID())[0]
    assert brain.training_seats_taken == 1


def test_completion_takes_the_count_from_attendance(make_training):
    training = make_training(capacity=5)
    records = [sign_up.sign_up(training, person(n), ADDRESS) for n in range(1, 4)]
    attendance.mark(training, [records[0]["id"], records[2]["id"]])
    api.content.transition(training, transition="complete")
    assert training.participants == 2


def test_a_typed_count_wins_over_attendance(make_training):
    training = make_training(capacity=5)
    records = [sign_up.sign_up(training, person(n), ADDRESS) for n in range(1, 4)]
    attendance.mark(training, [records[0]["id"]])
    training.participants = 7
    api.content.transition(training, transition="complete")
    assert training.participants == 7
