"""One mail for one recipient, written in their language."""

from email import charset
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from vaasa.somementor.notifications import ics
from vaasa.somementor.notifications import messages
from vaasa.somementor.notifications import text


# Quoted-printable keeps the Finnish and Swedish text readable in the raw mail.
UTF8 = charset.Charset("utf-8")
UTF8.body_encoding = charset.QP


def _calendar_part(loan, mapping, language):
    part = MIMEText(ics.calendar(loan, mapping, language).decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", "PUBLISH")
    part.add_header("Content-Disposition", "attachment", filename="somementor.ics")
    return part


def headers(message, subject, address, language):
    """The headers every mail of the add-on has; ``subject`` is already in ``language``."""
    # People type their own names and units: keep the subject on one line.
    message["Subject"] = Header(" ".join(subject.split()), "utf-8")
    # The bare address: MailHost takes the envelope from this header, and a queued
    # MailHost splits its recipient list on commas, which a name may contain.
    message["To"] = address
    message["Content-Language"] = language
    # RFC 3834: out-of-office replies should not answer a machine.
    message["Auto-Submitted"] = "auto-generated"
    return message


def plain(body, mapping, language):
    """A text mail of ``body``'s paragraphs, filled in and translated."""
    return MIMEText(text.paragraphs(body, mapping, language) + "\n", "plain", UTF8)


def compose(loan, kind, recipient, comment=""):
    # The classic email.mime API: MailHost rewrites headers with it, and EmailMessage's
    # default policy rejects those rewrites.
    mail = messages.MAILS[kind, recipient.role]
    mapping = messages.mapping(loan, recipient, comment)
    language = recipient.language
    message = plain(mail.body, mapping, language)
    if mail.calendar:
        body, message = message, MIMEMultipart()
        message.attach(body)
        message.attach(_calendar_part(loan, mapping, language))
    return headers(message, text.fill(mail.subject, mapping, language), recipient.email, language)
