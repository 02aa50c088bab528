"""The durable mail queue: a mail waits on disk until the SMTP server takes it.

The site's MailHost uses zope.sendmail's queued delivery (Products.MailHost's
``smtp_queue``): when the transaction commits, each mail is written into a
maildir in the Zope instance's ``var/mailqueue``, and a background thread hands
it to the SMTP server. An SMTP server that is down therefore costs no request
and no mail. Several instances of one site on one machine (ZEO, RelStorage) share
the directory, and each mail still leaves once (see ``SharedMaildir``).

zope.sendmail's own thread, after a failed delivery (server unreachable, a 4xx
answer), leaves the message locked for three hours (``MAX_SEND_TIME``). The
thread here releases the lock it took and tries again after ``mail-retry-delay``
seconds, so mail that waited through an outage leaves soon after the server is
back. A permanent refusal (5xx, every recipient refused) is still set aside as
``.rejected-*`` by zope.sendmail and not retried.

Settings, in zope.conf (all optional)::

    <product-config vaasa.somementor>
        mail-queue-interval 3
        mail-retry-delay 60
    </product-config>
"""

from Acquisition import aq_base
from App.config import getConfiguration
from plone.base.interfaces import IPloneSiteRoot
from Products.MailHost.MailHost import MailBase
from Products.MailHost.MailHost import queue_threads
from vaasa.somementor.interfaces import ISettings
from zope.component.hooks import getSite
from zope.component.hooks import setSite
from zope.sendmail.maildir import Maildir
from zope.sendmail.queue import QueueProcessorThread

import atexit
import contextlib
import logging
import os
import tempfile
import threading
import time
import transaction


logger = logging.getLogger(__name__)

PRODUCT = "vaasa.somementor"
# zope.sendmail's own pace: a look into the queue every few seconds costs a directory listing.
INTERVAL = 3.0
# After a failed delivery the queue rests, so an outage logs one error a minute, not one a pass.
RETRY_DELAY = 60.0
# Listings of a queue that other instances keep emptying, before giving up until the next pass.
LISTING_TRIES = 5
# The Site Setup → Mail fields the SMTP connection is made from.
CONNECTION = ("smtp_host", "smtp_port", "smtp_userid", "smtp_pass")

_temporary = None
_temporary_lock = threading.Lock()


def _product_config():
    config = getattr(getConfiguration(), "product_config", None) or {}
    return config.get(PRODUCT) or {}


def _seconds(name, default):
    value = _product_config().get(name)
    if value is None:
        return default
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = 0
    if seconds <= 0:
        logger.warning("%s %s: %r is no number of seconds; using %s", PRODUCT, name, value, default)
        return default
    return seconds


def interval():
    """Seconds between two looks into the queue."""
    return _seconds("mail-queue-interval", INTERVAL)


def retry_delay():
    """Seconds the queue rests after a delivery failed."""
    return _seconds("mail-retry-delay", RETRY_DELAY)


def directory():
    """Where the queue lives: ``mailqueue`` in the instance's var directory (clienthome)."""
    clienthome = getattr(getConfiguration(), "clienthome", None)
    if clienthome and os.path.isdir(clienthome):
        return os.path.join(os.path.abspath(clienthome), "mailqueue")
    return _temporary_directory()


def _temporary_directory():
    # zope.conf always names an existing clienthome; only tests and bare scripts lack one.
    # One directory per process, so two runs never send each other's mail.
    global _temporary
    with _temporary_lock:
        if _temporary is None:
            _temporary = tempfile.mkdtemp(prefix="vaasa.somementor-mailqueue-")
            atexit.register(_remove_if_empty, _temporary)
            logger.warning("No Zope var directory: mail is queued in %s", _temporary)
    return _temporary


def _remove_if_empty(path):
    for name in ("cur", "new", "tmp", ""):
        with contextlib.suppress(OSError):  # holds mail, or is gone already
            os.rmdir(os.path.join(path, name))


def ensure(path):
    """Create the maildir (``cur``, ``new``, ``tmp``), readable by this user only."""
    os.makedirs(path, mode=0o700, exist_ok=True)
    for name in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(path, name), mode=0o700, exist_ok=True)


def is_maildir(path):
    return bool(path) and all(
        os.path.isdir(os.path.join(path, name)) for name in ("cur", "new", "tmp")
    )


def use(mailhost):
    """Switch the MailHost to the queue in var/mailqueue; return the queue's path.

    A queue the MailHost already has (say, set up in the ZMI) is kept.
    """
    if getattr(aq_base(mailhost), "smtp_queue", False):
        current = mailhost.smtp_queue_directory
        if is_maildir(current):
            return current
    path = directory()
    ensure(path)
    mailhost.smtp_queue = True
    mailhost.smtp_queue_directory = path
    logger.info("Mail goes through the queue in %s", path)
    return path


def queued(mailhost):
    return bool(getattr(aq_base(mailhost), "smtp_queue", False))


class _Attempt:
    """The SMTP mailer, telling the queue thread when a delivery failed."""

    def __init__(self, mailer, thread):
        self.mailer = mailer
        self.thread = thread

    def send(self, fromaddr, toaddrs, message):
        try:
            self.mailer.send(fromaddr, toaddrs, message)
        except Exception:
            self.thread.failed = True
            raise


