"""A site with every type of the add-on in every state, and one user per persona.

``build_world`` is plain code so both layers share it: the integration tests
call it inside a class-scoped transaction that is rolled back, the REST tests
commit it into a class-scoped functional DemoStorage that the WSGI server sees.
Either way it runs once per test class, not once per assertion.

Every object is made by the site owner and brought to its state with the real
transitions, so the domain rules (loans/rules.py, trainings.py) run too; the
fields those rules want are filled in first. Then ownership goes to the
``Owner`` persona, as loans/submission.py does for a signed-in requester.
"""

from AccessControl.SpecialUsers import nobody
from contextlib import contextmanager
from factories import loan_request_fields
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from Products.CMFCore.indexing import processQueue
from vaasa.somementor.setuphandlers import COORDINATORS
from workflows.matrix import ROWS
from workflows.matrix import STATES

import datetime
import pytest
import transaction


PASSWORD = "Matriisi-salasana-2027"

# Persona -> login name. Anonymous has none.
USERS = {
    "Member": "matrix-member",
    "Owner": "matrix-owner",
    "Mentor": "matrix-mentor",
    "MentorCoordinator": "matrix-coordinator",
    "Manager": "matrix-manager",
}
# Linked to a second mentor profile: the Mentor persona must not edit it.
OTHER_MENTOR_USER = "matrix-other-mentor"

DIRECTORY, PROGRAMME, DESK = "mentorit", "koulutukset", "lainapyynnot"
CONTAINERS = {
    "MentorDirectory": DIRECTORY,
    "TrainingProgramme": PROGRAMME,
    "LoanDesk": DESK,
}


def object_id(portal_type, state):
    return f"{portal_type.lower()}-{state.replace('/', '-from-')}"


def _mentor_data(first_name, last_name, user_id):
    return dict(
        first_name=first_name,
        last_name=last_name,
        department="library",
        languages=["fi", "sv"],
        email=f"{first_name.lower()}@example.org",
        user_id=user_id,
        active=True,
        max_loans_per_month=50,
    )


def _training_data(state):
    start = datetime.datetime(2027, 3, 1, 9, 0) + datetime.timedelta(days=len(state))
    return dict(
        title=f"Koulutus {state}",
        start=start,
        end=start + datetime.timedelta(hours=3),
        language_group="fi",
        training_format="remote",
        kind="training",
        capacity=20,
        # The rule for "complete" wants the number of participants.
        participants=12,
    )


def _loan_data(slot, mentor):
    # Two hours of its own for every loan, so scheduling never clashes; all in
    # April 2027, well under the mentor's monthly maximum of 50.
    start = datetime.datetime(2027, 4, 1, 8, 0) + datetime.timedelta(hours=3 * slot)
    return loan_request_fields(
        mentor,
        requester_name=f"Pyytäjä {slot}",
        preferred_dates=[{"start": "2027-04-01", "end": "2027-04-30"}],
        # What "schedule" and "complete" check, filled in up front so that the
        # assigned mentor can also take these steps over REST.
        scheduled_start=start,
        scheduled_end=start + datetime.timedelta(hours=2),
        place="Pääkirjasto, kokoushuone 2",
        outcome="Tili perustettu ja julkaisusuunnitelma tehty.",
        hours_spent=2.0,
    )


# The transitions, run as the site owner, that bring a fresh object to a state.
PATHS = {
    "Mentor": {
        "private": (),
        "pending": ("submit",),
        "published": ("publish",),
        "retired": ("publish", "retire"),
    },
    "Training": {
        "draft": (),
        "published": ("publish",),
        "completed": ("publish", "complete"),
        "cancelled": ("publish", "cancel"),
    },
    "LoanRequest": {
        "submitted": (),
        "approved": ("approve",),
        "scheduled": ("approve", "schedule"),
        "completed": ("approve", "schedule", "complete"),
        # Through "approved", so the mentor was assigned and sees them (see matrix.py).
        "rejected": ("approve", "reject"),
        "cancelled": ("approve", "cancel"),
        # Straight from "submitted": the wished mentor never had them.
        "rejected/submitted": ("reject",),
        "cancelled/submitted": ("cancel",),
    },
}


def give_to(obj, username):
    """Make ``username`` the owner of ``obj`` and nobody else."""
    user = api.user.get(username=username).getUser()
    obj.changeOwnership(user)
    others = [
        principal
        for principal, roles in obj.get_local_roles()
        if "Owner" in roles and principal != username
    ]
    if others:
        obj.manage_delLocalRoles(others)
    obj.manage_setLocalRoles(username, ["Owner"])
    obj.setCreators([username])
    obj.reindexObject()
    obj.reindexObjectSecurity()


def _walk(obj, transitions):
    for transition in transitions:
        api.content.transition(obj=obj, transition=transition, comment="Matriisitesti")


def create_users():
    for persona, username in USERS.items():
        roles = ["Member", "Manager"] if persona == "Manager" else ["Member"]
        api.user.create(
            email=f"{username}@example.org", username=username, password=PASSWORD, roles=roles
        )
    api.user.create(
        email=f"{OTHER_MENTOR_USER}@example.org",
        username=OTHER_MENTOR_USER,
        password=PASSWORD,
        roles=["Member"],
    )
    # The coordinator holds MentorCoordinator only through the group, as in production.
    api.group.add_user(groupname=COORDINATORS, username=USERS["MentorCoordinator"])


