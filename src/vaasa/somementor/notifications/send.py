"""Hand mails to the site's MailHost: queued on disk at commit, sent by the queue thread."""

from email.utils import formataddr
from email.utils import parseaddr
from plone import api
from vaasa.somementor.notifications import mailqueue


def mail_ready():
    """Whether the site has a mail server and a sender, as Site Setup → Mail asks for."""
    smtp_host = api.portal.get_registry_record("plone.smtp_host", default=None)
    address = api.portal.get_registry_record("plone.email_from_address", default=None)
    return bool(smtp_host and address)


def sender():
    address = api.portal.get_registry_record("plone.email_from_address")
    name = api.portal.get_registry_record("plone.email_from_name", default=None) or ""
    formatted = formataddr((name, address))
    # formataddr can garble unusual names; the bare address always works.
    return formatted if parseaddr(formatted)[1] == address else address


def send(messages):
    mailhost = api.portal.get_tool("MailHost")
    # Before MailHost.send, which would start Products.MailHost's own queue thread instead.
    mailqueue.start(mailhost)
    mfrom = sender()
    for message in messages:
        # immediate=False joins the transaction: with the queue, the mail is written to the
        # queue when the transaction commits, and an abort (a ConflictError before a retry,
        # say) drops it, so a retry cannot send twice. The SMTP server is talked to only by
        # the queue thread, so a server that is down fails no request.
        mailhost.send(message, mfrom=mfrom, immediate=False, charset="utf-8")
