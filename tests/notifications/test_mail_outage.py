"""Nothing is lost when the SMTP server is down.

The request is stored and answered as usual; its mail waits in the queue and
leaves, once, when the server is back. A real SMTP server on loopback, started
only after the mail was queued.
"""

from datetime import date
from datetime import timedelta
from mail_helpers import configure_mail
from mail_helpers import COORDINATOR_BOX
from mail_helpers import create_request
from mail_helpers import free_port
from mail_helpers import QUIET
from mail_helpers import REQUESTER
from mail_helpers import smtp_server
from mail_helpers import wait_for
from plone import api
from Products.MailHost.MailHost import queue_threads
from vaasa.somementor.loans import rate_limit
from vaasa.somementor.notifications import mailqueue
from zope.component import getGlobalSiteManager
from zope.processlifetime import DatabaseOpenedWithRoot

import logging
import os
import pytest
import requests
import time
import transaction


pytestmark = pytest.mark.smtp

EVERYONE = sorted([COORDINATOR_BOX, REQUESTER])


@pytest.fixture
def port():
    """Where the SMTP server is meant to be; nothing listens there until a test starts it."""
    return free_port()


@pytest.fixture
def desk(functional, mail_queue, port):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        configure_mail(smtp_host="127.0.0.1", smtp_port=port)
        desk = api.content.create(portal, "LoanDesk", id="lainapyynnot", title="Lainapyynnöt")
        transaction.commit()
        yield desk


def failures(caplog):
    """The queue thread's word that a delivery failed and the mail stays."""
    return [record for record in caplog.records if "stays in the queue" in record.getMessage()]


def stored(desk, id):
    transaction.begin()  # see what other threads committed
    return id in desk


def arrives_once(inbox, count):
    """The inbox once ``count`` mails arrived and no copy followed."""
    assert wait_for(lambda: len(inbox.envelopes) >= count, timeout=30), inbox.envelopes
    time.sleep(QUIET)
    return inbox.recipients()


def test_request_is_stored_and_its_mail_leaves_once_the_server_is_back(
    desk, port, mail_queue, caplog
):
    caplog.set_level(logging.WARNING, logger=mailqueue.__name__)
    create_request(desk, id="request-1")
    transaction.commit()  # no ConnectionRefusedError: nothing talks SMTP at commit

    assert stored(desk, "request-1")
    assert len(mail_queue.waiting()) == 2
    # The queue thread tried, failed, and kept both mails.
    assert wait_for(lambda: failures(caplog))
    time.sleep(QUIET)
    assert len(mail_queue.waiting()) == 2

    with smtp_server(port) as (inbox, _):
        assert arrives_once(inbox, 2) == EVERYONE
    assert mail_queue.waiting() == []


def test_visitor_gets_201_while_the_server_is_down(functional, desk, port, mail_queue):
    rate_limit.reset()
    start = date.today() + timedelta(days=30)
    url = f"http://{functional['host']}:{functional['port']}/plone/++api++/lainapyynnot/@borrow"
    data = {
        "requester_name": "Karin Westerlund",
        "requester_email": REQUESTER,
        "organisation": "Korsholms kulturbyrå",
        "need": "Facebooksida för kulturbyrån",
        "preferred_language": "sv",
        "loan_format": "remote",
        "preferred_dates": [
            {"start": start.isoformat(), "end": (start + timedelta(4)).isoformat()}
        ],
        "consent": True,
    }
    response = requests.post(url, json=data, headers={"Accept": "application/json"}, timeout=30)
    assert response.status_code == 201, response.text
    transaction.begin()
    assert len(desk.objectIds()) == 1
    assert len(mail_queue.waiting()) == 2

    with smtp_server(port) as (inbox, _):
        assert arrives_once(inbox, 2) == EVERYONE


def test_aborted_request_queues_nothing(desk, port, mail_queue):
    create_request(desk, id="request-1")
    transaction.abort()
    assert mail_queue.waiting() == []
    assert mail_queue.unfinished() == []
    with smtp_server(port) as (inbox, _):
        time.sleep(QUIET)
        assert inbox.envelopes == []


def test_mail_waiting_at_a_restart_leaves_without_new_mail(functional, desk, port, mail_queue):
    create_request(desk, id="request-1")
    transaction.commit()
    # Zope stops while the server is down: the queue thread ends with the process.
    mailqueue.stop(mail_queue.path)
    key = os.path.realpath(mail_queue.path)
    assert key not in queue_threads
    assert len(mail_queue.waiting()) == 2

    with smtp_server(port) as (inbox, _):
        time.sleep(QUIET)
        assert inbox.envelopes == []  # nobody sends them
        # Zope starts again: nothing new is sent, but the database opens.
        mailqueue.start_at_startup(DatabaseOpenedWithRoot(functional["app"]._p_jar.db()))
        assert isinstance(queue_threads[key], mailqueue.QueueProcessor)
        assert arrives_once(inbox, 2) == EVERYONE


def test_queued_mail_follows_a_new_smtp_server(desk, port, mail_queue):
    if not any(
        registration.handler is mailqueue.mail_settings_changed
        for registration in getGlobalSiteManager().registeredHandlers()
    ):
        pytest.fail("add <include package='.notifications' /> to vaasa/somementor/configure.zcml")
    create_request(desk, id="request-1")
    transaction.commit()
    with smtp_server() as (inbox, other_port), api.env.adopt_roles(["Manager"]):
        # Site Setup → Mail points to a server that answers; no new mail is sent.
        configure_mail(smtp_host="127.0.0.1", smtp_port=other_port)
        transaction.commit()
        assert arrives_once(inbox, 2) == EVERYONE