class _Maker:
    """Creates objects of the three workflowed types in a given state."""

    def __init__(self, containers, assigned_mentor):
        self.containers = containers
        self.assigned_mentor = assigned_mentor
        self.slots = iter(range(10_000))

    def __call__(self, portal_type, state, id_):
        if portal_type == "Mentor":
            container = self.containers["MentorDirectory"]
            data = _mentor_data("Maija", state.capitalize(), USERS["Mentor"])
        elif portal_type == "Training":
            container = self.containers["TrainingProgramme"]
            data = _training_data(state)
        else:
            container = self.containers["LoanDesk"]
            # Every loan names the Mentor persona's published profile.
            data = _loan_data(next(self.slots), self.assigned_mentor)
        obj = api.content.create(container, portal_type, id=id_, **data)
        _walk(obj, PATHS[portal_type][state])
        give_to(obj, USERS["Owner"])
        return obj


def build_world(portal, transition_cases=()):
    """Users, containers and an object per type x state; returns {(type, state): obj}.

    ``transition_cases`` are (type, state, persona, transition) tuples: each gets
    an object of its own under that key, to be moved on by a test.
    """
    world = {}
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        create_users()
        containers = {}
        for portal_type, id_ in CONTAINERS.items():
            containers[portal_type] = api.content.create(
                portal, portal_type, id=id_, title=id_.capitalize()
            )
        for portal_type in ("MentorDirectory", "TrainingProgramme"):
            api.content.transition(obj=containers[portal_type], transition="publish")
        world[("MentorDirectory", "published")] = containers["MentorDirectory"]
        world[("TrainingProgramme", "published")] = containers["TrainingProgramme"]
        world[("LoanDesk", "internal")] = containers["LoanDesk"]

        # The profile loans name comes first; it is also the matrix's published mentor.
        make = _Maker(containers, None)
        assigned = make("Mentor", "published", object_id("Mentor", "published"))
        world[("Mentor", "published")] = assigned
        make.assigned_mentor = assigned
        for portal_type, states in PATHS.items():
            for state in states:
                if (portal_type, state) not in world:
                    world[(portal_type, state)] = make(
                        portal_type, state, object_id(portal_type, state)
                    )

        # Someone else's profile, for "a mentor edits only their own profile".
        other = api.content.create(
            containers["MentorDirectory"],
            "Mentor",
            id="other-mentor",
            **_mentor_data("Erik", "Lindqvist", OTHER_MENTOR_USER),
        )
        _walk(other, ("publish",))
        world["other-mentor"] = other

        for case in transition_cases:
            portal_type, state, persona, transition = case
            id_ = "-".join((object_id(portal_type, state), persona, transition)).lower()
            world[case] = make(portal_type, state, id_)
    processQueue()
    missing = set(STATES) - set(world)
    assert not missing, f"matrix states without an object: {missing}"
    for key, obj in world.items():
        if isinstance(key, tuple):
            state = key[1].split("/")[0]
            assert (obj.portal_type, api.content.get_state(obj)) == (key[0], state), key
    return world


@contextmanager
def as_persona(persona):
    """Run the block as the persona's user; Anonymous is Zope's ``nobody``."""
    if persona == "Anonymous":
        with api.env.adopt_user(user=nobody):
            yield
    else:
        with api.env.adopt_user(username=USERS[persona]):
            yield


def credentials(persona):
    """Basic-auth pair for requests, or None for Anonymous."""
    return None if persona == "Anonymous" else (USERS[persona], PASSWORD)


@pytest.fixture(scope="class")
def world(portal_class):
    """All states at once on the integration layer, rolled back after the class."""
    return build_world(portal_class)


def _served(world, portal, layer):
    """Commit ``world`` and describe it for HTTP clients: the objects themselves
    belong to the transaction that built them and must not be used in requests."""
    wftool = api.portal.get_tool("portal_workflow")
    targets = {}
    for key, obj in world.items():
        if isinstance(key, tuple) and key[0] not in targets:
            (workflow,) = wftool.getWorkflowsFor(obj)
            targets[key[0]] = {t.id: t.new_state_id for t in workflow.transitions.objectValues()}
    served = {
        "api": f"http://{layer['host']}:{layer['port']}/{portal.getId()}/++api++",
        # Relative to the portal, e.g. "mentorit/mentor-private".
        "paths": {key: "/".join(obj.getPhysicalPath()[2:]) for key, obj in world.items()},
        # portal_type -> {transition id: the state it leads to}
        "targets": targets,
    }
    transaction.commit()
    return served


def transition_cases():
    """Every transition the matrix allows, as (type, state, persona, transition)."""
    return tuple(
        (r.portal_type, r.state, r.persona, transition)
        for r in ROWS
        if r.portal_type in PATHS
        for transition in sorted(r.transitions)
    )


@pytest.fixture(scope="class")
def rest_world(functional_portal_class, functional_class):
    """All states at once on the functional layer, committed for the WSGI server."""
    world = build_world(functional_portal_class)
    return _served(world, functional_portal_class, functional_class)


@pytest.fixture(scope="class")
def rest_transition_world(functional_portal_class, functional_class):
    """As rest_world, plus an object of its own for every allowed transition."""
    world = build_world(functional_portal_class, transition_cases())
    return _served(world, functional_portal_class, functional_class)
