"""Who hears about what happens to a loan request; notifications/ writes and sends the mail."""

from vaasa.somementor.exportimport import importing
from vaasa.somementor.loans.bookings import BOOKED_STATES
from vaasa.somementor.notifications.dispatch import notify


# transition id → (mail kind, recipient roles)
TRANSITIONS = {
    "approve": ("approved", ("requester", "mentor")),
    "reject": ("rejected", ("requester", "mentor")),
    "schedule": ("scheduled", ("requester", "mentor")),
    "complete": ("completed", ("requester",)),
    "cancel": ("cancelled", ("requester", "mentor", "coordinator")),
}


def loan_submitted(loan, event):
    # An import restores requests people were told of long ago: nobody hears of them again.
    if importing():
        return
    notify(loan, "submitted", ("coordinator", "requester"))


def loan_transitioned(loan, event):
    # The workflow also fires this event without a transition, when it first sets the state.
    if event.transition is None or event.transition.id not in TRANSITIONS or importing():
        return
    kind, roles = TRANSITIONS[event.transition.id]
    if kind == "cancelled" and event.old_state.id not in BOOKED_STATES:
        # The mentor hears of a request only once it is approved; before that, nothing ends.
        roles = tuple(role for role in roles if role != "mentor")
    notify(loan, kind, roles, comment=(event.kwargs or {}).get("comment", ""))
