"""What must be true before a training moves on."""

from vaasa.somementor import _
from vaasa.somementor.loans.rules import refuse
from vaasa.somementor.registrations import attendance


def check(training, transition, comment=""):
    if transition == "complete":
        # The coordinator's attendance list gives the count, unless one was typed in.
        attendance.fill_participants(training)
    # A held training counts in the funder's statistics, so it needs its figure.
    if transition == "complete" and training.participants is None:
        refuse(_("Record the number of participants before marking the training as held."))
