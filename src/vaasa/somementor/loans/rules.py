"""What must be true before a loan request moves on. Checked at the moment of the transition."""

from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from vaasa.somementor import _
from vaasa.somementor import zone
from vaasa.somementor.content.loan_request import assigned_mentor
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.loans import bookings
from vaasa.somementor.loans import ledger
from zope.globalrequest import getRequest
from zope.i18n import translate


def refuse(message):
    """Stop the transition with ``message``, in the language of whoever asked.

    plone.restapi and the Classic UI show ``str()`` of the exception, so it is
    translated here, where the request is known.
    """
    raise WorkflowException(translate(message, context=getRequest()))


def _missing(loan, names):
    missing = [name for name in names if getattr(loan, name, None) in (None, "")]
    if missing:
        titles = ", ".join(
            translate(ILoanRequest[name].title, context=getRequest()) for name in missing
        )
        refuse(_("Fill in first: ${fields}.", mapping={"fields": titles}))


def _mentor_or_refuse(loan):
    mentor = assigned_mentor(loan)
    if mentor is None:
        refuse(_("Choose the mentor to lend before approving."))
    return mentor


def taking_loans(mentor):
    return bool(mentor.active) and api.content.get_state(mentor) != "retired"


def not_taking_loans(mentor):
    return _("${name} is not taking loans at the moment.", mapping={"name": mentor.title})


def _decide_for(mentor, loan, transition):
    """Serialise the decision with any other for the same person (see loans.ledger)."""
    ledger.record(bookings.person(mentor), loan.UID(), transition)


def check_approve(loan, comment):
    mentor = _mentor_or_refuse(loan)
    _decide_for(mentor, loan, "approve")
    if not taking_loans(mentor):
        refuse(not_taking_loans(mentor))
    month = bookings.loan_month(loan)
    booked = bookings.booked_in_month(mentor, month, exclude=loan.UID())
    maximum = bookings.monthly_maximum(mentor)
    if len(booked) >= maximum:
        year, number = month.split("-")
        refuse(
            _(
                "${name} has reached the monthly maximum of loans (${maximum}) in ${month}.",
                mapping={
                    "name": mentor.title,
                    "maximum": maximum,
                    "month": f"{int(number)}/{year}",
                },
            )
        )


def check_reject(loan, comment):
    if not (comment or "").strip():
        refuse(_("Give the reason for the rejection as the comment."))


def check_schedule(loan, comment):
    _missing(loan, ("scheduled_start", "scheduled_end", "place"))
    if zone.local(loan.scheduled_end) <= zone.local(loan.scheduled_start):
        refuse(_("The scheduled end must be after the start."))
    mentor = _mentor_or_refuse(loan)
    _decide_for(mentor, loan, "schedule")
    clashes = bookings.overlapping(
        mentor, loan.scheduled_start, loan.scheduled_end, exclude=loan.UID()
    )
    if clashes:
        refuse(
            _(
                "${name} is already lent out at that time: ${other}.",
                mapping={"name": mentor.title, "other": clashes[0].Title},
            )
        )


def check_complete(loan, comment):
    _missing(loan, ("outcome", "hours_spent"))


CHECKS = {
    "approve": check_approve,
    "reject": check_reject,
    "schedule": check_schedule,
    "complete": check_complete,
}


def check(loan, transition, comment=""):
    """Refuse ``transition`` on ``loan`` with a message if its rule is not met."""
    rule = CHECKS.get(transition)
    if rule is not None:
        rule(loan, comment)
