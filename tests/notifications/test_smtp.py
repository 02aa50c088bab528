"""End to end: the site's real MailHost talks SMTP to a server on loopback."""

from Acquisition import aq_base
from aiosmtpd.controller import Controller
from mail_helpers import configure_mail
from mail_helpers import COORDINATOR_BOX
from mail_helpers import create_request
from mail_helpers import parse
from mail_helpers import REQUESTER
from plone import api
from Products.MailHost.MailHost import MailHost

import pytest
import socket
import transaction


class Inbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def recipients(self):
        return sorted(address for envelope in self.envelopes for address in envelope.rcpt_tos)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, controller.port
    controller.stop()


@pytest.mark.smtp
def test_request_mail_arrives_once_after_commit(functional, smtp_server):
    inbox, port = smtp_server
    portal = functional["portal"]
    assert type(aq_base(portal.MailHost)) is MailHost
    with api.env.adopt_roles(["Manager"]):
        configure_mail(smtp_host="127.0.0.1", smtp_port=port)
        desk = api.content.create(portal, "LoanDesk", id="lainapyynnot", title="Lainapyynnöt")
        transaction.commit()

        create_request(desk, id="request-1")
        assert inbox.envelopes == []
        transaction.commit()
        assert inbox.recipients() == sorted([COORDINATOR_BOX, REQUESTER])
        to_requester = next(e for e in inbox.envelopes if e.rcpt_tos == [REQUESTER])
        message = parse(to_requester.original_content)
        assert message["Subject"] == "We received your request for a SoMe mentor"
        assert to_requester.mail_from == "mentori@vaasa.example"

        create_request(desk, id="request-2")
        transaction.abort()
    assert len(inbox.envelopes) == 2
