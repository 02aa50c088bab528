"""``make load``: mixed traffic on a running site, then proof, as admin, that nothing was lost.

1. Something must answer at ``--url`` and take the admin login, else a clear message.
2. The rate limit (the registry record) is raised for the run: every visitor of
   the run comes from this machine. The old value is put back whatever happens.
3. locust runs ``locustfile.py`` headless in its own process and prints the
   throughput, the percentiles and the failures.
4. Through REST as admin: every accepted request is stored exactly once, and no
   person (fi, sv and en profiles are one calendar) is over a monthly maximum or
   booked twice at one time, anywhere on the site.

Exits 1 when a request is lost or stored twice, a person is double-booked, or
anything answered with a 5xx, a lost connection or an answer the rules do not explain.
"""

from collections import Counter
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import argparse
import concurrent.futures
import json
import requests
import subprocess
import sys
import tempfile
import uuid


HERE = Path(__file__).parent
JSON = {"Accept": "application/json"}
RATE_LIMIT = "vaasa.somementor.interfaces.ISettings.submissions_per_hour"
MONTHLY_MAXIMUM = "vaasa.somementor.interfaces.ISettings.monthly_maximum"
# As loans.bookings.BOOKED_STATES: the states that take a place in a person's month.
BOOKED_STATES = ("approved", "scheduled")


class NotReady(Exception):
    """The site cannot be load-tested as it is; the message says what to do."""


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://localhost:8080/Plone")
    parser.add_argument("--admin", default="admin:admin", help="user:password of a Manager")
    parser.add_argument("--borrows", type=int, default=200)
    parser.add_argument("--borrowers", type=int, default=20)
    parser.add_argument("--visitors", type=int, default=10)
    parser.add_argument("--coordinators", type=int, default=2)
    parser.add_argument("--limit", type=int, default=100_000, help="rate limit during the run")
    parser.add_argument("--drain", type=float, default=60, help="seconds left to decide")
    parser.add_argument("--max-time", default="10m", help="locust's --run-time: a safety stop")
    parser.add_argument("--summary-file", help="also write the summary here, as JSON")
    options = parser.parse_args(argv)
    options.url = options.url.rstrip("/")
    options.auth = tuple(options.admin.split(":", 1))
    return options


class Site:
    def __init__(self, url, auth):
        self.url = url
        self.api = f"{url}/++api++"
        self.session = requests.Session()
        self.session.auth = auth
        self.session.headers.update(JSON)

    def get(self, path, **params):
        response = self.session.get(f"{self.api}{path}", params=params, timeout=60)
        response.raise_for_status()
        return response.json()

    def record(self, name):
        return self.get(f"/@registry/{name}")

    def set_record(self, name, value):
        self.session.patch(
            f"{self.api}/@registry", json={name: value}, timeout=60
        ).raise_for_status()

    def search(self, **query):
        """Every catalog hit of ``query``, batch after batch."""
        answer = self.get("/@search", b_size=500, **query)
        items = answer["items"]
        while "next" in answer.get("batching", {}):
            response = self.session.get(answer["batching"]["next"], timeout=60)
            response.raise_for_status()
            answer = response.json()
            items += answer["items"]
        return items


def ready(site, admin):
    try:
        response = requests.get(site.url, timeout=10)
    except requests.ConnectionError:
        raise NotReady(
            f"Nothing is listening at {site.url}.\n"
            "Start the site first, in another terminal: make start\n"
            "(or give the address of a running one: make load URL=http://host:port/Plone)"
        ) from None
    if response.status_code >= 400:
        raise NotReady(f"{site.url} answers {response.status_code}: is the site's name right?")
    answer = site.session.get(f"{site.api}/@registry/{RATE_LIMIT}", timeout=60)
    if answer.status_code in (401, 403):
        raise NotReady(
            f"The site does not accept {admin[0]} as a Manager: make load ADMIN=user:password"
        )
    if answer.status_code == 404:
        raise NotReady(f"{site.url} has no vaasa.somementor settings: create it with make site")
    answer.raise_for_status()


