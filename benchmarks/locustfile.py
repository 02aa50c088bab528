"""Mixed traffic on a running site: visitors browse and ask to borrow, coordinators decide.

Run through ``load_check.py`` (``make load``), which raises the rate limit first,
and afterwards checks as admin that every accepted request is stored exactly once.

Each borrower sends its share of ``--borrows`` and stops; when every request has
had its answer and the coordinators have worked through their queue (or
``--drain`` seconds passed), the run ends by itself. Every request carries the
run's marker in the requester's name, so the coordinators and the check find
this run's requests, and only them, through the catalog.

What the site's rules refuse (a mentor's month is full, an hour is taken) is an
expected answer and counted apart; a 5xx, a lost connection or an answer the
rules do not explain is an error. The tallies go to ``--outcome-file`` as JSON.
"""

from datetime import date
from datetime import timedelta
from locust import between
from locust import events
from locust import HttpUser
from locust import task
from locust.exception import StopUser
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD

import gevent
import itertools
import json
import random
import requests
import time
import uuid


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
DIRECTORIES = {"fi": "/fi/mentorit", "sv": "/sv/mentorer", "en": "/en/mentors"}
SKILLS = ("facebook", "instagram", "youtube", "online-meetings")
# A schedule is two hours on one of a few days of the loan's month: clashes must happen.
SLOT_DAYS = (10, 11, 12)
SLOT_HOURS = (10, 13)
SCHEDULE_TRIES = 3
# Traffic, not secrets: ordinary randomness will do.
pick = random.Random().choice  # noqa: S311
REJECTION = "Kuukauden enimmäismäärä on täynnä (kuormitustesti)."


@events.init_command_line_parser.add_listener
def _options(parser):
    parser.add_argument("--borrows", type=int, default=200, help="Requests to send in all")
    parser.add_argument("--borrowers", type=int, default=20, help="Visitors who send them")
    parser.add_argument("--coordinators", type=int, default=2, help="Coordinators deciding")
    parser.add_argument("--drain", type=float, default=60, help="Seconds left to decide")
    parser.add_argument("--run-id", default=uuid.uuid4().hex[:8], help="Marker of this run")
    parser.add_argument("--outcome-file", default="load-outcome.json")
    parser.add_argument("--coordinator-login", default=f"{COORDINATOR['username']}:{DEMO_PASSWORD}")


class Run:
    """What this run sent and heard; gevent runs one greenlet at a time, so no locks."""

    def __init__(self):
        self.options = None
        self.mentors = []
        self.accepted = {}
        self.refused = {}
        self.decisions = dict.fromkeys(
            ("approved", "approve_refused", "rejected", "scheduled", "schedule_refused"), 0
        )
        self.errors = []
        self.answered = 0
        self.idle = set()
        self.borrower_numbers = itertools.count()
        self.coordinator_numbers = itertools.count()
        self.started = time.monotonic()

    def error(self, what, response):
        status = response.status_code
        self.errors.append({"what": what, "status": status, "text": _reason(response)[:300]})

    def marker(self, number):
        # One new word a request, as a new requester's surname would be; a word shared
        # by the run's first requests would make each of them rewrite one index entry.
        return f"Kuormitus {self.options.run_id}{number:04d}"

    def all_answered(self):
        return self.answered >= self.options.borrows

    def dump(self, stats):
        total = stats.total
        with open(self.options.outcome_file, "w") as file:
            json.dump(
                {
                    "throughput": {
                        "requests": total.num_requests,
                        "failures": total.num_failures,
                        "requests_per_second": round(total.total_rps, 1),
                        **{
                            f"p{percent}_ms": total.get_response_time_percentile(percent / 100)
                            for percent in (50, 95, 99)
                        },
                    },
                    "run_id": self.options.run_id,
                    "borrows": self.options.borrows,
                    "accepted": self.accepted,
                    "refused": self.refused,
                    "decisions": self.decisions,
                    "errors": self.errors,
                    "seconds": round(time.monotonic() - self.started, 1),
                },
                file,
                indent=1,
            )


RUN = Run()


