"""Catalog values of a loan request that the funder's statistics count.

``loan_steps`` says on which day (in the site's zone) the request reached each
workflow state, so the figures of a period come from brains, and a request
approved in June counts in June whatever happened to it later.
"""

from plone.indexer import indexer
from vaasa.somementor import zone
from vaasa.somementor.content.loan_request import ILoanRequest


WORKFLOW = "somementor_loan_workflow"


@indexer(ILoanRequest)
def loan_hours(obj):
    return getattr(obj, "hours_spent", None)


@indexer(ILoanRequest)
def loan_rating(obj):
    return getattr(obj, "feedback_rating", None)


def _day(moment):
    return zone.local(moment.asdatetime()).date().isoformat()


@indexer(ILoanRequest)
def loan_steps(obj):
    """``{state: "YYYY-MM-DD"}``, the first day the request was in each state it has seen.

    The creation counts as the day of "submitted". The first day, not the last: a
    figure reported for a period must not move when the request moves on later.
    """
    history = (getattr(obj, "workflow_history", None) or {}).get(WORKFLOW, ())
    steps = {}
    for entry in history:
        state, moment = entry.get("review_state"), entry.get("time")
        if state and moment is not None and state not in steps:
            steps[state] = _day(moment)
    created = obj.created()
    if created is not None:
        steps.setdefault("submitted", _day(created))
    # Text, not dates: metadata is pickled into every brain, and text is the smallest.
    return steps
