"""``make backup`` and ``make restore`` bring a Plone site back, blobs included.

A real demo site is built in a temporary instance with ``scripts/create_site.py``
on an empty database (so it must create the admin itself), backed up, changed,
backed up again while "running", and restored into new instances.  About a
minute: each zconsole start loads Plone.
"""

from pathlib import Path

import base64
import hashlib
import json
import os
import pytest
import subprocess
import sys
import time
import ZODB.FileStorage


ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SITE_SCRIPT = Path(__file__).with_name("backup_restore_site.py")
ADMIN = {"ADMIN_USER": "ylläpitäjä", "ADMIN_PASSWORD": "salasana-123"}


def new_instance(home):
    """An instance without mkwsgiinstance's inituser: Zope starts with no users."""
    (home / "etc").mkdir(parents=True)
    (home / "var").mkdir()
    (home / "etc" / "zope.conf").write_text(
        f"""%define INSTANCE {home}
instancehome $INSTANCE
<zodb_db main>
  <filestorage>
    path $INSTANCE/var/Data.fs
    blob-dir $INSTANCE/var/blobstorage
  </filestorage>
  mount-point /
</zodb_db>
"""
    )
    return home


def zconsole(instance, script, *args, env=ADMIN):
    environ = {k: v for k, v in os.environ.items() if k not in ADMIN} | env
    return subprocess.run(
        [BIN / "zconsole", "run", instance / "etc" / "zope.conf", script, *map(str, args)],
        capture_output=True,
        text=True,
        env=environ,
        check=False,
    )


def in_site(instance, *args):
    """What backup_restore_site.py reports after doing ``args`` in the site."""
    done = zconsole(instance, SITE_SCRIPT, *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def make(target, instance, backups, **variables):
    words = [f"{name}={value}" for name, value in variables.items()]
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-C",
            ROOT,
            target,
            f"INSTANCE={instance}",
            f"BACKUP_DIR={backups}",
            *words,
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def backup_stamps(backups):
    return sorted(path.name.removesuffix(".tar.gz") for path in (backups / "blobs").iterdir())


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """The site as backed up, then changed and backed up again while open."""
    tmp = tmp_path_factory.mktemp("backup")
    site, backups = new_instance(tmp / "site"), tmp / "backups"
    created = zconsole(site, ROOT / "scripts" / "create_site.py")
    assert created.returncode == 0, created.stderr
    first = in_site(site, "image", "mentorin-kuva")
    done = make("backup", site, backups)
    assert done.returncode == 0, done.stderr

    time.sleep(1.1)  # repozo names its files to the second
    in_site(site, "page", "after-the-first-backup")
    # Holding the FileStorage open is what the running server does.
    running = ZODB.FileStorage.FileStorage(str(site / "var" / "Data.fs"))
    try:
        second_backup = make("backup", site, backups)
        refused = make("restore", site, backups)
        data_while_running = digest(site / "var" / "Data.fs")
    finally:
        running.close()
    return {
        "tmp": tmp,
        "site": site,
        "backups": backups,
        "created": created,
        "first": first,
        "second_backup": second_backup,
        "refused": refused,
        "data_while_running": data_while_running,
    }


@pytest.fixture(scope="module")
def restored(history):
    """The newest backup restored into an instance that has never run."""
    instance = new_instance(history["tmp"] / "restored")
    done = make("restore", instance, history["backups"])
    assert done.returncode == 0, done.stderr
    return instance, in_site(instance, "report")


@pytest.fixture(scope="module")
def restored_first(history):
    """The first backup, chosen with DATE, restored into another new instance."""
    instance = new_instance(history["tmp"] / "restored-first")
    first_stamp = backup_stamps(history["backups"])[0]
    done = make("restore", instance, history["backups"], DATE=first_stamp)
    assert done.returncode == 0, done.stderr
    return instance, in_site(instance, "report")


def test_create_site_makes_the_missing_admin_on_an_empty_database(history, restored):
    assert f"Zope user {ADMIN['ADMIN_USER']} created" in history["created"].stdout
    _, found = restored
    assert "Manager" in found["admin_roles"]


def test_create_site_without_a_password_names_the_missing_admin(tmp_path):
    empty = new_instance(tmp_path / "empty")
    done = zconsole(empty, ROOT / "scripts" / "create_site.py", env={"ADMIN_USER": "boss"})
    assert done.returncode != 0
    assert "no user 'boss'" in done.stderr
    assert "set ADMIN_PASSWORD" in done.stderr


def test_backup_works_while_the_site_runs(history):
    assert history["second_backup"].returncode == 0, history["second_backup"].stderr
    assert len(backup_stamps(history["backups"])) == 2
    assert list((history["backups"] / "filestorage").glob("*.deltafsz"))


def test_restore_refuses_while_the_site_runs(history):
    refused = history["refused"]
    assert refused.returncode != 0
    assert "Refusing" in refused.stderr
    assert "running" in refused.stderr
    assert history["data_while_running"] == digest(history["site"] / "var" / "Data.fs")


def test_restored_site_has_the_demo_content_and_the_add_on(history, restored):
    _, found = restored
    assert found["add_on_installed"]
    assert set(history["first"]["paths"]) < set(found["paths"])
    assert "/Plone/after-the-first-backup" in found["paths"]


def test_restored_image_has_its_bytes_from_the_new_instance(history, restored):
    instance, found = restored
    image = found["images"]["mentorin-kuva"]
    original = history["first"]["images"]["mentorin-kuva"]
    assert base64.b64decode(image["data"]).startswith(b"\x89PNG")
    assert image["data"] == original["data"]
    assert Path(image["blob_file"]).is_relative_to(instance / "var" / "blobstorage")


def test_restore_with_date_goes_back_to_that_backup(history, restored_first):
    instance, found = restored_first
    assert found["paths"] == history["first"]["paths"]
    assert "/Plone/after-the-first-backup" not in found["paths"]
    image = found["images"]["mentorin-kuva"]
    assert image["data"] == history["first"]["images"]["mentorin-kuva"]["data"]


def test_restore_keeps_the_replaced_data_aside(history):
    site = history["site"]
    before = digest(site / "var" / "Data.fs")
    done = make("restore", site, history["backups"], DATE=backup_stamps(history["backups"])[0])
    assert done.returncode == 0, done.stderr
    (aside,) = (site / "var" / "aside").iterdir()
    assert aside.name.endswith("-restore")
    assert digest(aside / "Data.fs") == before
    assert (aside / "blobstorage").is_dir()
    assert digest(site / "var" / "Data.fs") != before