def _reason(response):
    if response.error and not response.status_code:
        return repr(response.error)
    try:
        answer = response.json()
        # The site's refusals nest the message; Zope's errors (a 500) do not.
        return answer["error"]["message"] if "error" in answer else answer["message"]
    except (ValueError, KeyError, TypeError):
        return response.text or ""


@events.init.add_listener
def _init(environment, **kw):
    RUN.options = environment.parsed_options
    Borrower.fixed_count = RUN.options.borrowers
    Coordinator.fixed_count = RUN.options.coordinators


@events.test_start.add_listener
def _find_mentors(environment, **kw):
    """The lendable profiles, as an anonymous visitor finds them in the three directories."""
    for language, path in DIRECTORIES.items():
        url = f"{environment.host}/++api++{path}/@mentors?b_size=100"
        answer = requests.get(url, headers=JSON, timeout=60)
        answer.raise_for_status()
        RUN.mentors += [(language, item["@id"]) for item in answer.json()["items"]]
    if not RUN.mentors:
        raise SystemExit("The directories list no mentors: is this the demo site (make site)?")


@events.user_error.add_listener
def _count_crash(user_instance, exception, tb, **kw):
    # A task that crashed did not do its part: as much an error as a 500.
    RUN.errors.append({"what": type(user_instance).__name__, "status": 0, "text": repr(exception)})


@events.quitting.add_listener
def _write_outcome(environment, **kw):
    RUN.dump(environment.stats)


def _end_when_decided(environment):
    """Let the coordinators finish their queue, then end the run."""
    deadline = time.monotonic() + RUN.options.drain
    while len(RUN.idle) < RUN.options.coordinators and time.monotonic() < deadline:
        gevent.sleep(0.5)
    environment.runner.quit()


def _number(item):
    """The request's number in the run, from the marker in the requester's name."""
    return int(item["loan_requester"][-4:])


def _wished_month(number):
    """One of the next three months, so each mentor has three months to fill."""
    today = date.today()
    month = today.month + 1 + number % 3
    return date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 3)


class Visitor(HttpUser):
    """Someone looking for a mentor: the directory with and without a filter, then profiles."""

    weight = 1
    wait_time = between(0.5, 2)

    def _get(self, path, name):
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                RUN.error(name, response)
                response.failure(f"{response.status_code}")

    @task(3)
    def directory(self):
        language, path = pick(list(DIRECTORIES.items()))
        self._get(path, f"directory page ({language})")

    @task(2)
    def filtered_directory(self):
        language, path = pick(list(DIRECTORIES.items()))
        self._get(f"{path}?skill={pick(SKILLS)}", f"directory filtered ({language})")

    @task(5)
    def mentor_page(self):
        language, url = pick(RUN.mentors)
        self._get(url, f"mentor page ({language})")

    @task(1)
    def mentors_api(self):
        language, path = pick(list(DIRECTORIES.items()))
        with self.client.get(
            f"/++api++{path}/@mentors", headers=JSON, name="GET @mentors", catch_response=True
        ) as response:
            if response.status_code != 200:
                RUN.error("GET @mentors", response)
                response.failure(f"{response.status_code}")


class Borrower(HttpUser):
    """An anonymous visitor who sends a share of the run's loan requests, then leaves."""

    fixed_count = 20
    wait_time = between(0.2, 1)

    def on_start(self):
        index = next(RUN.borrower_numbers)
        self.numbers = iter(range(index, RUN.options.borrows, RUN.options.borrowers))

    @task
    def borrow(self):
        number = next(self.numbers, None)
        if number is None:
            raise StopUser()
        language, url = RUN.mentors[number % len(RUN.mentors)]
        marker = RUN.marker(number)
        start = _wished_month(number)
        data = {
            "requester_name": marker,
            "requester_email": f"kuormitus.{number}@example.org",
            "organisation": "Kuormitustesti",
            "municipality": "Vaasa",
            "need": f"{marker}: haluamme oppia Instagram-tarinat.",
            "preferred_language": language,
            "loan_format": "remote",
            "preferred_dates": [{"start": str(start), "end": str(start + timedelta(days=4))}],
            "consent": True,
        }
        with self.client.post(
            f"{url}/@borrow", json=data, headers=JSON, name="POST @borrow", catch_response=True
        ) as response:
            if response.status_code == 201:
                RUN.accepted[marker] = response.json()["status_url"]
            else:
                # A valid request from a visitor within the (raised) limit is always taken.
                RUN.refused[marker] = response.status_code
                RUN.error("POST @borrow", response)
                response.failure(f"{response.status_code}: {_reason(response)[:100]}")
        RUN.answered += 1
        if RUN.all_answered():
            gevent.spawn(_end_when_decided, self.environment)


