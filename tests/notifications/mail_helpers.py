"""Shared by the mail tests: the people, the times, and reading what was sent."""

from aiosmtpd.controller import Controller
from contextlib import contextmanager
from datetime import datetime
from factories import loan_request_fields
from factories import mentor_fields
from pathlib import Path
from plone import api
from plone.registry.interfaces import IRegistry
from vaasa.somementor.interfaces import ISettings
from zope.component import getUtility

import email
import email.policy
import socket
import time


SENDER = "mentori@vaasa.example"
COORDINATOR_BOX = "somementori@vaasa.example"
REQUESTER = "karin@example.org"
MENTOR = "anna.virtanen@example.org"
MEMBER = "maija.koordinaattori@example.org"

START = datetime(2027, 2, 10, 9, 0)
END = datetime(2027, 2, 10, 11, 0)
MEETING = "https://meet.example.org/korsholm"

# How long to watch for a second copy of a mail that arrived.
QUIET = 1.0


def configure_mail(**records):
    """What Site Setup → Mail and the add-on's control panel would hold."""
    api.portal.set_registry_record("plone.email_from_address", SENDER)
    api.portal.set_registry_record("plone.email_from_name", "Lainaa SoMe-mentori")
    api.portal.set_registry_record("plone.smtp_host", records.pop("smtp_host", "localhost"))
    api.portal.set_registry_record("plone.smtp_port", records.pop("smtp_port", 25))
    api.portal.set_registry_record("coordinator_email", COORDINATOR_BOX, interface=ISettings)
    for name, value in records.items():
        api.portal.set_registry_record(name, value, interface=ISettings)


def forget_sender():
    """A fresh site: Site Setup → Mail has no 'From' address yet."""
    # plone.api refuses None as a value; the registry itself takes it.
    getUtility(IRegistry)["plone.email_from_address"] = None


def parse(raw):
    return email.message_from_bytes(raw, policy=email.policy.default)


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def by_address(messages):
    """{address: message}; fails if anyone got two."""
    found = {}
    for message in messages:
        address = message["To"].addresses[0].addr_spec
        assert address not in found, f"{address} got two mails"
        found[address] = message
    return found


class Outbox:
    """The mails the site handed to its MailHost, parsed."""

    def __init__(self, mailhost):
        self.mailhost = mailhost

    @property
    def messages(self):
        return [parse(raw) for raw in self.mailhost.messages]

    def by_address(self):
        return by_address(self.messages)

    def reset(self):
        self.mailhost.reset()


class RecordingMailer:
    """Stands in for the SMTP connection behind the site's real MailHost."""

    def __init__(self):
        self.sent = []

    def vote(self, fromaddr, toaddrs, message):
        pass

    def send(self, fromaddr, toaddrs, message):
        self.sent.extend(toaddrs)

    def abort(self):
        pass


def create_mentor(directory):
    fields = mentor_fields(email=MENTOR)
    return api.content.create(directory, "Mentor", id="anna-virtanen", **fields)


def create_request(desk, id="request-1", mentor=None, **fields):
    fields.setdefault("preferred_language", "en")
    values = loan_request_fields(mentor, requester_email=REQUESTER, **fields)
    return api.content.create(desk, "LoanRequest", id=id, **values)


def schedule(loan, start=START, end=END, place=MEETING):
    loan.scheduled_start, loan.scheduled_end, loan.place = start, end, place
    loan.reindexObject()
    api.content.transition(loan, transition="schedule")


def wait_for(check, timeout=30, step=0.05):
    """Ask ``check`` until it answers something true or ``timeout`` seconds pass; return that."""
    deadline = time.monotonic() + timeout
    while True:
        answer = check()
        if answer or time.monotonic() > deadline:
            return answer
        time.sleep(step)


class MailQueue:
    """The maildir the site's MailHost queues mail in."""

    def __init__(self, path):
        self.path = Path(path)

    def _files(self, *folders):
        return sorted(
            entry.name
            for folder in folders
            for entry in (self.path / folder).iterdir()
            if not entry.name.startswith(".")
        )

    def waiting(self):
        """Committed mail the SMTP server has not taken yet."""
        return self._files("new", "cur")

    def unfinished(self):
        """Mail of a transaction still open (or of one that failed to clean up)."""
        return self._files("tmp")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """What an SMTP server on loopback received."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def recipients(self):
        return sorted(address for envelope in self.envelopes for address in envelope.rcpt_tos)


@contextmanager
def smtp_server(port=None):
    """An SMTP server on 127.0.0.1 for the time of the block; yields its Inbox and port."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port or free_port())
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()
