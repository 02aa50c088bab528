"""Time the add-on's pages against plain Plone pages, on generated data: ``make bench``.

    .venv/bin/python benchmarks/bench.py --n 5000

Makes (once) a Zope instance of its own in benchmarks/var, fills its database
with N mentors (see generate.py), starts it on a free loopback port, and in
each round requests every measure once, each next to a request of its
baseline, the pairs in a shuffled order, so a busy machine slows both alike.
Prints median and p95 of each and the median ratio to its baseline, the ZODB
objects each page loads cold and warm, the objects a warm cache must hold, and
the instance's resident memory. At the N of the targets the table is also
written to benchmarks/RESULTS.md.
"""

from datetime import date
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from measures import BASELINES
from measures import MEASURES
from pathlib import Path

import argparse
import instance
import json
import os
import platform
import random
import re
import requests
import statistics
import sys
import time


TARGET_N = 5000
TARGET_ROUNDS = 30
RESULTS = instance.HERE / "RESULTS.md"
COORDINATOR = ("koordinaattori", "somementor-demo")
MENTOR = ("anna-virtanen", "somementor-demo")
HEADERS = {"Accept-Language": "fi"}
JSON = {"Accept": "application/json", "Accept-Language": "fi"}
# The pages whose ZODB loads are counted, and whose objects a warm cache must hold.
LISTINGS = (
    "Directory, unfiltered",
    "Directory, skill + language",
    "Directory, last batch page",
    "Desk, coordinator",
    "My loans, mentor",
    "Programme",
    "@mentors, skill + language",
)
KEPT_WARM = (
    "Directory, unfiltered",
    "Directory, skill + language",
    "Directory, last batch page",
    "Desk, coordinator",
    "Mentor page",
)


