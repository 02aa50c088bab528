"""Workflow transitions ask the domain rules first; a refusal stops the transition."""

from vaasa.somementor import trainings
from vaasa.somementor.exportimport import importing
from vaasa.somementor.loans import rules


def _comment(event):
    return (event.kwargs or {}).get("comment", "")


def check_loan(loan, event):
    # An import replays decisions taken under the old site's rules: they stand.
    if event.transition is not None and not importing():
        rules.check(loan, event.transition.id, _comment(event))


def check_training(training, event):
    if event.transition is not None and not importing():
        trainings.check(training, event.transition.id, _comment(event))
