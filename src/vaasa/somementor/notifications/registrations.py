"""Mail to the person who signed up for a training, in the language they chose.

Sent through the same queue as the loan mails (``send``): written to the queue
when the transaction commits, dropped if it aborts, so a retried sign-up never
mails twice. The meeting link of a remote training is only ever in these mails
and on the registrant's private page.
"""

from vaasa.somementor import _
from vaasa.somementor.notifications import render
from vaasa.somementor.notifications import send
from vaasa.somementor.notifications import text
from vaasa.somementor.notifications import times
from vaasa.somementor.notifications.messages import GREETING
from vaasa.somementor.notifications.messages import Mail
from vaasa.somementor.notifications.messages import WHEN
from vaasa.somementor.registrations import events
from vaasa.somementor.registrations import store
from vaasa.somementor.settings import setting

import logging


logger = logging.getLogger(__name__)

# Registrants are visitors like the loan requesters: the same control panel switch.
SWITCH = "notify_requesters"

SIGNATURE = _("SoMe mentor trainings · Vaasa city library")
PLACE = _("Place: ${place}")
MEETING = _("Meeting link: ${meeting_link}")
LINK = _("Your registration, where you can also cancel it: ${registration_url}")

MAILS = {
    events.CONFIRMED: Mail(
        _("You are signed up: ${training}"),
        (
            GREETING,
            _("Thank you for signing up. Your place at ${training} is confirmed."),
            WHEN,
            PLACE,
            MEETING,
            LINK,
            SIGNATURE,
        ),
    ),
    events.WAITING: Mail(
        _("You are on the waiting list: ${training}"),
        (
            GREETING,
            _(
                "${training} is full, so you are on the waiting list, number ${position}. "
                "If a place becomes free, it is yours and we will tell you by email."
            ),
            WHEN,
            LINK,
            SIGNATURE,
        ),
    ),
    events.PROMOTED: Mail(
        _("A place became free: you are signed up for ${training}"),
        (
            GREETING,
            _("A place at ${training} became free, and it is yours: your place is confirmed."),
            WHEN,
            PLACE,
            MEETING,
            LINK,
            SIGNATURE,
        ),
    ),
    events.CANCELLED: Mail(
        _("Your registration is cancelled: ${training}"),
        (
            GREETING,
            _("Your registration for ${training} is cancelled."),
            WHEN,
            SIGNATURE,
        ),
    ),
}


def mapping(training, record):
    """The facts a registrant's mail may name, in their language."""
    language = record["language"]
    page = store.version_in(training, language)
    books = store.registrations(training)
    position = books.position(record) if books is not None else None
    confirmed = record["state"] == store.CONFIRMED
    remote = getattr(training, "training_format", None) == "remote"
    start, end = getattr(training, "start", None), getattr(training, "end", None)
    return {
        "recipient": record["name"],
        "training": page.Title(),
        "when": times.span(start, end, language) if start and end else "",
        "place": getattr(page, "location", None) or "",
        # Only for those with a seat: the link lets anyone into the meeting.
        "meeting_link": (getattr(training, "meeting_url", None) or "")
        if confirmed and remote
        else "",
        "position": str(position) if position else "",
        "registration_url": store.registration_url(training, record)
        if record["state"] in store.ACTIVE
        else "",
    }


def compose(training, record, kind):
    mail = MAILS[kind]
    facts = mapping(training, record)
    language = record["language"]
    message = render.plain(mail.body, facts, language)
    return render.headers(
        message, text.fill(mail.subject, facts, language), record["email"], language
    )


def reaches():
    """Whether the registrant's mail really goes out: its switch is on and mail is set up."""
    return bool(setting(SWITCH)) and send.mail_ready()


def registration_changed(event):
    if not setting(SWITCH):
        return
    if not send.mail_ready():
        # A fresh or demo site has no mail server: registration must still work.
        logger.warning(
            "Mail is not set up (Site Setup → Mail): no %r mail about %s",
            event.kind,
            "/".join(event.training.getPhysicalPath()),
        )
        return
    send.send([compose(event.training, event.record, event.kind)])
