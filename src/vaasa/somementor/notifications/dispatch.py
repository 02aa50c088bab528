"""The way in: mail the people in some roles about what happened to a loan."""

from vaasa.somementor.notifications import recipients
from vaasa.somementor.notifications import render
from vaasa.somementor.notifications import send
from vaasa.somementor.settings import setting

import logging


logger = logging.getLogger(__name__)

# The control panel switches, per recipient role.
SWITCHES = {
    "requester": "notify_requesters",
    "mentor": "notify_mentors",
    "coordinator": "notify_coordinators",
}


def reaches(role):
    """Whether mail to people in ``role`` really goes out: its switch is on and mail is set up.

    A mail that goes out may still wait in the queue until the SMTP server answers.
    """
    return bool(setting(SWITCHES[role])) and send.mail_ready()


def notify(loan, kind, roles, comment=""):
    """Queue one mail per recipient; return how many, or None when mail is not set up."""
    roles = [role for role in roles if setting(SWITCHES[role])]
    if not roles:
        return 0
    if not send.mail_ready():
        # A fresh or demo site has no mail server: the workflow must still work.
        logger.warning(
            "Mail is not set up (Site Setup → Mail): no %r mail about %s",
            kind,
            "/".join(loan.getPhysicalPath()),
        )
        return None
    mails = [
        render.compose(loan, kind, recipient, comment) for recipient in recipients.of(loan, roles)
    ]
    send.send(mails)
    return len(mails)