class SharedMaildir(Maildir):
    """A maildir whose mails other Zope instances may be sending at the same time.

    Every instance of a site on one database (ZEO, RelStorage) queues into the
    directory its MailHost names, and each runs a queue thread on it. zope.sendmail
    claims each mail with a hard link, so each is sent once, but it lists the mails
    and then reads their times: a mail another instance sent in between is gone,
    and the FileNotFoundError would end this instance's queue thread for good.
    """

    def __iter__(self):
        for _ in range(LISTING_TRIES):
            try:
                return super().__iter__()
            except FileNotFoundError:
                continue  # list again, without the mail just sent
        return iter(())  # the next pass, a few seconds later


class QueueProcessor(QueueProcessorThread):
    """zope.sendmail's queue thread, retrying a failed delivery after ``retry_delay`` seconds."""

    failed = False

    def __init__(self, interval=INTERVAL, retry_delay=RETRY_DELAY):
        super().__init__(interval)
        self.name = f"{PRODUCT} mail queue"
        self.retry_delay = retry_delay
        self.resting_until = 0.0

    def setMailer(self, mailer):
        super().setMailer(_Attempt(mailer, self))

    def _makeMaildir(self, path):
        return SharedMaildir(path, True)

    def _process_one_file(self, filename):
        if time.monotonic() < self.resting_until:
            return
        self.failed = False
        super()._process_one_file(filename)  # logs what went wrong, never raises
        if self.failed and os.path.exists(filename):
            try:
                self._release(filename)
            except Exception:
                # An exception here would end the thread, and with it all delivery.
                logger.exception("Could not release %s for the next try", filename)

    def _release(self, filename):
        # The lock zope.sendmail took for this attempt; left in place it holds the mail 3 hours.
        head, tail = os.path.split(filename)
        self._unlink_if_exists(os.path.join(head, ".sending-" + tail))
        self.resting_until = time.monotonic() + self.retry_delay
        logger.warning("Mail stays in the queue; next try in %g s", self.retry_delay)


def start(mailhost):
    """Run the add-on's queue thread for the MailHost's queue, with today's SMTP settings.

    Needs the site set (``setSite``): Plone makes every SMTP mailer from the
    registry's Site Setup → Mail records, not from the MailHost's attributes.
    Return the thread, or None when the MailHost has no queue or
    ``MAILHOST_QUEUE_ONLY`` leaves the sending to another process.
    """
    if not queued(mailhost) or os.environ.get("MAILHOST_QUEUE_ONLY"):
        return None
    path = mailhost.smtp_queue_directory
    ensure(path)
    mailer = mailhost._makeMailer()
    key = mailhost._getThreadKey()
    with MailBase.lock:  # Products.MailHost's, around its own start and stop
        thread = queue_threads.get(key)
        if isinstance(thread, QueueProcessor) and thread.is_alive():
            # The settings may have changed in Site Setup → Mail since it started.
            thread.setMailer(mailer)
            return thread
        if thread is not None:
            # Products.MailHost's own thread: it would hold a failed mail three hours.
            thread.stop()
        thread = QueueProcessor(interval(), retry_delay())
        thread.setMailer(mailer)
        thread.setQueuePath(path)
        thread.start()
        queue_threads[key] = thread
    logger.info("Mail queue thread for %s started", key)
    return thread


def stop(path):
    """Stop the queue thread of the queue in ``path``, if one runs."""
    with MailBase.lock:
        thread = queue_threads.pop(os.path.realpath(path), None)
    if thread is not None:
        thread.stop()
        thread.join(thread.interval + 10)


def installed(site):
    """Whether the add-on is installed in the site: its control panel records are there."""
    registry = getattr(aq_base(site), "portal_registry", None)
    if registry is None:
        return False
    prefix = ISettings.__identifier__
    return any(f"{prefix}.{name}" in registry.records for name in ISettings.names())


def _start_in(site):
    previous = getSite()
    setSite(site)
    try:
        return start(site.MailHost)
    finally:
        setSite(previous)


def start_at_startup(event):
    """After a restart, send what waited in the queue, without waiting for a new mail.

    Products.MailHost starts its queue thread only when something is sent.
    Subscriber of IDatabaseOpenedWithRoot; Plone sites at the top of the
    database that have the add-on and a queue are started.
    """
    manager = transaction.TransactionManager()
    connection = event.database.open(transaction_manager=manager)
    try:
        app = connection.root()["Application"]
        for site in app.objectValues():
            if not (IPloneSiteRoot.providedBy(site) and installed(site)):
                continue
            if not queued(getattr(site, "MailHost", None)):
                continue
            try:
                _start_in(site)
            except Exception:
                # Never stop Zope from starting: mail then starts with the next send.
                logger.exception("Could not start the mail queue of %s", site.getId())
    except Exception:
        logger.exception("Could not look for mail queues to start")
    finally:
        manager.abort()
        connection.close()


def mail_settings_changed(settings, event):
    """Site Setup → Mail changed the SMTP server: mail already queued goes to the new one.

    Subscriber of (IMailSchema, IRecordModifiedEvent); acts once the change is committed.
    """
    if event.record.__name__.rsplit(".", 1)[-1] not in CONNECTION:
        return
    site = getSite()
    if site is None or not installed(site) or not queued(getattr(site, "MailHost", None)):
        return
    txn = transaction.get()
    if not any(hook is _restart_after_commit for hook, _, _ in txn.getAfterCommitHooks()):
        txn.addAfterCommitHook(_restart_after_commit, args=(site,))


def _restart_after_commit(success, site):
    if not success:
        return
    try:
        _start_in(site)
    except Exception:
        logger.exception("Could not give the mail queue the new SMTP settings")
