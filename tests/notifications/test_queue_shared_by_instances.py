"""Two Zope instances of one site share its mail queue, and each mail leaves once.

The queue's directory is an attribute of the site's MailHost, so every instance
on one database queues into the same maildir and runs a queue thread on it.
zope.sendmail claims a mail by hard-linking it to ``.sending-<name>``, which
only one process or thread can do; the add-on's retry after a failure keeps to
that claim. Two queue threads stand in for the two instances here: the claim is
made in the file system, where threads and processes meet it alike.
"""

from mail_helpers import MailQueue
from mail_helpers import wait_for
from vaasa.somementor.notifications import mailqueue

import collections
import os
import pytest
import threading
import time


MAILS = 60


class SlowMailer:
    """An SMTP server taking a little while per mail, recording who sent what."""

    def __init__(self, sent, who, failures=0):
        self.sent = sent
        self.who = who
        self.failures = failures
        self.lock = threading.Lock()

    def send(self, fromaddr, toaddrs, message):
        time.sleep(0.002)
        with self.lock:
            if self.failures:
                self.failures -= 1
                raise ConnectionRefusedError(111, "Connection refused")
        self.sent.append((self.who, message))


@pytest.fixture
def queue(tmp_path):
    path = tmp_path / "mailqueue"
    mailqueue.ensure(str(path))
    for number in range(MAILS):
        (path / "new" / f"{number}.mail").write_bytes(
            b"X-Zope-From: mentori@vaasa.example\n"
            b"X-Zope-To: karin@example.org\n"
            b"Subject: Mail %d\n\nBody\n" % number
        )
    return MailQueue(path)


def run_instances(queue, *mailers):
    threads = []
    for mailer in mailers:
        processor = mailqueue.QueueProcessor(interval=0.01, retry_delay=0.05)
        processor.setMailer(mailer)
        processor.setQueuePath(str(queue.path))
        threads.append(processor)
    for processor in threads:
        processor.start()
    try:
        wait_for(lambda: not queue.waiting(), timeout=30)
        # Neither instance's thread died of a mail the other had just sent.
        assert all(processor.is_alive() for processor in threads)
    finally:
        for processor in threads:
            processor.stop()
            processor.join(5)


def test_two_queue_threads_send_each_mail_once(queue):
    sent = []
    run_instances(queue, SlowMailer(sent, "A"), SlowMailer(sent, "B"))
    copies = collections.Counter(message for _, message in sent)
    assert len(copies) == MAILS
    assert set(copies.values()) == {1}
    # Both instances did send: the mails were shared out, not left to one of them.
    assert {who for who, _ in sent} == {"A", "B"}


def test_a_mail_retried_after_an_outage_is_still_sent_once(queue):
    sent = []
    run_instances(queue, SlowMailer(sent, "A", failures=5), SlowMailer(sent, "B", failures=5))
    copies = collections.Counter(message for _, message in sent)
    assert len(copies) == MAILS
    assert set(copies.values()) == {1}


def test_a_mail_sent_by_the_other_instance_while_listing_is_skipped(queue, monkeypatch):
    getmtime = os.path.getmtime
    sent_elsewhere = str(queue.path / "new" / "0.mail")

    def other_instance_sends_first(path):
        if path == sent_elsewhere and os.path.exists(path):
            os.unlink(path)
        return getmtime(path)

    monkeypatch.setattr(os.path, "getmtime", other_instance_sends_first)
    processor = mailqueue.QueueProcessor()
    processor.setQueuePath(str(queue.path))
    listed = [os.path.basename(name) for name in processor.maildir]
    assert len(listed) == MAILS - 1
    assert "0.mail" not in listed
