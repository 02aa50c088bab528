# ruff: noqa: E501  (the table's widest rows pass the line limit)
"""Who may do what: one table for every type x state x persona.

The expectations come from the issue, not from the workflow XML:

* Nobody anonymous ever sees a LoanRequest. The requester (Owner) sees their
  own request in every state and edits it only while it is submitted. The
  assigned mentor sees it from approved on: a request rejected or cancelled
  before approval stays hidden from the mentor it only wished for.
  Coordinators see and manage all.
* The requester's own data (name, contacts, organisation, municipality, need,
  consent) is changed by the requester while submitted and by coordinators;
  never by the mentor, who plans and reports the loan.
* Coordinators see a request's whole history (who did what, when, comments);
  so does the assigned mentor, from approved on.
* Linking a Plone user to a Mentor profile lets that user edit their own
  profile. A retired mentor is hidden from the public and from listings;
  coordinators still see it.
* A draft training is for staff only; published, completed and cancelled
  trainings are public (cancelled: chosen public, so a cancellation is seen).

Personas:

Anonymous          not logged in
Member             a logged-in member with no relation to the object
Owner              the member who owns the object (the requester of a loan)
Mentor             the user named in a Mentor profile's ``user_id``: the local
                   role Mentor on that profile and on every LoanRequest naming
                   the profile. On Trainings and containers it is just a member.
MentorCoordinator  a member of the group mentor-coordinators
Manager            a user with the global role Manager

Columns: ``view`` = the permission View, ``edit`` = Modify portal content,
``data`` = may change the requester's fields (Modify portal content and
"vaasa.somementor: Edit requester data", the fields' write permission),
``history`` = sees the workflow history (``review_history``, i.e. plone.restapi's
``@workflow`` history and the workflow entries of ``@history``); ``.`` = not
asked of this type, left unchecked. ``transitions`` = the ids
``portal_workflow.getTransitionsFor`` lists for the user, i.e. those whose
guard passes. The domain rules (loans/rules.py, trainings.py) are checked when
a transition runs, not when it is listed; the fixtures fill in what they need
so that every listed transition also succeeds.

Choices the issue leaves open, decided here and kept in step with the XML:

* Mentor, retired: the linked mentor still *sees* their retired profile but no
  longer edits it; neither sees nor edits the Owner (in practice the
  coordinator who typed the profile in, who sees it as coordinator anyway).
* Mentor, published: retracting is for coordinators; the mentor and the
  owner may withdraw a profile only while it is pending.
* LoanRequest, rejected/cancelled: the fixtures reach these states through
  "approved", so a mentor was assigned and, "from approved on", sees them.
  ``rejected/submitted`` and ``cancelled/submitted`` are the same states reached
  straight from "submitted": the loan names only a *wished* mentor, who must
  not see it, as in "submitted". The part after ``/`` is the way, not the state.
* LoanRequest history: not for the requester, who follows the request on the
  status page; the history names staff and carries their internal comments.
* LoanRequest: the requester may cancel until the loan is completed; the
  assigned mentor schedules and completes; only coordinators approve/reject.
* Training, cancelled: public, editable by staff only (not the owner).
* Containers are made by staff: the Owner persona owns none of them. The
  directory and the programme are published (simple_publication_workflow),
  the loan desk is internal. Coordinators review only inside the
  mentor and training workflows ("Review portal content" is managed there, not
  granted site-wide), so they cannot unpublish the containers or other pages.
"""

from typing import NamedTuple


PERSONAS = ("Anonymous", "Member", "Owner", "Mentor", "MentorCoordinator", "Manager")

