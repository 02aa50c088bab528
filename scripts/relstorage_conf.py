"""Write the RelStorage twin of a Zope instance's configuration.

    python scripts/relstorage_conf.py INSTANCE TARGET DSN PORT [PORT ...]

Reads INSTANCE/etc/zope.conf and zope.ini (made by mkwsgiinstance and the
Makefile) and writes into TARGET:

- ``zope.conf``: the same configuration, with the FileStorage replaced by a
  history-free RelStorage on PostgreSQL (DSN), blobs in TARGET/blobs shared by
  every instance on this machine, and TARGET/var as the Zope var directory (so
  the mail queue and the logs are not the FileStorage site's);
- ``zope-PORT.ini`` for each PORT: one WSGI server each, all on that one database.
"""

from pathlib import Path

import re
import sys


STORAGE = """\
   <relstorage>
     keep-history false
     blob-dir {blobs}
     shared-blob-dir true
     <postgresql>
       dsn {dsn}
     </postgresql>
   </relstorage>"""


def zope_conf(source, target, dsn):
    text = source.read_text()
    storage = STORAGE.format(blobs=target / "blobs", dsn=dsn)
    text, found = re.subn(r"^\s*<filestorage>.*?</filestorage>", storage, text, flags=re.S | re.M)
    if found != 1:
        sys.exit(f"{source}: no <filestorage> section to replace")
    clienthome = f"\\g<0>\nclienthome {target / 'var'}"
    text, found = re.subn(r"^instancehome .*$", clienthome, text, flags=re.M)
    if found != 1:
        sys.exit(f"{source}: no instancehome line")
    return f"%import relstorage\n{text}"


def zope_ini(source, target, port):
    text = source.read_text()
    text = re.sub(r"^zope_conf = .*$", f"zope_conf = {target / 'zope.conf'}", text, flags=re.M)
    text = re.sub(r"^port = .*$", f"port = {port}", text, flags=re.M)
    # Two processes appending to one log would interleave their lines.
    logs = target / "var" / "log"
    text = re.sub(r"[^'\s]*/Z4\.log", str(logs / f"access-{port}.log"), text)
    return re.sub(r"[^'\s]*/event\.log", str(logs / f"event-{port}.log"), text)


def main(instance, target, dsn, *ports):
    instance, target = Path(instance).resolve(), Path(target).resolve()
    for directory in (target / "var" / "log", target / "blobs"):
        directory.mkdir(parents=True, exist_ok=True)
    (target / "zope.conf").write_text(zope_conf(instance / "etc" / "zope.conf", target, dsn))
    for port in ports:
        ini = zope_ini(instance / "etc" / "zope.ini", target, port)
        (target / f"zope-{port}.ini").write_text(ini)


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