class Site:
    """Where each measure and baseline sends its request, for the round it is in."""

    def __init__(self, port, count):
        self.base = f"http://127.0.0.1:{port}"
        self.plone = f"{self.base}/Plone/fi"
        self.session = requests.Session()
        # Plone themes no page served as 127.0.0.1 (its hostname blacklist).
        self.host = {"Host": f"localhost:{port}"}
        self.count = count
        self.middle = count // 2
        self.submitted = self._loans("submitted")
        self.approved = self._loans("approved")
        self.authenticator = self._authenticator()
        self.last_page = (count + len(self._demo_mentors()) - 1) // 24 * 24
        self.requests = {
            "document": lambda i: ("GET", f"{self.plone}/tietosuoja", {}),
            "document-coordinator": lambda i: (
                "GET",
                f"{self.plone}/tietosuoja",
                {"auth": COORDINATOR},
            ),
            "document-mentor": lambda i: ("GET", f"{self.plone}/tietosuoja", {"auth": MENTOR}),
            "search": lambda i: (
                "GET",
                f"{self.plone}/@search?portal_type=Mentor&b_size=25",
                {"headers": JSON},
            ),
            "stock-document": lambda i: ("GET", f"{self.base}/stock/fi/tietosuoja", {}),
            "Directory, unfiltered": lambda i: ("GET", f"{self.plone}/mentorit", {}),
            "Directory, skill + language": lambda i: (
                "GET",
                f"{self.plone}/mentorit?skill=facebook&language=sv",
                {},
            ),
            "Directory, last batch page": lambda i: (
                "GET",
                f"{self.plone}/mentorit?b_start:int={self.last_page}",
                {},
            ),
            "Mentor page": lambda i: (
                "GET",
                f"{self.plone}/mentorit/bench-mentor-{self.middle}",
                {},
            ),
            "Training page": lambda i: (
                "GET",
                f"{self.plone}/koulutukset/bench-training-{count // 20}",
                {},
            ),
            "Programme": lambda i: ("GET", f"{self.plone}/koulutukset", {}),
            "Front page": lambda i: ("GET", self.plone, {}),
            "@mentors, skill + language": lambda i: (
                "GET",
                f"{self.plone}/mentorit/@mentors?skill=facebook&language=sv",
                {"headers": JSON},
            ),
            "Desk, coordinator": lambda i: (
                "GET",
                f"{self.plone}/lainapyynnot",
                {"auth": COORDINATOR},
            ),
            "My loans, mentor": lambda i: ("GET", f"{self.plone}/@@my-loans", {"auth": MENTOR}),
            "@somementor-statistics, one year": lambda i: (
                "GET",
                f"{self.plone}/@somementor-statistics?start=2027-01-01&end=2027-12-31",
                {"auth": COORDINATOR, "headers": JSON},
            ),
            "@borrow POST": self._borrow,
            "Approve": self._approve,
            "Schedule": self._schedule,
        }
        # The demo site's own Document, timed as a measure of its own against the stock one.
        self.requests["Add-on overhead: the same Document"] = self.requests["document"]

    def get(self, method, url, auth=None, headers=None, **kw):
        return self.session.request(
            method,
            url,
            auth=auth,
            headers={**HEADERS, **self.host, **(headers or {})},
            allow_redirects=False,
            timeout=120,
            **kw,
        )

    def _loans(self, state):
        answer = self.get(
            "GET",
            f"{self.plone}/@search?portal_type=LoanRequest&review_state={state}"
            f"&path.query=/Plone/fi/lainapyynnot&sort_on=id&b_size=200",
            auth=instance.ADMIN,
            headers=JSON,
        )
        answer.raise_for_status()
        urls = [item["@id"] for item in answer.json()["items"]]
        return [re.sub(r"^http://[^/]+", self.base, url) for url in urls]

    def _demo_mentors(self):
        answer = self.get(
            "GET",
            f"{self.plone}/mentorit/@mentors?b_size=100",
            headers=JSON,
        )
        return [item for item in answer.json()["items"] if "bench-" not in item["@id"]]

    def _authenticator(self):
        page = self.get("GET", f"{self.plone}/lainapyynnot", auth=COORDINATOR).text
        return re.search(r"_authenticator=([0-9a-f]+)", page).group(1)

    def _borrow(self, i):
        soon = date.today() + timedelta(weeks=6)
        body = {
            "requester_name": "Elina Kallio",
            "requester_email": "elina.kallio@example.org",
            "organisation": "Laihian kunnankirjasto",
            "municipality": "Laihia",
            "need": "Haluamme opetella Instagram-tarinat.",
            "preferred_language": "fi",
            "loan_format": "remote",
            "preferred_dates": [{"start": str(soon), "end": str(soon + timedelta(days=4))}],
            "skills_needed": ["instagram"],
            "expected_participants": 4,
            "consent": True,
        }
        url = f"{self.plone}/mentorit/bench-mentor-{(i * 7) % self.count}/@borrow"
        return "POST", url, {"headers": JSON, "data": json.dumps(body), "json_type": True}

    def _transition(self, loan, transition, **fields):
        data = {
            "transition": transition,
            "_authenticator": self.authenticator,
            "came_from": f"{self.plone}/lainapyynnot",
            **fields,
        }
        return "POST", f"{loan}/@@loan-transition", {"auth": COORDINATOR, "data": data}

    def _approve(self, i):
        return self._transition(self.submitted[i], "approve")

    def _schedule(self, i):
        day = datetime(2028, 1, 3) + timedelta(days=i)
        return self._transition(
            self.approved[i],
            "schedule",
            scheduled_start=day.strftime("%Y-%m-%dT10:00"),
            scheduled_end=day.strftime("%Y-%m-%dT12:00"),
            place="Vaasan kaupunginkirjasto",
        )

    def call(self, name, i, probe=False):
        method, url, kw = self.requests[name](i)
        headers = dict(kw.pop("headers", {}) or {})
        if kw.pop("json_type", False):
            headers["Content-Type"] = "application/json"
        if probe:
            headers["X-Bench-Probe"] = "1"
        began = time.perf_counter()
        answer = self.get(method, url, headers=headers, **kw)
        body = answer.content
        elapsed = (time.perf_counter() - began) * 1000
        if answer.status_code >= 400 or (method == "POST" and "refusal" in str(answer.cookies)):
            raise SystemExit(f"{name}: {answer.status_code} from {url}\n{answer.text[:2000]}")
        return elapsed, answer, len(body)

    def minimize(self):
        self.get(
            "POST",
            f"{self.base}/Control_Panel/Database/main/manage_minimize",
            auth=instance.ADMIN,
        ).raise_for_status()


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def time_rounds(site, rounds, warmup):
    """Each measure next to a fresh request of its baseline, the pairs in a shuffled order.

    This machine's speed drifts by a tenth or more within seconds; a measure and
    its baseline taken back to back share the drift, so each pair gives one
    ratio and the table reports their median. Which of the two goes first
    alternates by round.
    """
    times = {measure.name: [] for measure in MEASURES}
    paired = {measure.name: [] for measure in MEASURES}
    baselines = {name: [] for name in BASELINES}
    sizes = {}
    order = list(MEASURES)
    for number in range(warmup + rounds):
        random.shuffle(order)
        for measure in order:
            pair = [measure.baseline, measure.name]
            if number % 2:
                pair.reverse()
            taken = {}
            for name in pair:
                taken[name], _answer, sizes[name] = site.call(name, number)
            if number >= warmup:
                times[measure.name].append(taken[measure.name])
                paired[measure.name].append(taken[measure.baseline])
                baselines[measure.baseline].append(taken[measure.baseline])
        print(f"  round {number + 1}/{warmup + rounds}", end="\r", file=sys.stderr)
    print(file=sys.stderr)
    return {"measures": times, "paired": paired, "baselines": baselines}, sizes