# fmt: off
TABLE = """
# type            state               persona           view edit data history transitions

Mentor            private             Anonymous         -    -    .    .       -
Mentor            private             Member            -    -    .    .       -
Mentor            private             Owner             yes  yes  .    .       submit
Mentor            private             Mentor            yes  yes  .    .       submit
Mentor            private             MentorCoordinator yes  yes  .    .       submit publish retire
Mentor            private             Manager           yes  yes  .    .       submit publish retire

Mentor            pending             Anonymous         -    -    .    .       -
Mentor            pending             Member            -    -    .    .       -
Mentor            pending             Owner             yes  yes  .    .       retract
Mentor            pending             Mentor            yes  yes  .    .       retract
Mentor            pending             MentorCoordinator yes  yes  .    .       publish retract retire
Mentor            pending             Manager           yes  yes  .    .       publish retract retire

Mentor            published           Anonymous         yes  -    .    .       -
Mentor            published           Member            yes  -    .    .       -
Mentor            published           Owner             yes  yes  .    .       -
Mentor            published           Mentor            yes  yes  .    .       -
Mentor            published           MentorCoordinator yes  yes  .    .       retract retire
Mentor            published           Manager           yes  yes  .    .       retract retire

Mentor            retired             Anonymous         -    -    .    .       -
Mentor            retired             Member            -    -    .    .       -
Mentor            retired             Owner             -    -    .    .       -
Mentor            retired             Mentor            yes  -    .    .       -
Mentor            retired             MentorCoordinator yes  yes  .    .       reactivate
Mentor            retired             Manager           yes  yes  .    .       reactivate

Training          draft               Anonymous         -    -    .    .       -
Training          draft               Member            -    -    .    .       -
Training          draft               Owner             yes  yes  .    .       -
Training          draft               Mentor            -    -    .    .       -
Training          draft               MentorCoordinator yes  yes  .    .       publish cancel
Training          draft               Manager           yes  yes  .    .       publish cancel

Training          published           Anonymous         yes  -    .    .       -
Training          published           Member            yes  -    .    .       -
Training          published           Owner             yes  yes  .    .       -
Training          published           Mentor            yes  -    .    .       -
Training          published           MentorCoordinator yes  yes  .    .       complete cancel retract
Training          published           Manager           yes  yes  .    .       complete cancel retract

Training          completed           Anonymous         yes  -    .    .       -
Training          completed           Member            yes  -    .    .       -
Training          completed           Owner             yes  yes  .    .       -
Training          completed           Mentor            yes  -    .    .       -
Training          completed           MentorCoordinator yes  yes  .    .       retract
Training          completed           Manager           yes  yes  .    .       retract

Training          cancelled           Anonymous         yes  -    .    .       -
Training          cancelled           Member            yes  -    .    .       -
Training          cancelled           Owner             yes  -    .    .       -
Training          cancelled           Mentor            yes  -    .    .       -
Training          cancelled           MentorCoordinator yes  yes  .    .       retract
Training          cancelled           Manager           yes  yes  .    .       retract

LoanRequest       submitted           Anonymous         -    -    -    -       -
LoanRequest       submitted           Member            -    -    -    -       -
LoanRequest       submitted           Owner             yes  yes  yes  -       cancel
LoanRequest       submitted           Mentor            -    -    -    -       -
LoanRequest       submitted           MentorCoordinator yes  yes  yes  yes     approve reject cancel
LoanRequest       submitted           Manager           yes  yes  yes  yes     approve reject cancel

LoanRequest       approved            Anonymous         -    -    -    -       -
LoanRequest       approved            Member            -    -    -    -       -
LoanRequest       approved            Owner             yes  -    -    -       cancel
LoanRequest       approved            Mentor            yes  yes  -    yes     schedule
LoanRequest       approved            MentorCoordinator yes  yes  yes  yes     schedule reject cancel
LoanRequest       approved            Manager           yes  yes  yes  yes     schedule reject cancel

LoanRequest       scheduled           Anonymous         -    -    -    -       -
LoanRequest       scheduled           Member            -    -    -    -       -
LoanRequest       scheduled           Owner             yes  -    -    -       cancel
LoanRequest       scheduled           Mentor            yes  yes  -    yes     complete
LoanRequest       scheduled           MentorCoordinator yes  yes  yes  yes     complete cancel
LoanRequest       scheduled           Manager           yes  yes  yes  yes     complete cancel

LoanRequest       completed           Anonymous         -    -    -    -       -
LoanRequest       completed           Member            -    -    -    -       -
LoanRequest       completed           Owner             yes  -    -    -       -
LoanRequest       completed           Mentor            yes  -    -    yes     -
LoanRequest       completed           MentorCoordinator yes  yes  yes  yes     -
LoanRequest       completed           Manager           yes  yes  yes  yes     -

LoanRequest       rejected            Anonymous         -    -    -    -       -
LoanRequest       rejected            Member            -    -    -    -       -
LoanRequest       rejected            Owner             yes  -    -    -       -
LoanRequest       rejected            Mentor            yes  -    -    yes     -
LoanRequest       rejected            MentorCoordinator yes  yes  yes  yes     -
LoanRequest       rejected            Manager           yes  yes  yes  yes     -

LoanRequest       cancelled           Anonymous         -    -    -    -       -
LoanRequest       cancelled           Member            -    -    -    -       -
LoanRequest       cancelled           Owner             yes  -    -    -       -
LoanRequest       cancelled           Mentor            yes  -    -    yes     -
LoanRequest       cancelled           MentorCoordinator yes  yes  yes  yes     -
LoanRequest       cancelled           Manager           yes  yes  yes  yes     -

LoanRequest       rejected/submitted  Anonymous         -    -    -    -       -
LoanRequest       rejected/submitted  Member            -    -    -    -       -
LoanRequest       rejected/submitted  Owner             yes  -    -    -       -
LoanRequest       rejected/submitted  Mentor            -    -    -    -       -
LoanRequest       rejected/submitted  MentorCoordinator yes  yes  yes  yes     -
LoanRequest       rejected/submitted  Manager           yes  yes  yes  yes     -

LoanRequest       cancelled/submitted Anonymous         -    -    -    -       -
LoanRequest       cancelled/submitted Member            -    -    -    -       -
LoanRequest       cancelled/submitted Owner             yes  -    -    -       -
LoanRequest       cancelled/submitted Mentor            -    -    -    -       -
LoanRequest       cancelled/submitted MentorCoordinator yes  yes  yes  yes     -
LoanRequest       cancelled/submitted Manager           yes  yes  yes  yes     -

MentorDirectory   published           Anonymous         yes  -    .    .       -
MentorDirectory   published           Member            yes  -    .    .       -
MentorDirectory   published           Owner             yes  -    .    .       -
MentorDirectory   published           Mentor            yes  -    .    .       -
MentorDirectory   published           MentorCoordinator yes  -    .    .       -
MentorDirectory   published           Manager           yes  yes  .    .       retract reject

TrainingProgramme published           Anonymous         yes  -    .    .       -
TrainingProgramme published           Member            yes  -    .    .       -
TrainingProgramme published           Owner             yes  -    .    .       -
TrainingProgramme published           Mentor            yes  -    .    .       -
TrainingProgramme published           MentorCoordinator yes  -    .    .       -
TrainingProgramme published           Manager           yes  yes  .    .       retract reject

LoanDesk          internal            Anonymous         -    -    .    .       -
LoanDesk          internal            Member            -    -    .    .       -
LoanDesk          internal            Owner             -    -    .    .       -
LoanDesk          internal            Mentor            -    -    .    .       -
LoanDesk          internal            MentorCoordinator yes  yes  .    .       -
LoanDesk          internal            Manager           yes  yes  .    .       -"""
# fmt: on