class Coordinator(HttpUser):
    """Works through this run's requests like the desk's queue: approve, schedule, or reject."""

    fixed_count = 2
    wait_time = between(0.2, 0.6)

    def on_start(self):
        self.index = next(RUN.coordinator_numbers)
        self.client.auth = tuple(RUN.options.coordinator_login.split(":", 1))
        self.schedule_tries = {}

    def _mine(self):
        """This run's undecided requests that are this coordinator's share."""
        with self.client.get(
            "/++api++/@search",
            params={
                "portal_type": "LoanRequest",
                "Title": f"{RUN.options.run_id}*",
                "review_state": ["submitted", "approved"],
                "metadata_fields": ["loan_requester", "loan_month"],
                "b_size": 500,
            },
            headers=JSON,
            name="GET @search (queue)",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                RUN.error("GET @search (queue)", response)
                response.failure(f"{response.status_code}")
                return []
            items = response.json()["items"]
        share = RUN.options.coordinators
        return [item for item in items if _number(item) % share == self.index]

    def _transition(self, item, name, **data):
        with self.client.post(
            f"{item['@id']}/@workflow/{name}",
            json=data,
            headers=JSON,
            name=f"POST @workflow/{name}",
            catch_response=True,
        ) as response:
            if response.status_code == 200:
                return True
            if response.status_code == 400:
                # The rule said no, with its message: an answer, not a failure.
                response.success()
                return False
            RUN.error(f"POST @workflow/{name}", response)
            response.failure(f"{response.status_code}: {_reason(response)[:100]}")
            return None

    def _approve(self, item):
        answer = self._transition(item, "approve")
        if answer:
            RUN.decisions["approved"] += 1
        elif answer is False:
            RUN.decisions["approve_refused"] += 1
            if self._transition(item, "reject", comment=REJECTION):
                RUN.decisions["rejected"] += 1

    def _schedule(self, item):
        year, month = map(int, item["loan_month"].split("-"))
        day, hour = date(year, month, pick(SLOT_DAYS)), pick(SLOT_HOURS)
        # Vaasa's time: the site reads a time without an offset as local.
        start, end = f"{day}T{hour:02d}:00", f"{day}T{hour + 2:02d}:00"
        with self.client.patch(
            item["@id"],
            json={"scheduled_start": start, "scheduled_end": end, "place": "Vaasan pääkirjasto"},
            headers=JSON,
            name="PATCH loan (time)",
            catch_response=True,
        ) as response:
            if response.status_code != 204:
                RUN.error("PATCH loan (time)", response)
                response.failure(f"{response.status_code}: {_reason(response)[:100]}")
                return
        answer = self._transition(item, "schedule")
        if answer:
            RUN.decisions["scheduled"] += 1
        elif answer is False:
            RUN.decisions["schedule_refused"] += 1
            self.schedule_tries[item["@id"]] = self.schedule_tries.get(item["@id"], 0) + 1

    @task
    def work_the_queue(self):
        items = self._mine()
        submitted = [item for item in items if item["review_state"] == "submitted"]
        approved = [
            item
            for item in items
            if item["review_state"] == "approved"
            and self.schedule_tries.get(item["@id"], 0) < SCHEDULE_TRIES
        ]
        if submitted:
            self._approve(pick(submitted))
        if approved:
            self._schedule(pick(approved))
        if RUN.all_answered() and not submitted and not approved:
            RUN.idle.add(self.index)
