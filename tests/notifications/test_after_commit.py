"""Mail leaves when the transaction commits: never before, never after an abort, never twice.

The site's own MailHost and mail queue, with the SMTP mailer behind the queue
thread swapped for one that records.
"""

from mail_helpers import configure_mail
from mail_helpers import COORDINATOR_BOX
from mail_helpers import create_request
from mail_helpers import QUIET
from mail_helpers import REQUESTER
from mail_helpers import wait_for
from plone import api
from ZODB.POSException import ConflictError

import pytest
import time
import transaction


class ConflictOnce:
    """Fails the commit the way a write conflict does."""

    transaction_manager = transaction.manager

    def commit(self, txn):
        raise ConflictError("a concurrent edit of the desk")

    def abort(self, txn):
        pass

    tpc_begin = tpc_vote = tpc_finish = tpc_abort = abort

    def sortKey(self):
        return "vaasa.somementor.tests.conflict"


@pytest.fixture
def desk(functional, mail_queue):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        configure_mail()
        desk = api.content.create(portal, "LoanDesk", id="lainapyynnot", title="Lainapyynnöt")
        transaction.commit()
        yield desk


def delivered(mailer, count):
    """What the mailer got once ``count`` mails arrived, and nothing more came for a while."""
    wait_for(lambda: len(mailer.sent) >= count)
    time.sleep(QUIET)
    return sorted(mailer.sent)


def test_sent_on_commit(desk, mailer, mail_queue):
    create_request(desk)
    assert mail_queue.waiting() == []
    time.sleep(QUIET)
    assert mailer.sent == []
    transaction.commit()
    assert delivered(mailer, 2) == sorted([COORDINATOR_BOX, REQUESTER])
    assert mail_queue.waiting() == []


def test_abort_sends_nothing(desk, mailer, mail_queue):
    create_request(desk)
    transaction.abort()
    assert mail_queue.waiting() == []
    assert mail_queue.unfinished() == []
    time.sleep(QUIET)
    assert mailer.sent == []


def test_conflict_retry_sends_once(desk, mailer, mail_queue):
    tries = 0
    # What the Zope publisher does on a ConflictError: abort, then run the request again.
    for attempt in transaction.manager.attempts(3):
        with attempt:
            tries += 1
            create_request(desk)
            if tries == 1:
                transaction.get().join(ConflictOnce())
    assert tries == 2
    assert delivered(mailer, 2) == sorted([COORDINATOR_BOX, REQUESTER])
    assert mail_queue.unfinished() == []
