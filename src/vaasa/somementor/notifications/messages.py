"""What each mail says: per event kind and recipient role, a subject and paragraphs.

A paragraph is left out when one of its ${placeholders} has no value, so
optional facts (a phone number, a reason, the private status link) need no
templates of their own.
"""

from typing import NamedTuple
from vaasa.somementor import _
from vaasa.somementor.content.loan_readers import meeting_link
from vaasa.somementor.content.loan_request import assigned_mentor
from vaasa.somementor.loans import comments
from vaasa.somementor.loans import desk
from vaasa.somementor.loans import feedback
from vaasa.somementor.notifications import times


class Mail(NamedTuple):
    subject: object
    body: tuple
    calendar: bool = False  # attach the loan as an .ics file


GREETING = _("Hello ${recipient},")
SIGNATURE = _("Borrow a SoMe mentor · Vaasa city library")
STATUS = _("Follow your request here: ${status_url}")
REASON = _("Reason: ${comment}")
COMMENT = _("Comment: ${comment}")
NEED = _("What they need help with: ${need}")
PREFERRED = _("Preferred mentor: ${mentor}")
CONTACT = _("Contact: ${name}, ${email}")
PHONE = _("Phone: ${phone}")
WHEN = _("Time: ${when}")
PLACE = _("Place or meeting link: ${place}")
ATTACHED = _("The attached calendar file adds the meeting to your calendar.")
REQUEST = _("The request: ${url}")
FEEDBACK = _("Please tell us how it went: ${feedback_url}")

CALENDAR_SUMMARY = _("SoMe mentor ${mentor} · ${organisation}")
CALENDAR_LINK = _("Meeting link: ${meeting_link}")
CALENDAR_DESCRIPTION = (NEED, CALENDAR_LINK, REQUEST)

