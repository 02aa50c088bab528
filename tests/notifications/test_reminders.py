"""@@send-loan-reminders: cron mails each scheduled loan's people once, a few days ahead."""

from AccessControl import Unauthorized
from datetime import datetime
from datetime import timedelta
from mail_helpers import configure_mail
from mail_helpers import create_mentor
from mail_helpers import create_request
from mail_helpers import forget_sender
from mail_helpers import MENTOR
from mail_helpers import QUIET
from mail_helpers import REQUESTER
from mail_helpers import schedule
from mail_helpers import wait_for
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from vaasa.somementor.interfaces import IBrowserLayer
from zope.interface import alsoProvides

import pytest
import requests
import time
import transaction


def soon(days=1, hours=2):
    start = (datetime.now() + timedelta(days=days)).replace(minute=0, second=0, microsecond=0)
    return start, start + timedelta(hours=hours)


@pytest.fixture
def run(portal, request_):
    alsoProvides(request_, IBrowserLayer)

    def run():
        return api.content.get_view("send-loan-reminders", portal, request_)()

    return run


@pytest.fixture
def request_(integration):
    return integration["request"]


@pytest.fixture
def scheduled(outbox, make_loan):
    def scheduled(id="request-1", days=1):
        loan = make_loan(id=id)
        api.content.transition(loan, transition="approve")
        start, end = soon(days)
        schedule(loan, start, end)
        return loan

    return scheduled


def test_reminds_requester_and_mentor_once(outbox, scheduled, run):
    scheduled()
    outbox.reset()
    assert run().strip() == "Reminders sent: 1"
    mails = outbox.by_address()
    assert set(mails) == {REQUESTER, MENTOR}
    assert mails[REQUESTER]["Subject"].startswith("Reminder: SoMe mentor ")
    outbox.reset()
    assert run().strip() == "Reminders sent: 0"
    assert outbox.messages == []


def test_not_yet_due(outbox, scheduled, run):
    scheduled(days=10)
    outbox.reset()
    run()
    assert outbox.messages == []


def test_rescheduled_loan_is_reminded_again(outbox, scheduled, run):
    loan = scheduled()
    run()
    loan.scheduled_start, loan.scheduled_end = soon(days=1, hours=3)[1], soon(days=1, hours=5)[1]
    loan.reindexObject()
    outbox.reset()
    run()
    assert set(outbox.by_address()) == {REQUESTER, MENTOR}


def test_reminder_days_from_the_control_panel(outbox, scheduled, run):
    from vaasa.somementor.interfaces import ISettings

    scheduled(days=4)
    outbox.reset()
    run()
    assert outbox.messages == []
    api.portal.set_registry_record("reminder_days", 5, interface=ISettings)
    run()
    assert set(outbox.by_address()) == {REQUESTER, MENTOR}


def test_without_mail_settings_nothing_is_marked(outbox, scheduled, run):
    scheduled()
    outbox.reset()
    forget_sender()
    assert run().strip() == "Reminders sent: 0"
    api.portal.set_registry_record("plone.email_from_address", "mentori@vaasa.example")
    assert run().strip() == "Reminders sent: 1"
    assert set(outbox.by_address()) == {REQUESTER, MENTOR}


def test_cron_runs_it_over_http(functional, mail_queue, mailer):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        configure_mail()
        desk = api.content.create(portal, "LoanDesk", id="lainapyynnot", title="Lainapyynnöt")
        directory = api.content.create(portal, "MentorDirectory", id="mentorit", title="Mentorit")
        loan = create_request(desk, mentor=create_mentor(directory))
        api.content.transition(loan, transition="approve")
        schedule(loan, *soon())
        transaction.commit()
    # The mails about the request, approval and schedule leave first.
    assert wait_for(lambda: not mail_queue.waiting())
    mailer.sent.clear()
    url = f"http://{functional['host']}:{functional['port']}/plone/@@send-loan-reminders"
    auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)

    # No form token, as from curl: the reminders still go out and the loan stays marked.
    first = requests.post(url, auth=auth, timeout=30)
    assert first.status_code == 200
    assert first.text.strip() == "Reminders sent: 1"
    assert wait_for(lambda: len(mailer.sent) >= 2)
    assert sorted(mailer.sent) == sorted([REQUESTER, MENTOR])
    second = requests.post(url, auth=auth, timeout=30)
    assert second.text.strip() == "Reminders sent: 0"
    time.sleep(QUIET)
    assert len(mailer.sent) == 2


def test_only_managers_may_run_it(portal, request_):
    alsoProvides(request_, IBrowserLayer)
    with api.env.adopt_roles(["Anonymous"]), pytest.raises(Unauthorized):
        portal.restrictedTraverse("@@send-loan-reminders")