def run_locust(options, run_id, workdir):
    """locust in its own process (gevent patches everything it imports); its exit code."""
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(HERE / "locustfile.py"),
        "--headless",
        "--only-summary",
        "--host",
        options.url,
        "--users",
        str(options.borrowers + options.visitors + options.coordinators),
        "--spawn-rate",
        str(options.borrowers + options.visitors + options.coordinators),
        "--run-time",
        options.max_time,
        "--stop-timeout",
        "30",
        "--borrows",
        str(options.borrows),
        "--borrowers",
        str(options.borrowers),
        "--coordinators",
        str(options.coordinators),
        "--drain",
        str(options.drain),
        "--run-id",
        run_id,
        "--outcome-file",
        str(workdir / "outcome.json"),
    ]
    # The command is this file's own, with numbers and the --url given on its command line.
    return subprocess.run(command, check=False).returncode  # noqa: S603


def _exists(site, item):
    """The request itself, not only its catalog entry, holds the marker."""
    response = site.session.get(item["@id"], timeout=60)
    return (
        response.status_code == 200 and response.json()["requester_name"] == item["loan_requester"]
    )


def stored_once(site, run_id, accepted):
    """How each accepted request of the run is stored: exactly once, never, or more."""
    items = [
        item
        for item in site.search(
            portal_type="LoanRequest", Title=f"{run_id}*", metadata_fields="loan_requester"
        )
        if item["loan_requester"].startswith(f"Kuormitus {run_id}")
    ]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        real = [
            item
            for item, found in zip(items, pool.map(lambda i: _exists(site, i), items), strict=True)
            if found
        ]
    counts = Counter(item["loan_requester"] for item in real)
    return {
        "stored_once": sum(1 for marker in accepted if counts[marker] == 1),
        "lost": sorted(marker for marker in accepted if counts[marker] == 0),
        "duplicated": sorted(marker for marker in accepted if counts[marker] > 1),
        # Stored although the visitor was told otherwise (or never told).
        "unanswered": sorted(marker for marker in counts if marker not in accepted),
        "catalog_without_object": len(items) - len(real),
    }


def double_bookings(site):
    """Every person over a monthly maximum, or booked twice at one time, on the whole site."""
    mentors = site.search(portal_type="Mentor", metadata_fields=["UID", "TranslationGroup"])
    person = {item["UID"]: item["TranslationGroup"] or item["UID"] for item in mentors}
    name = {person[item["UID"]]: item["title"] for item in mentors}
    default = site.record(MONTHLY_MAXIMUM)
    maximum = {}
    for item in mentors:
        if person[item["UID"]] not in maximum:
            own = site.session.get(item["@id"], timeout=60).json().get("max_loans_per_month")
            maximum[person[item["UID"]]] = default if own is None else own
    loans = site.search(
        portal_type="LoanRequest",
        review_state=list(BOOKED_STATES),
        metadata_fields=["loan_mentor_uid", "loan_month", "loan_start", "loan_end", "Title"],
    )
    months = Counter()
    calendars = defaultdict(list)
    for loan in loans:
        if loan["loan_mentor_uid"] not in person:
            continue
        who = person[loan["loan_mentor_uid"]]
        months[who, loan["loan_month"]] += 1
        if loan["review_state"] == "scheduled":
            start, end = (datetime.fromisoformat(loan[key]) for key in ("loan_start", "loan_end"))
            calendars[who].append((start, end, loan["@id"]))
    over = [
        f"{name[who]} has {count} loans in {month} (at most {maximum[who]})"
        for (who, month), count in months.items()
        if count > maximum[who]
    ]
    twice = []
    for who, booked in calendars.items():
        booked.sort()
        for (_start, end, first), (start, _end, second) in zip(booked, booked[1:], strict=False):
            if start < end:
                twice.append(f"{name[who]}: {first} and {second} overlap")
    return {"over_maximum": over, "booked_twice": twice, "booked_loans": len(loans)}


