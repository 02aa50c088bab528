"""``make load`` in small: locust's mixed traffic on the test server, and nothing is lost.

The same script as ``make load`` (benchmarks/load_check.py), run as a subprocess so
that locust's gevent patching stays out of this process, against the demo layer's
real HTTP server: visitors browse, anonymous visitors send 40 requests, coordinators
approve, reject and schedule; then, as admin, every accepted request is there once.
"""

from pathlib import Path
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from ZPublisher.HTTPRequest import HTTPRequest

import json
import subprocess
import sys


CHECK = Path(__file__).parents[2] / "benchmarks" / "load_check.py"
BORROWS = 40


class TestLoadNothingLost:
    def test_forty_requests_from_eight_visitors_under_mixed_traffic(
        self, site_url, monkeypatch, tmp_path
    ):
        # The layers' DemoStorage resolves no conflicts at all (a FileStorage merges
        # most): more retries stand in for that resolution, as in test_concurrent_submissions.
        monkeypatch.setattr(HTTPRequest, "retry_max_count", 20)
        summary_file = tmp_path / "summary.json"
        command = [sys.executable, str(CHECK), "--url", site_url]
        command += ["--admin", f"{SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}"]
        command += ["--borrows", str(BORROWS), "--borrowers", "8", "--visitors", "2"]
        command += ["--drain", "10", "--max-time", "90s", "--summary-file", str(summary_file)]
        run = subprocess.run(command, capture_output=True, text=True, timeout=150, check=False)
        assert summary_file.exists(), run.stdout[-3000:] + run.stderr[-3000:]
        summary = json.loads(summary_file.read_text())

        assert summary["errors"] == [], summary["errors"]
        assert summary["sent"] == summary["accepted"] == BORROWS
        stored = summary["stored"]
        assert stored["stored_once"] == BORROWS
        assert stored["lost"] == stored["duplicated"] == stored["unanswered"] == []
        assert summary["bookings"]["over_maximum"] == summary["bookings"]["booked_twice"] == []
        # The coordinators did decide while the requests arrived.
        assert summary["decisions"]["approved"] + summary["decisions"]["approve_refused"] > 0
        assert summary["rate_limit_restored"]
        assert summary["ok"] and run.returncode == 0, run.stdout[-3000:]