MAILS = {
    ("submitted", "requester"): Mail(
        _("We received your request for a SoMe mentor"),
        (
            GREETING,
            _(
                "Thank you for your request to borrow a SoMe mentor. A coordinator will "
                "handle it, and we will let you know by email."
            ),
            PREFERRED,
            STATUS,
            SIGNATURE,
        ),
    ),
    ("submitted", "coordinator"): Mail(
        _("New loan request from ${organisation}"),
        (
            _("${name} (${organisation}) asks to borrow a SoMe mentor."),
            NEED,
            PREFERRED,
            CONTACT,
            PHONE,
            _(
                "What to do: approve the request and choose a mentor, or reject it and "
                "give the reason. The request on the loan requests page: ${url}"
            ),
            SIGNATURE,
        ),
    ),
    ("approved", "requester"): Mail(
        _("Your SoMe mentor request is approved"),
        (
            GREETING,
            _(
                "Your request is approved: ${mentor} will be your SoMe mentor and will "
                "contact you to agree on the time and place."
            ),
            STATUS,
            SIGNATURE,
        ),
    ),
    ("approved", "mentor"): Mail(
        _("You are lent to ${organisation}"),
        (
            GREETING,
            _(
                "A coordinator has approved a request to borrow you as a SoMe mentor. "
                "Please contact the requester to agree on the time and place."
            ),
            NEED,
            CONTACT,
            PHONE,
            _(
                "Then record the time and the place or meeting link on the request, "
                "and press Schedule: ${url}"
            ),
            SIGNATURE,
        ),
    ),
    ("rejected", "requester"): Mail(
        _("Your SoMe mentor request was not approved"),
        (
            GREETING,
            _("We are sorry, but we cannot lend a SoMe mentor for your request."),
            REASON,
            SIGNATURE,
        ),
    ),
    ("rejected", "mentor"): Mail(
        _("The request from ${organisation} was rejected"),
        (
            GREETING,
            _(
                "The request from ${organisation} that named you as the mentor was "
                "rejected. You do not need to do anything."
            ),
            REASON,
            SIGNATURE,
        ),
    ),
    ("scheduled", "requester"): Mail(
        _("Your SoMe mentor loan is scheduled: ${when}"),
        (
            GREETING,
            _("Your meeting with ${mentor} is scheduled."),
            WHEN,
            PLACE,
            ATTACHED,
            STATUS,
            SIGNATURE,
        ),
        calendar=True,
    ),
    ("scheduled", "mentor"): Mail(
        _("Time scheduled: you are lent to ${organisation}, ${when}"),
        (
            GREETING,
            _("The time is scheduled: you are lent as a SoMe mentor to ${name} (${organisation})."),
            WHEN,
            PLACE,
            CONTACT,
            PHONE,
            ATTACHED,
            REQUEST,
            SIGNATURE,
        ),
        calendar=True,
    ),
    ("completed", "requester"): Mail(
        _("Thank you for borrowing a SoMe mentor"),
        (
            GREETING,
            _("Your loan with ${mentor} is marked as completed. We hope it helped."),
            FEEDBACK,
            SIGNATURE,
        ),
    ),
    ("cancelled", "requester"): Mail(
        _("Your SoMe mentor request is cancelled"),
        (
            GREETING,
            _("Your request to borrow a SoMe mentor is cancelled."),
            COMMENT,
            SIGNATURE,
        ),
    ),
    ("cancelled", "mentor"): Mail(
        _("Cancelled: your loan to ${organisation}"),
        (
            GREETING,
            _("You are no longer lent to ${name} (${organisation}): the loan is cancelled."),
            WHEN,
            COMMENT,
            REQUEST,
            SIGNATURE,
        ),
    ),
    ("cancelled", "coordinator"): Mail(
        _("Loan request from ${organisation} cancelled"),
        (
            _("The request from ${name} (${organisation}) is cancelled."),
            COMMENT,
            REQUEST,
            SIGNATURE,
        ),
    ),
    ("reminder", "requester"): Mail(
        _("Reminder: SoMe mentor ${when}"),
        (
            GREETING,
            _("A reminder of your meeting with ${mentor}."),
            WHEN,
            PLACE,
            STATUS,
            SIGNATURE,
        ),
    ),
    ("reminder", "mentor"): Mail(
        _("Reminder: you are lent to ${organisation}, ${when}"),
        (
            GREETING,
            _("A reminder: you are lent as a SoMe mentor to ${name} (${organisation})."),
            WHEN,
            PLACE,
            CONTACT,
            PHONE,
            REQUEST,
            SIGNATURE,
        ),
    ),
}


def _status_url(loan):
    # Imported late: loans.tokens belongs to the borrow form and may change with it.
    from vaasa.somementor.loans import tokens

    return tokens.status_url(loan)


def _staff_url(loan, recipient):
    if recipient.role == "coordinator":
        return desk.desk_url(loan, recipient.language)
    return loan.absolute_url()


def _feedback_url(status_url):
    # Straight to the form, which sits below the request's details.
    return f"{status_url}#{feedback.ANCHOR}" if status_url else ""


def mapping(loan, recipient, comment=""):
    """The facts a mail may name, in the recipient's language, for the recipient's role."""
    mentor = assigned_mentor(loan)
    start, end = loan.scheduled_start, loan.scheduled_end
    private = recipient.role == "requester"
    status_url = (_status_url(loan) or "") if private else ""
    return {
        "recipient": recipient.name,
        "name": loan.requester_name or "",
        "organisation": loan.organisation or "",
        "email": loan.requester_email or "",
        "phone": getattr(loan, "requester_phone", None) or "",
        "need": loan.need or "",
        "mentor": mentor.title if mentor is not None else "",
        "when": times.span(start, end, recipient.language) if start and end else "",
        "place": loan.place or "",
        "meeting_link": meeting_link(loan.place),
        # The requester has only the private link. A coordinator lands on the request's
        # row of the desk, where it is approved with the mentors' months in view.
        "url": "" if private else _staff_url(loan, recipient),
        "status_url": status_url,
        # The requester gives feedback on the status page: they have no account.
        "feedback_url": _feedback_url(status_url),
        # The system's own comments are msgids, read in the recipient's language.
        "comment": comments.localized(comment, recipient.language),
    }