def count_loads(site, first):
    """ZODB loads of each listing cold (caches minimised) and warm, and content objects read."""
    loads = {}
    for offset, name in enumerate(LISTINGS):
        site.minimize()
        _ms, cold, _size = site.call(name, first + offset, probe=True)
        # The second request still unghosts a few objects the first only referenced.
        for _again in range(2):
            _ms, warm, _size = site.call(name, first + offset, probe=True)
        loads[name] = (
            int(cold.headers["X-Bench-Loads"]),
            int(cold.headers["X-Bench-Content-Objects"]),
            int(warm.headers["X-Bench-Loads"]),
        )
    return loads


def warm_cache_objects(site, first):
    """Objects the connection holds after the kept-warm pages, from a minimised cache."""
    site.minimize()
    held = 0
    for offset, name in enumerate(KEPT_WARM):
        _ms, answer, _size = site.call(name, first + offset, probe=True)
        held = int(answer.headers["X-Bench-Cache-Objects"])
    again = sum(
        int(site.call(name, first, probe=True)[1].headers["X-Bench-Loads"]) for name in KEPT_WARM
    )
    return held, again


def zodb_cache_size():
    conf = (instance.ETC / "zope.conf").read_text()
    found = re.search(r"^\s*cache-size\s+(\d+)", conf, re.M)
    # ZConfig's default for <zodb_db>.
    return int(found.group(1)) if found else 5000