def summary_text(summary):
    stored, booked, decided = summary["stored"], summary["bookings"], summary["decisions"]
    speed = summary["throughput"]
    lines = [
        "",
        f"Load test summary (run {summary['run_id']}, {summary['seconds']} s)",
        f"  throughput           {speed['requests']} requests, "
        f"{speed['requests_per_second']} req/s, p50 {speed['p50_ms']} ms, "
        f"p95 {speed['p95_ms']} ms, p99 {speed['p99_ms']} ms",
        f"  loan requests        {summary['sent']} sent, {summary['accepted']} accepted (201)",
        f"  stored               {stored['stored_once']} of {summary['borrows']}, "
        f"each exactly once; lost {len(stored['lost'])}, duplicated {len(stored['duplicated'])}, "
        f"stored without a 201 {len(stored['unanswered'])}",
        f"  coordinators         approved {decided['approved']}, refused by the rules "
        f"{decided['approve_refused']} (then rejected {decided['rejected']}), "
        f"scheduled {decided['scheduled']}, hour taken {decided['schedule_refused']}",
        f"  double bookings      {len(booked['over_maximum'])} over a monthly maximum, "
        f"{len(booked['booked_twice'])} at one time "
        f"({booked['booked_loans']} booked loans checked)",
        f"  errors               {len(summary['errors'])} "
        "(5xx, lost connections, unexplained answers)",
    ]
    lines += [
        f"    {error['what']}: {error['status']} {error['text']}"
        for error in summary["errors"][:10]
    ]
    lines += [f"    {problem}" for problem in booked["over_maximum"] + booked["booked_twice"]]
    lines += [f"    lost: {marker}" for marker in stored["lost"][:10]]
    lines += [f"    duplicated: {marker}" for marker in stored["duplicated"][:10]]
    lines.append(
        f"Stored {stored['stored_once']} of {summary['borrows']} requests, each exactly once; "
        f"{len(summary['errors'])} errors; "
        f"{len(booked['over_maximum']) + len(booked['booked_twice'])} double bookings: "
        + ("OK" if summary["ok"] else "FAILED")
    )
    return "\n".join(lines)


def load(options):
    site = Site(options.url, options.auth)
    ready(site, options.auth)
    run_id = uuid.uuid4().hex[:8]
    old_limit = site.record(RATE_LIMIT)
    with tempfile.TemporaryDirectory(prefix="load-") as workdir:
        workdir = Path(workdir)
        site.set_record(RATE_LIMIT, options.limit)
        try:
            exit_code = run_locust(options, run_id, workdir)
        finally:
            site.set_record(RATE_LIMIT, old_limit)
        try:
            outcome = json.loads((workdir / "outcome.json").read_text())
        except (OSError, ValueError) as missing:
            raise NotReady(
                f"locust ended without its results (exit code {exit_code}): {missing}"
            ) from None
    stored = stored_once(site, run_id, outcome["accepted"])
    bookings = double_bookings(site)
    sent = len(outcome["accepted"]) + len(outcome["refused"])
    ok = (
        stored["stored_once"] == options.borrows
        and sent == options.borrows
        and not (stored["lost"] or stored["duplicated"] or stored["catalog_without_object"])
        and not outcome["errors"]
        and outcome["throughput"]["failures"] == 0
        and not (bookings["over_maximum"] or bookings["booked_twice"])
        and len(set(outcome["accepted"].values())) == len(outcome["accepted"])
    )
    return {
        "run_id": run_id,
        "seconds": outcome["seconds"],
        "borrows": options.borrows,
        "sent": sent,
        "accepted": len(outcome["accepted"]),
        "stored": stored,
        "decisions": outcome["decisions"],
        "bookings": bookings,
        "errors": outcome["errors"],
        "throughput": outcome["throughput"],
        "locust_exit_code": exit_code,
        "rate_limit_restored": site.record(RATE_LIMIT) == old_limit,
        "ok": ok,
    }


def main(argv=None):
    options = arguments(argv)
    try:
        summary = load(options)
    except NotReady as problem:
        print(problem, file=sys.stderr)
        return 2
    print(summary_text(summary))
    if options.summary_file:
        Path(options.summary_file).write_text(json.dumps(summary, indent=1))
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