class Row(NamedTuple):
    portal_type: str
    state: str
    persona: str
    view: bool
    edit: bool
    data: bool | None
    history: bool | None
    transitions: frozenset

    @property
    def id(self):
        return f"{self.portal_type}-{self.state}-{self.persona}"

    @property
    def review_state(self):
        """The workflow state; ``rejected/submitted`` is rejected, reached from submitted."""
        return self.state.split("/")[0]


def _flag(text):
    if text not in ("yes", "-"):
        raise ValueError(f"view and edit are 'yes' or '-', not {text!r}")
    return text == "yes"


def _optional_flag(text):
    """``.`` for a question this type is not asked."""
    return None if text == "." else _flag(text)


def _parse(text):
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        portal_type, state, persona, view, edit, data, history, *transitions = line.split()
        if persona not in PERSONAS:
            raise ValueError(f"unknown persona {persona!r} in: {line}")
        if transitions == ["-"]:
            transitions = []
        rows.append(
            Row(
                portal_type,
                state,
                persona,
                _flag(view),
                _flag(edit),
                _optional_flag(data),
                _optional_flag(history),
                frozenset(transitions),
            )
        )
    return tuple(rows)


ROWS = _parse(TABLE)

# (type, state) in table order.
STATES = tuple(dict.fromkeys((row.portal_type, row.state) for row in ROWS))

BY_KEY = {(row.portal_type, row.state, row.persona): row for row in ROWS}


def row(portal_type, state, persona):
    return BY_KEY[(portal_type, state, persona)]


def _check_complete():
    for portal_type, state in STATES:
        for persona in PERSONAS:
            if (portal_type, state, persona) not in BY_KEY:
                raise ValueError(f"no row for {portal_type} {state} {persona}")
    if len(BY_KEY) != len(ROWS):
        raise ValueError("a type, state and persona appears twice")
    for r in ROWS:
        if r.edit and not r.view:
            raise ValueError(f"{r.id}: may edit what they may not see")
        if r.data and not r.edit:
            raise ValueError(f"{r.id}: may change the requester's data but not edit")
        if r.history and not r.view:
            raise ValueError(f"{r.id}: may read the history of what they may not see")
        if (r.data is None or r.history is None) and r.portal_type == "LoanRequest":
            raise ValueError(f"{r.id}: a loan request answers every column")


_check_complete()
