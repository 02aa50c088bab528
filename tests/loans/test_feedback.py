"""The requester's feedback: once per request, only on a completed loan, within the field rules."""

from loans.conftest import at
from loans.conftest import schedule
from plone import api
from vaasa.somementor.content.loan_request import TEXT_LENGTH
from vaasa.somementor.loans import feedback

import pytest


@pytest.fixture
def completed(new_loan):
    loan = new_loan()
    api.content.transition(loan, transition="approve")
    schedule(loan, at(10, 9), at(10, 11))
    loan.outcome, loan.hours_spent = "Facebooksidan är uppe.", 2.0
    api.content.transition(loan, transition="complete")
    return loan


def refusal(loan, rating, comment=""):
    with pytest.raises(feedback.Refused) as caught:
        feedback.give_feedback(loan, rating, comment)
    return caught.value


def nothing_stored(loan):
    return loan.feedback_rating is None and not loan.feedback_comment


def test_feedback_stored_on_the_request(completed):
    assert feedback.can_give_feedback(completed)
    feedback.give_feedback(completed, "4", "  Tack, mycket nyttigt!\r\nVi fortsätter själva.  ")
    assert completed.feedback_rating == 4
    assert completed.feedback_comment == "Tack, mycket nyttigt!\r\nVi fortsätter själva."
    assert not feedback.can_give_feedback(completed)


def test_comment_may_stay_empty(completed):
    feedback.give_feedback(completed, 5, "")
    assert completed.feedback_rating == 5
    assert completed.feedback_comment is None


def test_feedback_given_only_once(completed):
    feedback.give_feedback(completed, "2", "Första intrycket.")
    refused = refusal(completed, "5", "Andra försöket.")
    assert refused.reason == feedback.ALREADY_GIVEN
    assert refused.message == "Feedback on this request has already been given. Thank you!"
    assert (completed.feedback_rating, completed.feedback_comment) == (2, "Första intrycket.")


def test_feedback_typed_in_by_staff_counts_as_given(completed):
    completed.feedback_comment = "Told us on the phone: very useful."
    assert refusal(completed, "5").reason == feedback.ALREADY_GIVEN


@pytest.mark.parametrize("state", ["submitted", "approved", "scheduled", "cancelled"])
def test_only_a_completed_loan_takes_feedback(new_loan, state):
    loan = new_loan()
    steps = {
        "approved": ["approve"],
        "scheduled": ["approve", "schedule"],
        "cancelled": ["cancel"],
    }
    for transition in steps.get(state, []):
        if transition == "schedule":
            schedule(loan, at(10, 9), at(10, 11))
        else:
            api.content.transition(loan, transition=transition)
    assert api.content.get_state(loan) == state
    assert not feedback.can_give_feedback(loan)
    refused = refusal(loan, "5")
    assert refused.reason == feedback.NOT_COMPLETED
    assert refused.message == "Feedback can be given once the loan is completed."
    assert nothing_stored(loan)


@pytest.mark.parametrize("rating", ["0", "6", "9", -1, 9, None, ""])
def test_rating_from_one_to_five(completed, rating):
    refused = refusal(completed, rating)
    assert refused.reason == feedback.INVALID
    assert refused.errors == {"feedback_rating": "Give a rating from 1 to 5."}
    assert nothing_stored(completed)


@pytest.mark.parametrize("rating", ["abc", "3.5", "1e1", True, ["3", "4"], 3.0])
def test_rating_of_the_wrong_kind(completed, rating):
    refused = refusal(completed, rating)
    assert refused.errors == {"feedback_rating": "Enter a whole number."}
    assert nothing_stored(completed)


@pytest.mark.parametrize("rating", ["1", "5", 1, 5])
def test_both_ends_of_the_scale(completed, rating):
    feedback.give_feedback(completed, rating, "")
    assert completed.feedback_rating == int(rating)


@pytest.mark.parametrize("comment", ["Tack\x00", "Bra\x1b[31m", "\x07"])
def test_control_characters_refused(completed, comment):
    refused = refusal(completed, "4", comment)
    assert refused.errors == {"feedback_comment": "Remove the control characters from the text."}
    assert nothing_stored(completed)


def test_line_breaks_and_tabs_kept(completed):
    feedback.give_feedback(completed, "4", "Rad ett\n\tRad två")
    assert completed.feedback_comment == "Rad ett\n\tRad två"


def test_comment_length_limit(completed):
    refused = refusal(completed, "4", "x" * (TEXT_LENGTH + 1))
    assert refused.errors == {"feedback_comment": f"Use at most {TEXT_LENGTH} characters."}
    assert nothing_stored(completed)
    feedback.give_feedback(completed, "4", "x" * TEXT_LENGTH)
    assert len(completed.feedback_comment) == TEXT_LENGTH


def test_comment_of_the_wrong_kind(completed):
    refused = refusal(completed, "4", ["a", "b"])
    assert refused.errors == {"feedback_comment": "Enter text."}


def test_every_error_at_once(completed):
    refused = refusal(completed, "abc", "\x00")
    assert set(refused.errors) == {"feedback_rating", "feedback_comment"}
    assert refused.message == "Check the marked fields."


def test_the_desk_sees_the_request_modified(completed):
    feedback.give_feedback(completed, "3", "")
    catalog = api.portal.get_tool("portal_catalog")
    [brain] = catalog.unrestrictedSearchResults(UID=completed.UID())
    assert brain.modified == completed.modified()
