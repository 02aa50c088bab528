"""Hand mails to the site's MailHost, which delivers them only when the transaction commits."""

from email.utils import formataddr
from email.utils import parseaddr
from plone import api


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
    mfrom = sender()
    for message in messages:
        # immediate=False joins the transaction: the mail leaves after the commit, and an
        # abort (a ConflictError before a retry, say) drops it, so a retry cannot send twice.
        mailhost.send(message, mfrom=mfrom, immediate=False, charset="utf-8")
