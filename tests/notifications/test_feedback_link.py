"""The completion mail takes the requester straight to the feedback form of their status page."""

from mail_helpers import body
from mail_helpers import REQUESTER
from mail_helpers import schedule
from plone import api


def complete(loan, outbox):
    """Only the completion mail is left in the outbox."""
    api.content.transition(loan, transition="approve")
    schedule(loan)
    loan.outcome, loan.hours_spent = "Page set up.", 2.0
    outbox.reset()
    api.content.transition(loan, transition="complete")


def test_completion_mail_links_to_the_feedback_form(outbox, make_loan):
    loan = make_loan(_status_token="tok-456")
    complete(loan, outbox)
    text = body(outbox.by_address()[REQUESTER])
    link = text.split("Please tell us how it went: ")[1].split()[0]
    assert link.endswith("/@@loan-status/tok-456#feedback")


def test_other_mails_link_to_the_page_itself(outbox, make_loan):
    make_loan(_status_token="tok-789")
    text = body(outbox.by_address()[REQUESTER])
    assert text.split("Follow your request here: ")[1].split()[0].endswith("/@@loan-status/tok-789")


def test_no_feedback_paragraph_without_a_status_link(outbox, make_loan):
    loan = make_loan()
    complete(loan, outbox)
    assert "Please tell us how it went" not in body(outbox.by_address()[REQUESTER])