def table(times, sizes):
    measures, paired, baselines = times["measures"], times["paired"], times["baselines"]
    lines = [
        "| Measure | Baseline | Median ms | p95 ms | Bytes | Baseline ms | Ratio | Target | Met |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for measure in MEASURES:
        name = measure.name
        # The median of the pairs' ratios; "Baseline ms" is the median of its own pairs.
        ratio = statistics.median(m / b for m, b in zip(measures[name], paired[name], strict=True))
        met = "-" if measure.target is None else ("yes" if ratio <= measure.target else "NO")
        target = "-" if measure.target is None else f"{measure.target:.2f}"
        lines.append(
            f"| {name} | {BASELINES[measure.baseline]} | {statistics.median(measures[name]):.1f} "
            f"| {p95(measures[name]):.1f} | {sizes[name]} "
            f"| {statistics.median(paired[name]):.1f} | {ratio:.2f} | {target} | {met} |"
        )
    lines.append("")
    lines.append("| Baseline | Median ms | p95 ms | Bytes |")
    lines.append("|---|---:|---:|---:|")
    for name, title in BASELINES.items():
        values = baselines[name]
        lines.append(
            f"| {title} | {statistics.median(values):.1f} | {p95(values):.1f} | {sizes[name]} |"
        )
    return "\n".join(lines)


def loads_table(loads):
    lines = [
        "| Page | Loads, cold | Content objects loaded, cold | Loads, warm |",
        "|---|---:|---:|---:|",
    ]
    for name, (cold, content, warm) in loads.items():
        lines.append(f"| {name} | {cold} | {content} | {warm} |")
    return "\n".join(lines)


def machine():
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return f"{platform.node()}: {os.cpu_count()} x {cpu}, Python {platform.python_version()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=TARGET_N, help="mentors to generate")
    parser.add_argument("--rounds", type=int, default=TARGET_ROUNDS)
    parser.add_argument("--warmup", type=int, default=3)
    options = parser.parse_args()
    instance.make_instance()
    generation = instance.prepare_data(options.n)
    load_before = os.getloadavg()
    began = datetime.now(UTC)
    with instance.Server() as server:
        site = Site(server.port, options.n)
        writes = options.warmup + options.rounds
        if min(len(site.submitted), len(site.approved)) < writes:
            sys.exit(f"Need {writes} submitted and approved loans at /fi; N is too small.")
        print(f"Timing {options.rounds} rounds (+{options.warmup} warm-up) at N={options.n}")
        times, sizes = time_rounds(site, options.rounds, options.warmup)
        first = options.warmup + options.rounds
        loads = count_loads(site, first)
        held, reloaded = warm_cache_objects(site, first + len(LISTINGS))
        resident = server.resident_mb()
    load_after = os.getloadavg()
    report = "\n".join(
        [
            f"N = {options.n}: {2 * options.n} mentor profiles (fi + sv), "
            f"{4 * options.n} loan requests, {options.n // 10} trainings (fi + sv).",
            "",
            f"- Date: {began:%Y-%m-%d %H:%M} UTC",
            f"- Machine: {machine()}",
            f"- Load average (1 min) before / after: {load_before[0]:.2f} / {load_after[0]:.2f}",
            f"- Command: `make bench N={options.n}` "
            f"({options.rounds} rounds, {options.warmup} warm-up, each measure paired with its "
            "baseline, pairs shuffled; the ratio is the median of the pairs' ratios)",
            f"- Generating the data took {generation / 60:.1f} minutes.",
            "",
            "## Ratios",
            "",
            table(times, sizes),
            "",
            "## ZODB objects loaded per request",
            "",
            "Counted by the bench instance's probe (Connection.getTransferCounts); cold is "
            "right after the caches were minimised, warm is the third request. Content "
            "objects are Mentors, loan requests and Trainings read from the database.",
            "",
            loads_table(loads),
            "",
            "## Memory",
            "",
            f"- Resident memory of the instance after the run: {resident:.0f} MB",
            f"- Objects a connection's cache holds to keep {', '.join(KEPT_WARM)} warm: "
            f"{held} (configured cache-size: {zodb_cache_size()}); "
            f"loads when they are asked again: {reloaded}",
        ]
    )
    print(report)
    (instance.VAR / f"RESULTS-{options.n}.md").write_text(report + "\n")
    # The targets are for medians of 30 at N = 5,000; a shorter run is for looking only.
    if options.n == TARGET_N and options.rounds >= TARGET_ROUNDS:
        RESULTS.write_text(
            "# Benchmark results\n\nWritten by `make bench`; tests/test_bench_results.py "
            "checks every ratio against its target.\n\n" + report + "\n"
        )
        print(f"Written to {RESULTS}")


if __name__ == "__main__":
    main()
