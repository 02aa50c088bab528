"""The queue thread and the queue's place: a failed delivery is retried soon, and only then.

No Plone here for the thread: a maildir, a message in it, and mailers that fail
the way an SMTP server does.
"""

from mail_helpers import configure_mail
from mail_helpers import forget_sender
from mail_helpers import MailQueue
from plone import api
from Products.MailHost.MailHost import MailHost
from vaasa.somementor import setuphandlers
from vaasa.somementor import upgrades
from vaasa.somementor.interfaces import ISettings
from vaasa.somementor.notifications import dispatch
from vaasa.somementor.notifications import mailqueue
from zope.sendmail.queue import QueueProcessorThread

import os
import pytest
import smtplib
import time


class Mailer:
    """Answers each send with the next of ``answers``: an exception to raise, or None."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.sent = []

    def send(self, fromaddr, toaddrs, message):
        answer = self.answers.pop(0) if self.answers else None
        if answer is not None:
            raise answer
        self.sent.append((fromaddr, toaddrs, message))


DOWN = ConnectionRefusedError(111, "Connection refused")
BUSY = smtplib.SMTPConnectError(421, "Too many connections, try again later")
NO_SUCH_USER = smtplib.SMTPDataError(550, "No such user")


@pytest.fixture
def queue(tmp_path):
    path = tmp_path / "mailqueue"
    mailqueue.ensure(str(path))
    (path / "new" / "1.mail").write_bytes(
        b"X-Zope-From: mentori@vaasa.example\n"
        b"X-Zope-To: karin@example.org\n"
        b"Subject: Hello\n\nBody\n"
    )
    return MailQueue(path)


def thread(kind, mailer, queue, **settings):
    processor = kind(**settings)
    processor.setMailer(mailer)
    processor.setQueuePath(str(queue.path))
    return processor


def one_pass(processor):
    for filename in processor.maildir:
        processor._process_one_file(filename)


def locks(queue):
    return sorted(entry.name for entry in (queue.path / "new").iterdir() if entry.name[0] == ".")


def test_zope_sendmail_alone_holds_a_failed_mail_for_three_hours(queue):
    """Why the add-on has a thread of its own."""
    mailer = Mailer(DOWN)
    processor = thread(QueueProcessorThread, mailer, queue)
    one_pass(processor)
    one_pass(processor)
    assert mailer.sent == []
    assert queue.waiting() == ["1.mail"]
    assert locks(queue) == [".sending-1.mail"]


@pytest.mark.parametrize("failure", [DOWN, BUSY, smtplib.SMTPServerDisconnected("gone")])
def test_failed_delivery_is_retried_after_the_delay(queue, failure):
    mailer = Mailer(failure)
    processor = thread(mailqueue.QueueProcessor, mailer, queue, interval=0.01, retry_delay=0.2)
    one_pass(processor)
    assert queue.waiting() == ["1.mail"]
    assert locks(queue) == []
    one_pass(processor)  # resting: not even tried
    assert mailer.answers == [] and mailer.sent == []
    time.sleep(0.25)
    one_pass(processor)
    assert len(mailer.sent) == 1
    assert mailer.sent[0][:2] == ("mentori@vaasa.example", ("karin@example.org",))
    assert queue.waiting() == []
    one_pass(processor)
    assert len(mailer.sent) == 1


def test_permanent_refusal_is_set_aside_not_retried(queue):
    mailer = Mailer(NO_SUCH_USER)
    processor = thread(mailqueue.QueueProcessor, mailer, queue, interval=0.01, retry_delay=0)
    one_pass(processor)
    one_pass(processor)
    assert queue.waiting() == []
    assert locks(queue) == [".rejected-1.mail"]
    assert mailer.sent == []


def test_running_thread_retries_until_the_server_answers(queue):
    mailer = Mailer(DOWN, DOWN, DOWN)
    processor = thread(mailqueue.QueueProcessor, mailer, queue, interval=0.01, retry_delay=0.05)
    processor.start()
    try:
        deadline = time.monotonic() + 10
        while queue.waiting() and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        processor.stop()
        processor.join(5)
    assert len(mailer.sent) == 1
    assert not processor.is_alive()


def test_settings_from_product_config(monkeypatch):
    config = mailqueue.getConfiguration()
    monkeypatch.setattr(config, "product_config", {}, raising=False)
    assert (mailqueue.interval(), mailqueue.retry_delay()) == (3.0, 60.0)
    config.product_config["vaasa.somementor"] = {
        "mail-queue-interval": "0.5",
        "mail-retry-delay": "none",
    }
    assert (mailqueue.interval(), mailqueue.retry_delay()) == (0.5, 60.0)


def test_queue_lives_in_the_var_directory(monkeypatch, tmp_path):
    monkeypatch.setattr(mailqueue.getConfiguration(), "clienthome", str(tmp_path))
    assert mailqueue.directory() == str(tmp_path / "mailqueue")


def test_without_a_var_directory_a_temporary_queue_per_process(monkeypatch, tmp_path):
    monkeypatch.setattr(mailqueue.getConfiguration(), "clienthome", str(tmp_path / "missing"))
    path = mailqueue.directory()
    assert os.path.isdir(path)
    assert path == mailqueue.directory()


# In the site.


def test_install_switches_the_mailhost_to_the_queue(portal):
    mailhost = portal.MailHost
    assert type(mailhost.aq_base) is MailHost
    assert mailhost.smtp_queue is True
    assert mailhost.smtp_queue_directory == mailqueue.directory()
    assert mailqueue.is_maildir(mailhost.smtp_queue_directory)


def test_reinstall_keeps_the_queue_it_has(portal, tmp_path):
    mailhost = portal.MailHost
    mailqueue.ensure(str(tmp_path))
    mailhost.smtp_queue_directory = str(tmp_path)
    setuphandlers.post_install(None)
    assert mailhost.smtp_queue_directory == str(tmp_path)


def test_upgrade_switches_an_existing_site_to_the_queue(portal):
    mailhost = portal.MailHost
    mailhost.smtp_queue = False
    mailhost.smtp_queue_directory = "/tmp"  # Products.MailHost's default: no maildir
    upgrades.use_mail_queue(api.portal.get_tool("portal_setup"))
    assert mailhost.smtp_queue is True
    assert mailhost.smtp_queue_directory == mailqueue.directory()


def test_upgrade_step_registered(portal):
    setup = api.portal.get_tool("portal_setup")
    steps = setup.listUpgrades("vaasa.somementor:default", show_old=True)
    if not steps:
        pytest.fail("add <include package='.upgrades' /> to vaasa/somementor/configure.zcml")
    assert (("1000",), ("1001",)) in [(step["source"], step["dest"]) for step in steps]


def test_reaches_only_when_the_switch_is_on_and_mail_set_up(portal):
    configure_mail()
    assert dispatch.reaches("requester")
    api.portal.set_registry_record("notify_requesters", False, interface=ISettings)
    assert not dispatch.reaches("requester")
    assert dispatch.reaches("mentor")
    forget_sender()
    assert not dispatch.reaches("mentor")


class TestUninstalled:
    """In a layer of its own: see vaasa.somementor.testing.UninstalledLayer."""

    def test_queue_kept_but_not_the_addons_to_start(self, uninstalled):
        portal = uninstalled["portal"]
        # Products.MailHost still sends what waits, with the next mail it sends.
        assert portal.MailHost.smtp_queue is True
        assert not mailqueue.installed(portal)
