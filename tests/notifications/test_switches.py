"""The control panel switches mail off per group, and a site without mail still works."""

from mail_helpers import COORDINATOR_BOX
from mail_helpers import forget_sender
from mail_helpers import MEMBER
from mail_helpers import MENTOR
from mail_helpers import REQUESTER
from mail_helpers import schedule
from plone import api
from vaasa.somementor.interfaces import ISettings

import logging
import pytest


EVERYONE = {REQUESTER, MENTOR, COORDINATOR_BOX, MEMBER}


@pytest.fixture
def scheduled(outbox, coordinator, make_loan):
    loan = make_loan()
    api.content.transition(loan, transition="approve")
    schedule(loan)
    outbox.reset()
    return loan


@pytest.mark.parametrize(
    "switch,silenced",
    [
        ("notify_requesters", {REQUESTER}),
        ("notify_mentors", {MENTOR}),
        ("notify_coordinators", {COORDINATOR_BOX, MEMBER}),
    ],
)
def test_switch_off_silences_one_group(outbox, scheduled, switch, silenced):
    api.portal.set_registry_record(switch, False, interface=ISettings)
    api.content.transition(scheduled, transition="cancel")
    assert set(outbox.by_address()) == EVERYONE - silenced


def test_all_switches_off_sends_nothing(outbox, scheduled):
    for switch in ("notify_requesters", "notify_mentors", "notify_coordinators"):
        api.portal.set_registry_record(switch, False, interface=ISettings)
    api.content.transition(scheduled, transition="cancel")
    assert outbox.messages == []


def test_site_without_mail_settings_still_moves_requests_on(outbox, make_loan, caplog):
    forget_sender()
    with caplog.at_level(logging.WARNING):
        loan = make_loan()
        api.content.transition(loan, transition="approve")
    assert api.content.get_state(loan) == "approved"
    assert outbox.messages == []
    assert "Mail is not set up" in caplog.text
