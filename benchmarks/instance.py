"""The bench's own Zope instance: made once, filled once per N, started and stopped per run.

benchmarks/var/instance is made with the venv's mkwsgiinstance like the
Makefile's instance, plus one zcml file of its own (the ZODB load probe). The
database generated for an N is kept in benchmarks/var/snapshot-N and copied in
before each run, so every run measures the same data and a re-run is quick.
"""

from pathlib import Path

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request


HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = ROOT / ".venv" / "bin"
VAR = HERE / "var"
INSTANCE = VAR / "instance"
ETC = INSTANCE / "etc"
DATA = INSTANCE / "var"
ADMIN = ("admin", "admin")
PROBE_ZCML = """<configure xmlns="http://namespaces.zope.org/zope">
  <subscriber
      for="ZPublisher.interfaces.IPubBeforeCommit"
      handler="bench_probe.before_commit"
      />
  <subscriber
      for="ZPublisher.interfaces.IPubBeforeAbort"
      handler="bench_probe.before_abort"
      />
</configure>
"""


def environment():
    # bench_probe is importable in the bench instance only.
    # scripts/create_site.py makes the Zope admin of a new database from these.
    return {
        **os.environ,
        "PYTHONPATH": str(HERE),
        "SITE_ID": "Plone",
        "ADMIN_USER": ADMIN[0],
        "ADMIN_PASSWORD": ADMIN[1],
    }


def run(*command):
    # The venv's own scripts with paths of this checkout: no outside input.
    subprocess.run(  # noqa: S603
        [str(part) for part in command], check=True, cwd=ROOT, env=environment()
    )


def make_instance():
    conf = ETC / "zope.conf"
    if conf.exists():
        return
    run(BIN / "mkwsgiinstance", "-d", INSTANCE, "-u", ":".join(ADMIN))
    text = conf.read_text()
    text = text.replace(
        "path $INSTANCE/var/Data.fs",
        "path $INSTANCE/var/Data.fs\n     blob-dir $INSTANCE/var/blobstorage",
    )
    text = re.sub(
        r"^(\s*)CHAMELEON_CACHE .*$",
        lambda match: f"{match.group(0)}\n{match.group(1)}zope_i18n_compile_mo_files true",
        text,
        flags=re.M,
    )
    # As the Makefile's instance: ZODB's default cache of 5,000 objects per connection
    # is smaller than what the directory and the programme read at 5,000 mentors.
    text = text.replace("<zodb_db main>", "<zodb_db main>\n    cache-size 30000", 1)
    conf.write_text(text)
    includes = ETC / "package-includes"
    includes.mkdir(exist_ok=True)
    (includes / "bench-probe-configure.zcml").write_text(PROBE_ZCML)


def snapshot(count):
    return VAR / f"snapshot-{count}"


def clear_data(data):
    for name in ("Data.fs", "Data.fs.index", "Data.fs.lock", "Data.fs.tmp"):
        (data / name).unlink(missing_ok=True)
    shutil.rmtree(data / "blobstorage", ignore_errors=True)
    # Chameleon and the logs want their directories to exist; they may stay between runs.
    for name in ("cache", "log"):
        (data / name).mkdir(parents=True, exist_ok=True)


def generate(count, kept):
    """Fill a scratch copy of the instance, so a run at another N may go on meanwhile."""
    scratch = VAR / f"generating-{count}"
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(ETC, scratch / "etc")
    conf = scratch / "etc" / "zope.conf"
    conf.write_text(conf.read_text().replace(str(INSTANCE), str(scratch)))
    clear_data(scratch / "var")
    began = time.monotonic()
    run(BIN / "zconsole", "run", conf, ROOT / "scripts" / "create_site.py")
    run(BIN / "zconsole", "run", conf, HERE / "generate.py", str(count))
    seconds = time.monotonic() - began
    shutil.rmtree(kept, ignore_errors=True)
    kept.mkdir(parents=True)
    for name in ("Data.fs", "blobstorage"):
        shutil.move(scratch / "var" / name, kept / name)
    shutil.rmtree(scratch)
    (kept / "generation-seconds").write_text(f"{seconds:.0f}\n")


def prepare_data(count):
    """Copy the generated database for ``count`` in; generate it first if there is none.

    Returns the seconds generation took (now or when the snapshot was made).
    """
    kept = snapshot(count)
    if not (kept / "generation-seconds").exists():
        generate(count, kept)
    clear_data(DATA)
    shutil.copy2(kept / "Data.fs", DATA / "Data.fs")
    shutil.copytree(kept / "blobstorage", DATA / "blobstorage")
    # The demo profile again, as the code makes it now (it adds nothing that is there).
    run(BIN / "zconsole", "run", ETC / "zope.conf", ROOT / "scripts" / "create_site.py")
    run(BIN / "zconsole", "run", ETC / "zope.conf", HERE / "stock_site.py")
    return float((kept / "generation-seconds").read_text())


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """runwsgi on a free loopback port, for the length of a ``with`` block."""

    def __enter__(self):
        self.port = free_port()
        ini = (ETC / "zope.ini").read_text()
        ini = re.sub(r"^host = .*$", "host = 127.0.0.1", ini, flags=re.M)
        ini = re.sub(r"^port = .*$", f"port = {self.port}", ini, flags=re.M)
        bench_ini = ETC / "bench.ini"
        bench_ini.write_text(ini)
        log = open(VAR / "runwsgi.log", "w")  # noqa: SIM115 - closed in __exit__
        self.log = log
        self.process = subprocess.Popen(  # noqa: S603 - the venv's runwsgi
            [str(BIN / "runwsgi"), str(bench_ini)],
            cwd=ROOT,
            env=environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self._wait()
        return self

    def _wait(self, timeout=300):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"runwsgi stopped; see {VAR / 'runwsgi.log'}")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=5)
                return
            except OSError:
                time.sleep(1)
        sys.exit("runwsgi did not answer in time")

    def resident_mb(self):
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        kilobytes = int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.M).group(1))
        return kilobytes / 1024

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
