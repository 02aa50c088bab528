"""Two Zope instances on one RelStorage database behave as one site.

The test builds what ``make start-cluster`` builds, in a temporary directory:
a PostgreSQL cluster of its own on a free loopback port (scripts/postgresql.sh),
a Zope instance whose configuration scripts/relstorage_conf.py turns into a
history-free RelStorage one, the demo site (scripts/create_site.py), and two
WSGI servers on two free ports. Everything goes through HTTP, as a visitor, a
coordinator and the admin would.
"""

from datetime import date
from factories import borrow_fields
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD

import concurrent.futures
import contextlib
import importlib.util
import os
import pathlib
import pytest
import requests
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time


ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(sys.executable).parent
POSTGRESQL = ["bash", str(ROOT / "scripts" / "postgresql.sh")]
ADMIN = ("admin", "admin")
AUTH = (COORDINATOR["username"], DEMO_PASSWORD)
JSON = {"Accept": "application/json", "Content-Type": "application/json"}
TRIALS = 10


def missing():
    """What this machine lacks for the test, or None."""
    if importlib.util.find_spec("relstorage") is None:
        return "RelStorage is not installed: make install"
    if subprocess.run([*POSTGRESQL, "bindir"], capture_output=True).returncode:
        return "PostgreSQL is not installed: make debian-packages (as root)"
    return None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(*command, **env):
    command = [str(part) for part in command]
    done = subprocess.run(
        command,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    if done.returncode:
        pytest.fail(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout[-4000:]}")


def wait_until_serving(url, server, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"{url}: the server ended with {server.returncode}")
        with contextlib.suppress(requests.RequestException):
            if requests.get(url, timeout=10).status_code == 200:
                return
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def stop(server):
    server.terminate()
    try:
        server.wait(20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(10)


def behind_a_proxy(ini):
    """Let each test send as a visitor of its own, as a proxy does (X-Forwarded-For).

    Waitress drops the header unless it comes from a trusted proxy.
    """
    text = ini.read_text()
    trusted = "trusted_proxy = 127.0.0.1\ntrusted_proxy_headers = x-forwarded-for\n"
    ini.write_text(text.replace("[server:main]\n", f"[server:main]\n{trusted}", 1))


class Cluster:
    """The site Plone served by instance A and by instance B."""

    def __init__(self, urls, event_logs):
        self.urls = urls
        self.event_logs = event_logs

    def retried_approvals(self):
        """How often an approval met the other instance's commit and was retried (Zope logs it)."""
        return sum(
            "ConflictError at " in line and "@workflow/approve" in line
            for log in self.event_logs
            for line in log.read_text().splitlines()
        )


@pytest.fixture(scope="module")
def cluster():
    """Instances A and B on one RelStorage database, with the demo site."""
    reason = missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the scale-out test: {reason}")
        pytest.skip(reason)
    # Not pytest's tmp_path: the postgres user must be able to reach the cluster's directory.
    base = pathlib.Path(tempfile.mkdtemp(prefix="somementor-scaleout-"))
    base.chmod(0o711)
    data, pg_port = base / "postgresql", free_port()
    ports = free_port(), free_port()
    servers = []
    try:
        run(*POSTGRESQL, "start", data, pg_port)
        run(*POSTGRESQL, "createdb", data, pg_port, "somementor")
        run(BIN / "mkwsgiinstance", "-d", base / "instance", "-u", ":".join(ADMIN))
        dsn = f"dbname='somementor' host='127.0.0.1' port='{pg_port}' user='zope'"
        run(BIN / "python", "scripts/relstorage_conf.py", base / "instance", base, dsn, *ports)
        for port in ports:
            behind_a_proxy(base / f"zope-{port}.ini")
        zope_conf = base / "zope.conf"
        site = ROOT / "scripts" / "create_site.py"
        run(BIN / "zconsole", "run", zope_conf, site, ADMIN_USER=ADMIN[0], ADMIN_PASSWORD=ADMIN[1])
        logs = (base / "var" / "log" / f"server-{port}.log" for port in ports)
        for port, log in zip(ports, logs, strict=True):
            with open(log, "wb") as output:
                command = [BIN / "runwsgi", base / f"zope-{port}.ini"]
                servers.append(subprocess.Popen(command, stdout=output, stderr=output))
        urls = [f"http://127.0.0.1:{port}/Plone" for port in ports]
        for url, server in zip(urls, servers, strict=True):
            wait_until_serving(url, server)
        yield Cluster(urls, [base / "var" / "log" / f"event-{port}.log" for port in ports])
    finally:
        for server in servers:
            stop(server)
        subprocess.run([*POSTGRESQL, "stop", data])
        shutil.rmtree(base, ignore_errors=True)


def api(site):
    return f"{site}/++api++"


def below(site, url):
    """The path of ``url`` inside the site."""
    return url.removeprefix(site).removeprefix("/++api++").strip("/")


def loan_paths(site):
    """Paths (below the site) of every loan request, as a coordinator finds them."""
    query = {"portal_type": "LoanRequest", "b_size": 1000}
    found = requests.get(f"{api(site)}/@search", params=query, auth=AUTH, headers=JSON, timeout=60)
    found.raise_for_status()
    return {below(site, item["@id"]) for item in found.json()["items"]}


def state(site, path):
    answer = requests.get(f"{api(site)}/{path}", auth=AUTH, headers=JSON, timeout=60)
    answer.raise_for_status()
    return answer.json()["review_state"]


def borrow(site, profile, month, visitor="192.0.2.1"):
    dates = [{"start": f"{month}-01", "end": f"{month}-05"}]
    data = borrow_fields(preferred_dates=dates)
    url = f"{api(site)}/{profile}/@borrow"
    headers = {**JSON, "X-Forwarded-For": visitor}
    return requests.post(url, json=data, headers=headers, timeout=60)


def set_hourly_limit(site, limit):
    record = "vaasa.somementor.interfaces.ISettings.submissions_per_hour"
    answer = requests.patch(
        f"{api(site)}/@registry", json={record: limit}, auth=ADMIN, headers=JSON, timeout=60
    )
    assert answer.status_code == 204, answer.text


def approve(site, path):
    def call():
        url = f"{api(site)}/{path}/@workflow/approve"
        return requests.post(url, auth=AUTH, headers=JSON, timeout=120).status_code

    return call


def in_parallel(*calls):
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait(30)
        return call()

    with concurrent.futures.ThreadPoolExecutor(len(calls)) as pool:
        return [future.result() for future in [pool.submit(run, call) for call in calls]]


def months_ahead(first, count):
    # Months after the demo data's loans, and within the booking horizon (18 months).
    today = date.today()
    index = today.year * 12 + today.month - 1 + first
    return [f"{(index + n) // 12}-{(index + n) % 12 + 1:02d}" for n in range(count)]


def swedish_profile(site, finnish):
    answer = requests.get(
        f"{api(site)}/{finnish}", params={"expand": "translations"}, headers=JSON, timeout=60
    )
    translations = answer.json()["@components"]["translations"]["items"]
    swedish = next(item for item in translations if item["language"] == "sv")
    return below(site, swedish["@id"])


def test_a_request_sent_to_a_is_approved_through_b(cluster):
    a, b = cluster.urls
    before = loan_paths(b)
    month = months_ahead(5, 1)[0]
    answer = borrow(a, "fi/mentorit/anna-virtanen", month, "192.0.2.2")
    assert answer.status_code == 201, answer.text
    (path,) = loan_paths(b) - before
    assert approve(b, path)() == 200
    assert state(a, path) == state(b, path) == "approved"


def test_the_hourly_limit_counts_what_both_instances_stored(cluster):
    a, b = cluster.urls
    set_hourly_limit(b, 3)
    month = months_ahead(5, 1)[0]
    sent = [borrow(site, "fi/lainapyynnot", month, "192.0.2.3") for site in (a, b, a, b)]
    assert [answer.status_code for answer in sent] == [201, 201, 201, 429]
    assert 3500 <= int(sent[-1].headers["Retry-After"]) <= 3600
    # Another visitor is not held up by this one.
    assert borrow(a, "fi/lainapyynnot", month, "192.0.2.4").status_code == 201


def test_approvals_racing_through_a_and_b_keep_the_monthly_maximum(cluster):
    a, b = cluster.urls
    # One visitor sends every request of this test: lift the hourly limit.
    set_hourly_limit(a, 1000)
    # Maria Holm lends once a month (demo data); one of her profiles in Finnish, one in Swedish.
    finnish = "fi/mentorit/maria-holm"
    profiles = finnish, swedish_profile(b, finnish)
    retried = cluster.retried_approvals()
    for month in months_ahead(6, TRIALS):
        before = loan_paths(b)
        for profile in profiles:
            assert borrow(a, profile, month).status_code == 201
        paths = sorted(loan_paths(a) - before)
        assert len(paths) == 2, month
        answers = in_parallel(approve(a, paths[0]), approve(b, paths[1]))
        assert sorted(answers) == [200, 400], (month, answers)
        for site in (a, b):
            assert sorted(state(site, path) for path in paths) == ["approved", "submitted"], month
    # The approvals did race: at least once, one instance's commit made the other's conflict,
    # and the retried approval saw the first one.
    assert cluster.retried_approvals() > retried
