"""What coordinators do to a training reaches its registrations."""

from plone import api
from registration_helpers import person
from vaasa.somementor.registrations import sign_up
from vaasa.somementor.registrations import store
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent


ADDRESS = "192.0.2.2"


def test_raising_the_capacity_gives_the_new_seat_to_the_first_waiting(training):
    records = [sign_up.sign_up(training, person(n), ADDRESS) for n in range(1, 5)]
    assert [r["state"] for r in records] == ["confirmed", "confirmed", "waiting", "waiting"]
    training.capacity = 3
    notify(ObjectModifiedEvent(training))
    assert [r["state"] for r in store.records(training)] == [
        "confirmed",
        "confirmed",
        "confirmed",
        "waiting",
    ]
    assert store.seats_taken(training) == 3


def test_an_edit_without_new_seats_changes_nobody(training):
    for n in range(1, 4):
        sign_up.sign_up(training, person(n), ADDRESS)
    notify(ObjectModifiedEvent(training))
    assert [r["state"] for r in store.records(training)] == ["confirmed", "confirmed", "waiting"]


def test_deleting_the_training_forgets_its_registrants(training, programme):
    sign_up.sign_up(training, person(1), ADDRESS)
    key = store.group(training)
    api.content.delete(training, check_linkintegrity=False)
    assert store.registrations(training) is None
    assert key not in (store._all() or {})
