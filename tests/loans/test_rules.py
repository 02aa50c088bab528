"""The loan rules refuse a transition with a message, and the request stays where it was."""

from factories import training_fields
from loans.conftest import at
from loans.conftest import schedule
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException

import pytest


def refused(loan, transition, **kwargs):
    before = api.content.get_state(loan)
    # The workflow tool itself: plone.api would swap the message for a list of transitions.
    workflow = api.portal.get_tool("portal_workflow")
    with pytest.raises(WorkflowException) as caught:
        workflow.doActionFor(loan, transition, **kwargs)
    assert api.content.get_state(loan) == before
    return str(caught.value)


def test_approve_needs_a_mentor(new_loan):
    assert "Choose the mentor" in refused(new_loan(with_mentor=False), "approve")


def test_approve_refused_at_the_monthly_maximum(new_loan):
    api.content.transition(new_loan(), transition="approve")
    message = refused(new_loan(), "approve")
    assert message == "Erik Lindqvist has reached the monthly maximum of loans (1) in 2/2027."


def test_monthly_maximum_counts_only_that_month(new_loan):
    api.content.transition(new_loan(month="2027-02"), transition="approve")
    api.content.transition(new_loan(month="2027-03"), transition="approve")


def test_closed_loans_free_the_month(new_loan):
    first = new_loan()
    api.content.transition(first, transition="approve")
    api.content.transition(first, transition="cancel")
    api.content.transition(new_loan(), transition="approve")


def test_site_default_maximum_when_the_profile_has_none(new_loan, mentor):
    mentor.max_loans_per_month = None
    api.portal.set_registry_record("vaasa.somementor.interfaces.ISettings.monthly_maximum", 2)
    api.content.transition(new_loan(), transition="approve")
    api.content.transition(new_loan(), transition="approve")
    assert "monthly maximum" in refused(new_loan(), "approve")


def test_inactive_mentor_cannot_be_approved(new_loan, mentor):
    mentor.active = False
    assert "not taking loans" in refused(new_loan(), "approve")


def test_reject_needs_a_reason(new_loan):
    loan = new_loan()
    assert "reason" in refused(loan, "reject")
    assert "reason" in refused(loan, "reject", comment="   ")
    api.content.transition(loan, transition="reject", comment="Erik is away in February.")
    assert api.content.get_state(loan) == "rejected"


def test_schedule_needs_time_and_place(new_loan):
    loan = new_loan()
    api.content.transition(loan, transition="approve")
    message = refused(loan, "schedule")
    assert message == "Fill in first: Scheduled start, Scheduled end, Place or meeting link."


def test_double_booking_refused(new_loan, mentor):
    mentor.max_loans_per_month = 5
    first, second = new_loan(), new_loan()
    for loan in (first, second):
        api.content.transition(loan, transition="approve")
    schedule(first, at(10, 9), at(10, 11))
    second.scheduled_start, second.scheduled_end, second.place = at(10, 10), at(10, 12), "x"
    message = refused(second, "schedule")
    assert message.startswith("Erik Lindqvist is already lent out at that time")


def test_back_to_back_loans_are_fine(new_loan, mentor):
    mentor.max_loans_per_month = 5
    first, second = new_loan(), new_loan()
    for loan in (first, second):
        api.content.transition(loan, transition="approve")
    schedule(first, at(10, 9), at(10, 11))
    schedule(second, at(10, 11), at(10, 12))
    assert api.content.get_state(second) == "scheduled"


def test_complete_needs_outcome_and_hours(new_loan):
    loan = new_loan()
    api.content.transition(loan, transition="approve")
    schedule(loan, at(10, 9), at(10, 11))
    assert refused(loan, "complete") == "Fill in first: Outcome, Hours spent."
    loan.outcome, loan.hours_spent = "Facebook page set up.", 2.0
    api.content.transition(loan, transition="complete")
    assert api.content.get_state(loan) == "completed"


def test_training_held_needs_its_participants(programme):
    training = api.content.create(
        programme,
        "Training",
        **training_fields(),
    )
    api.content.transition(training, transition="publish")
    assert "number of participants" in refused(training, "complete")
    training.participants = 12
    api.content.transition(training, transition="complete")
    assert api.content.get_state(training) == "completed"


def test_state_menu_shows_the_refusal(new_loan, http_request):
    from plone.protect.authenticator import createToken
    from Products.statusmessages.interfaces import IStatusMessage
    from vaasa.somementor.interfaces import IBrowserLayer
    from zope.interface import alsoProvides

    alsoProvides(http_request, IBrowserLayer)
    loan = new_loan()
    http_request.form["_authenticator"] = createToken()
    view = loan.restrictedTraverse("@@content_status_modify")
    view("reject")
    messages = [m.message for m in IStatusMessage(http_request).show()]
    assert messages == ["Give the reason for the rejection as the comment."]
    assert api.content.get_state(loan) == "submitted"
