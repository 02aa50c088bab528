"""Mail that still waits in the queue (var/mailqueue), read and removed by its recipient.

Whoever asks what the site holds about them is also told of mail not yet sent
to them; erasing their data removes it. zope.sendmail keeps each mail as one
maildir file whose first lines name the sender and the recipients.
"""

from email import message_from_bytes
from email import policy
from plone import api
from typing import NamedTuple
from vaasa.somementor.notifications import mailqueue

import contextlib
import os


FOLDERS = ("new", "cur")
RECIPIENTS = b"X-Zope-To: "


class QueuedMail(NamedTuple):
    path: str
    recipients: tuple
    subject: str
    date: str
    text: str


def _queue_path():
    mailhost = api.portal.get_tool("MailHost")
    if not mailqueue.queued(mailhost):
        return None
    path = mailhost.smtp_queue_directory
    return path if mailqueue.is_maildir(path) else None


def _files(path):
    for folder in FOLDERS:
        directory = os.path.join(path, folder)
        for name in sorted(os.listdir(directory)):
            # ".sending-" and ".rejected-" files are zope.sendmail's locks and refusals.
            if not name.startswith("."):
                yield os.path.join(directory, name)


def _recipients(raw):
    for line in raw.split(b"\n", 2)[:2]:
        if line.startswith(RECIPIENTS):
            value = line[len(RECIPIENTS) :].decode("utf-8", "replace")
            return tuple(address.strip() for address in value.split(",") if address.strip())
    return ()


def _text(message):
    body = message.get_body(preferencelist=("plain",))
    return body.get_content() if body is not None else ""


def _read(path):
    try:
        with open(path, "rb") as file:
            raw = file.read()
    except FileNotFoundError:  # sent while we looked
        return None
    recipients = _recipients(raw)
    # The two lines of zope.sendmail go first; the message follows them.
    message = message_from_bytes(raw.split(b"\n", 2)[-1], policy=policy.default)
    return QueuedMail(
        path, recipients, str(message["Subject"] or ""), str(message["Date"] or ""), _text(message)
    )


def addressed_to(email):
    """The queued mails with ``email`` among their recipients, oldest first."""
    path = _queue_path()
    if path is None:
        return []
    wanted = email.strip().lower()
    found = []
    for name in _files(path):
        mail = _read(name)
        if mail is not None and wanted in (address.lower() for address in mail.recipients):
            found.append(mail)
    return found


def remove(mails):
    """Delete ``mails`` from the queue; one the queue thread sent meanwhile is gone already."""
    for mail in mails:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(mail.path)
