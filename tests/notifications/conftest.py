from App.config import getConfiguration
from collective.MockMailHost.MockMailHost import MockMailHost
from mail_helpers import configure_mail
from mail_helpers import create_mentor
from mail_helpers import create_request
from mail_helpers import MailQueue
from mail_helpers import MEMBER
from mail_helpers import Outbox
from mail_helpers import RecordingMailer
from plone import api
from Products.MailHost.MailHost import MailBase
from vaasa.somementor.loans import tokens
from vaasa.somementor.notifications import mailqueue

import pytest
import transaction


# Quick enough for a test to wait on: zope.conf's <product-config vaasa.somementor>.
QUICK_QUEUE = {"mail-queue-interval": "0.1", "mail-retry-delay": "0.5"}


@pytest.fixture
def outbox(portal, monkeypatch):
    """Every mail the site's MailHost would deliver, kept at once instead of at commit.

    The delivery method is patched rather than a MockMailHost registered: changing
    the site's persistent component registry inside a test leaves stale lookups
    behind for the test web server's threads, which then fail at random.
    """
    configure_mail()
    recorder = MockMailHost("MailHost")
    monkeypatch.setattr(
        MailBase,
        "_send",
        lambda self, mfrom, mto, message, immediate=False: recorder._send(mfrom, mto, message),
    )
    return Outbox(recorder)


@pytest.fixture
def mail_queue(functional, tmp_path, monkeypatch):
    """The functional site's mail queue, in a directory of this test's own, looked into often.

    The queue thread of this directory stops when the test ends, so no mail of one
    test reaches another test's server.
    """
    config = getConfiguration()
    product_config = dict(getattr(config, "product_config", None) or {})
    product_config["vaasa.somementor"] = QUICK_QUEUE
    monkeypatch.setattr(config, "product_config", product_config, raising=False)
    mailhost = functional["portal"].MailHost
    assert mailhost.smtp_queue, "installing the add-on switches the MailHost to its queue"
    path = str(tmp_path / "mailqueue")
    mailhost.smtp_queue_directory = path
    transaction.commit()
    yield MailQueue(path)
    mailqueue.stop(path)


@pytest.fixture
def status_links(monkeypatch):
    """A known private link, to see who gets it."""
    monkeypatch.setattr(
        tokens,
        "status_url",
        lambda loan: f"https://vaasa.example/fi/@@loan-status/secret-{loan.getId()}",
    )


@pytest.fixture
def coordinator(portal):
    user = api.user.create(
        email=MEMBER,
        username="maija",
        password="secret-password-1",  # noqa: S106
        properties={"fullname": "Maija Koordinaattori"},
    )
    api.group.add_user(groupname="mentor-coordinators", user=user)
    return user


@pytest.fixture
def mentor(directory):
    return create_mentor(directory)


@pytest.fixture
def mailer(monkeypatch):
    """The site's own MailHost and queue thread, delivering to a recorder, not an SMTP server."""
    recorder = RecordingMailer()
    monkeypatch.setattr(MailBase, "_makeMailer", lambda self: recorder)
    return recorder


@pytest.fixture
def make_loan(desk, mentor):
    def make(id="request-1", **fields):
        fields.setdefault("mentor", mentor)
        return create_request(desk, id, **fields)

    return make
