"""End to end: the site's real MailHost and queue thread talk SMTP to a server on loopback."""

from Acquisition import aq_base
from mail_helpers import configure_mail
from mail_helpers import COORDINATOR_BOX
from mail_helpers import create_request
from mail_helpers import parse
from mail_helpers import QUIET
from mail_helpers import REQUESTER
from mail_helpers import smtp_server
from mail_helpers import wait_for
from plone import api
from Products.MailHost.MailHost import MailHost

import pytest
import time
import transaction


@pytest.mark.smtp
def test_request_mail_arrives_once_after_commit(functional, mail_queue):
    portal = functional["portal"]
    assert type(aq_base(portal.MailHost)) is MailHost
    with smtp_server() as (inbox, port), api.env.adopt_roles(["Manager"]):
        # As Site Setup → Mail does: the registry only. Plone makes every SMTP
        # connection from the registry, so the MailHost's own port stays unused.
        configure_mail(smtp_host="127.0.0.1", smtp_port=port)
        assert portal.MailHost.smtp_port != port
        desk = api.content.create(portal, "LoanDesk", id="lainapyynnot", title="Lainapyynnöt")
        transaction.commit()

        create_request(desk, id="request-1")
        time.sleep(QUIET)
        assert inbox.envelopes == []
        transaction.commit()
        assert wait_for(lambda: len(inbox.envelopes) >= 2)
        time.sleep(QUIET)
        assert inbox.recipients() == sorted([COORDINATOR_BOX, REQUESTER])
        to_requester = next(e for e in inbox.envelopes if e.rcpt_tos == [REQUESTER])
        message = parse(to_requester.original_content)
        assert message["Subject"] == "We received your request for a SoMe mentor"
        assert to_requester.mail_from == "mentori@vaasa.example"

        create_request(desk, id="request-2")
        transaction.abort()
        time.sleep(QUIET)
        assert len(inbox.envelopes) == 2
    assert mail_queue.waiting() == []
