"""Many people take the last seat at the same moment, on the test server.

Every sign-up rewrites the training's registrations, so concurrent ones conflict
and Zope retries them: exactly one gets the seat and the others wait, numbered
1..n without gaps. Two cancellations at the same moment promote two people.
"""

from datetime import datetime
from datetime import timedelta
from plone import api
from vaasa.somementor.interfaces import ISettings
from vaasa.somementor.loans import rate_limit
from vaasa.somementor.registrations import store

import concurrent.futures
import pytest
import pytz
import re
import requests
import threading
import transaction


PEOPLE = 6


def in_parallel(calls):
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait(10)
        return call()

    with concurrent.futures.ThreadPoolExecutor(len(calls)) as pool:
        return [future.result() for future in [pool.submit(run, call) for call in calls]]


@pytest.fixture
def race(functional):
    rate_limit.reset()
    api.portal.set_registry_record("submissions_per_hour", 100, interface=ISettings)
    start = pytz.timezone("Europe/Helsinki").localize(datetime(2099, 3, 3, 13, 0))
    with api.env.adopt_roles(["Manager"]):
        programme = api.content.create(
            functional["portal"], "TrainingProgramme", id="koulutukset", title="Koulutukset"
        )
        api.content.transition(programme, to_state="published")
        training = api.content.create(
            programme,
            "Training",
            id="last-seat",
            title="Last seat",
            start=start,
            end=start + timedelta(hours=2),
            language_group="fi",
            training_format="in-person",
            capacity=1,
        )
        api.content.transition(training, to_state="published")
        warm_up = api.content.copy(training, programme, "warm-up")
        warm_up.capacity = None
        api.content.transition(warm_up, to_state="published")
    transaction.commit()
    url = f"http://{functional['host']}:{functional['port']}/plone/koulutukset/last-seat"
    # Chameleon compiles a template on first use, and two threads compiling the same one
    # trip over each other (an error of the compiler, not of the rule under test).
    assert sign_up(url.replace("last-seat", "warm-up"), "warm-up")() == 200
    yield training, url
    rate_limit.reset()


def sign_up(url, number):
    def call():
        data = {
            "form.widgets.name": f"Person {number}",
            "form.widgets.email": f"person{number}@example.org",
            "form.widgets.unit": "Vaasa",
            "form.widgets.language:list": "fi",
            "form.widgets.language-empty-marker": "1",
            "form.widgets.consent:list": "selected",
            "form.widgets.consent-empty-marker": "1",
            "form.widgets.website": "",
            "form.buttons.add": "Sign up",
        }
        return requests.post(f"{url}/@@sign-up", data=data, timeout=120).status_code

    return call


def cancel(page_url):
    session = requests.Session()
    token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', session.get(page_url).text)

    def call():
        data = {"_authenticator": token.group(1), "cancel": "1"}
        return session.post(page_url, data=data, allow_redirects=False, timeout=120).status_code

    return call


def outcome(training):
    transaction.begin()
    books = store.registrations(training)
    return books, [(r["state"], books.position(r)) for r in books.records]


def test_one_gets_the_last_seat_and_the_rest_wait_in_order(race):
    training, url = race
    answers = in_parallel([sign_up(url, number) for number in range(PEOPLE)])
    assert answers == [200] * PEOPLE
    _books, states = outcome(training)
    assert sorted(states, key=str) == sorted(
        [("confirmed", None)] + [("waiting", n) for n in range(1, PEOPLE)], key=str
    )


def test_two_cancellations_promote_two_different_people(race):
    training, url = race
    with api.env.adopt_roles(["Manager"]):
        training.capacity = 2
    transaction.commit()
    for number in range(5):
        assert sign_up(url, number)() == 200
    books, _states = outcome(training)
    confirmed = books.in_state(store.CONFIRMED)
    waiting = [r["id"] for r in books.in_state(store.WAITING)]
    pages = [f"{url}/@@registration/{record['token']}" for record in confirmed]
    calls = [cancel(page) for page in pages]
    answers = in_parallel(calls)
    assert answers == [303, 303]
    books, _states = outcome(training)
    now_confirmed = [r["id"] for r in books.in_state(store.CONFIRMED)]
    assert now_confirmed == waiting[:2]
    assert [books.position(r) for r in books.in_state(store.WAITING)] == [1]
    assert len(books.in_state(store.CANCELLED)) == 2
