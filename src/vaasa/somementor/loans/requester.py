"""What a requester may see and do through their private status link.

The status page asks these, and so will every other way a requester follows
their request: the rules are the workflow's and the programme's, not a page's.
"""

from plone import api
from vaasa.somementor.content.loan_readers import meeting_link
from vaasa.somementor.content.loan_request import assigned_mentor


# The requester learns who their mentor is once a coordinator has lent one.
MENTOR_NAMED_STATES = ("approved", "scheduled", "completed")
# When and where are settled only by scheduling.
TIME_SHOWN_STATES = ("scheduled", "completed")


def _state(loan):
    return api.content.get_state(loan)


def can_cancel(loan):
    """Whether the loan workflow leaves its present state by ``cancel``."""
    workflow = api.portal.get_tool("portal_workflow")
    state = _state(loan)
    return any(
        state in definition.states and "cancel" in definition.states[state].transitions
        for definition in workflow.getWorkflowsFor(loan)
    )


def cancel(loan, comment):
    """Withdraw the request for its requester; False if it is no longer open."""
    if not can_cancel(loan):
        return False
    # The visitor holds no role on the request; the token stands in for this one action.
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(loan, transition="cancel", comment=comment)
    return True


def mentor_shown(loan):
    """The mentor the requester may be told about, or None."""
    return assigned_mentor(loan) if _state(loan) in MENTOR_NAMED_STATES else None


def time_settled(loan):
    return _state(loan) in TIME_SHOWN_STATES and bool(loan.scheduled_start)


def meeting_link_shown(loan):
    """The web meeting's address to open, once the loan is scheduled there; else ''."""
    return meeting_link(loan.place) if time_settled(loan) else ""


def calendar_offered(loan):
    """Whether the requester may download the loan for their calendar."""
    return time_settled(loan) and bool(loan.scheduled_end)
