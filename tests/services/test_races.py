"""Two coordinators, or a coordinator and a mentor, act at the same moment on the test server.

Each trial sends two requests through a barrier, for one person but through
their Finnish and their Swedish profile. Whatever the timing, the person is
never over their monthly maximum and never booked twice at one hour.
"""

from datetime import datetime
from factories import loan_request_fields
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from vaasa.somementor.content.mentor import IMentor
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

import concurrent.futures
import pytest
import requests
import threading
import transaction


TRIALS = 20
JSON = {"Accept": "application/json", "Content-Type": "application/json"}
AUTH = (COORDINATOR["username"], DEMO_PASSWORD)


def in_parallel(*calls):
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait(10)
        return call()

    with concurrent.futures.ThreadPoolExecutor(len(calls)) as pool:
        return [future.result() for future in [pool.submit(run, call) for call in calls]]


def transition(api_url, loan_path, name):
    def call():
        url = f"{api_url}/{loan_path}/@workflow/{name}"
        return requests.post(url, auth=AUTH, headers=JSON, timeout=60).status_code

    return call


class TestRaces:
    @pytest.fixture
    def maria(self, demo_functional):
        """Maria Holm's two profiles; the loans of each trial go to the Finnish desk."""
        finnish = api.content.get(path="/fi/mentorit/maria-holm")
        swedish = ITranslationManager(finnish).get_translation("sv")
        return finnish, swedish

    @pytest.fixture
    def api_url(self, site_url):
        return f"{site_url}/++api++"

    def make_loans(self, profiles, month, trial=0, **fields):
        paths = []
        with api.env.adopt_roles(["Manager"]):
            desk = api.content.get(path="/fi/lainapyynnot")
            for index, profile in enumerate(profiles):
                dates = [{"start": f"{month}-01", "end": f"{month}-05"}]
                values = loan_request_fields(profile, preferred_dates=dates, **fields)
                loan = api.content.create(
                    desk, "LoanRequest", id=f"race-{month}-{trial}-{index}", **values
                )
                paths.append("/".join(loan.getPhysicalPath()[2:]))
        transaction.commit()
        return paths

    def states(self, paths):
        transaction.begin()
        with api.env.adopt_roles(["Manager"]):
            return sorted(api.content.get_state(api.content.get(path=f"/{path}")) for path in paths)

    def test_two_approvals_never_exceed_the_maximum(self, maria, api_url):
        # Maria lends once a month (demo data); a trial a month, in 2028 and 2029.
        months = [f"{2028 + index // 12}-{index % 12 + 1:02d}" for index in range(TRIALS)]
        for month in months:
            paths = self.make_loans(maria, month)
            answers = in_parallel(*(transition(api_url, path, "approve") for path in paths))
            assert sorted(answers) == [200, 400], (month, answers)
            assert self.states(paths) == ["approved", "submitted"], month

    def test_two_schedules_never_double_book(self, maria, api_url):
        finnish, _ = maria
        with api.env.adopt_roles(["Manager"]):
            finnish.max_loans_per_month = 2 * TRIALS
            # Plone copies the shared field to the Swedish profile on this event.
            notify(ObjectModifiedEvent(finnish, Attributes(IMentor, "max_loans_per_month")))
        for trial in range(TRIALS):
            start = datetime(2028, 6, 1 + trial, 10)
            paths = self.make_loans(
                maria,
                "2028-06",
                trial,
                scheduled_start=start,
                scheduled_end=start.replace(hour=12),
                place="Vasa stadsbibliotek",
            )
            with api.env.adopt_roles(["Manager"]):
                for path in paths:
                    api.content.transition(api.content.get(path=f"/{path}"), transition="approve")
            transaction.commit()
            answers = in_parallel(*(transition(api_url, path, "schedule") for path in paths))
            assert sorted(answers) == [200, 400], (trial, answers)
            assert self.states(paths) == ["approved", "scheduled"], trial
