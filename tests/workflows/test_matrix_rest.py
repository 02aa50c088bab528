"""The permission matrix over real HTTP, through plone.restapi (``/++api++``).

Status codes, as plone.restapi 10 answers them (and as is right for Plone):

* 200 GET, 204 PATCH, 200 POST @workflow/<id> when allowed.
* 401 Unauthorized whenever the permission of the service is missing, for
  anonymous visitors *and* for signed-in users alike. GET and POST @workflow
  are protected by View, PATCH by Modify portal content; lacking them, Zope
  raises zExceptions.Unauthorized, whose status is 401, and plone.rest renders
  it as ``{"type": "Unauthorized"}``. Zope has no separate "Forbidden" for
  security refusals, so a signed-in user lacking View never gets a 403 here.
* 400 from POST @workflow/<id> when the user may view the object but the
  transition is not available to them (guard fails or the state has no such
  exit): DCWorkflow raises WorkflowException, which @workflow turns into a 400
  ``{"type": "WorkflowException"}``. A domain rule refusing a transition
  (loans/rules.py) is a 400 too, but the fixtures fill in what the rules need.

Each class builds its site once (class-scoped fixtures) on the functional layer.
"""

from lxml import html
from pytest_plone.fixtures.requests import RelativeSession
from workflows.conftest import credentials
from workflows.conftest import OTHER_MENTOR_USER
from workflows.conftest import PASSWORD
from workflows.conftest import PATHS
from workflows.conftest import transition_cases
from workflows.conftest import USERS
from workflows.matrix import PERSONAS
from workflows.matrix import row
from workflows.matrix import ROWS
from workflows.matrix import STATES

import pytest
import requests


# A harmless field of each type that PATCH changes: on a loan, one that the
# requester, the mentor and the coordinators may all write where they may edit
# (the requester's own fields are checked by test_requester_data).
PATCH_FIELDS = {
    "Mentor": "description",
    "Training": "description",
    "LoanRequest": "expected_participants",
    "MentorDirectory": "description",
    "TrainingProgramme": "description",
    "LoanDesk": "description",
}
DATA_ROWS = [r for r in ROWS if r.data is not None]
HISTORY_ROWS = [r for r in ROWS if r.history is not None]


def _patch_value(expected):
    if PATCH_FIELDS[expected.portal_type] == "expected_participants":
        return ROWS.index(expected) + 1  # a number of its own for every row
    return f"Matriisi {expected.id}"


def _sessions(served):
    sessions = {}
    for persona in PERSONAS:
        session = RelativeSession(served["api"])
        session.headers.update({"Accept": "application/json"})
        session.auth = credentials(persona)
        sessions[persona] = session
    return sessions


@pytest.fixture(scope="class")
def clients(rest_world):
    sessions = _sessions(rest_world)
    yield sessions
    for session in sessions.values():
        session.close()


@pytest.fixture(scope="class")
def transition_clients(rest_transition_world):
    sessions = _sessions(rest_transition_world)
    yield sessions
    for session in sessions.values():
        session.close()


def assert_unauthorized(response):
    assert response.status_code == 401, response.text
    assert response.json()["type"] == "Unauthorized"
    # Nothing of the object leaks into the refusal.
    assert "Pyytäjä" not in response.text
    assert "Instagram" not in response.text


def review_state(clients, path):
    return clients["Manager"].get(path).json()["review_state"]


class TestMatrixOverRest:
    @pytest.mark.parametrize("expected", ROWS, ids=lambda r: r.id)
    def test_get(self, rest_world, clients, expected):
        path = rest_world["paths"][(expected.portal_type, expected.state)]
        response = clients[expected.persona].get(path)
        if expected.view:
            assert response.status_code == 200, response.text
            assert response.json()["@type"] == expected.portal_type
            assert response.json()["review_state"] == expected.review_state
        else:
            assert_unauthorized(response)

    @pytest.mark.parametrize("expected", ROWS, ids=lambda r: r.id)
    def test_patch(self, rest_world, clients, expected):
        path = rest_world["paths"][(expected.portal_type, expected.state)]
        field = PATCH_FIELDS[expected.portal_type]
        value = _patch_value(expected)
        response = clients[expected.persona].patch(path, json={field: value})
        if expected.edit:
            assert response.status_code == 204, response.text
            assert clients["Manager"].get(path).json()[field] == value
        else:
            assert_unauthorized(response)
            assert clients["Manager"].get(path).json()[field] != value

    @pytest.mark.parametrize("expected", ROWS, ids=lambda r: r.id)
    def test_refused_transitions(self, rest_world, clients, expected):
        """Every transition of the workflow the persona may not take here is refused.

        Transitions into the current state are left out: @workflow answers 200
        for those without doing anything (plone.restapi's ``is_same_state``).
        The loan desk's workflow has no transitions, so a made-up one is tried.
        Where a persona may take every transition out of the state there is
        nothing to refuse (e.g. Manager on a published training).
        """
        path = rest_world["paths"][(expected.portal_type, expected.state)]
        targets = rest_world["targets"][expected.portal_type]
        refused = sorted(
            transition
            for transition, target in targets.items()
            if target != expected.review_state and transition not in expected.transitions
        )
        if not targets:
            refused = ["no-such-transition"]
        for transition in refused:
            response = clients[expected.persona].post(
                f"{path}/@workflow/{transition}", json={"comment": "Matriisitesti"}
            )
            if expected.view:
                assert response.status_code == 400, (transition, response.text)
                assert response.json()["error"]["type"] == "WorkflowException"
            else:
                assert_unauthorized(response)
        assert review_state(clients, path) == expected.review_state

    @pytest.mark.parametrize("expected", ROWS, ids=lambda r: r.id)
    def test_listed_transitions(self, rest_world, clients, expected):
        """GET @workflow lists for the persona what the matrix allows."""
        path = rest_world["paths"][(expected.portal_type, expected.state)]
        response = clients[expected.persona].get(f"{path}/@workflow")
        if expected.view:
            assert response.status_code == 200, response.text
            listed = {t["@id"].rsplit("/", 1)[-1] for t in response.json()["transitions"]}
            assert listed == expected.transitions
        else:
            assert_unauthorized(response)

    @pytest.mark.parametrize("expected", DATA_ROWS, ids=lambda r: r.id)
    def test_requester_data(self, rest_world, clients, expected):
        """PATCH changes the requester's fields exactly where the matrix says.

        plone.restapi leaves out, without an error, a field the user may not write;
        without Modify portal content at all the PATCH is a 401.
        """
        path = rest_world["paths"][(expected.portal_type, expected.state)]
        value = f"Nimi {expected.id}"
        response = clients[expected.persona].patch(
            path, json={"requester_name": value, "need": value}
        )
        if expected.edit:
            assert response.status_code == 204, response.text
        else:
            assert_unauthorized(response)
        stored = clients["Manager"].get(path).json()
        changed = {name for name in ("requester_name", "need") if stored[name] == value}
        assert changed == ({"requester_name", "need"} if expected.data else set())

    @pytest.mark.parametrize("expected", HISTORY_ROWS, ids=lambda r: r.id)
    def test_history(self, rest_world, clients, expected):
        """@workflow and @history tell who did what, when, with the comments."""
        path = rest_world["paths"][(expected.portal_type, expected.state)]
        workflow = clients[expected.persona].get(f"{path}/@workflow")
        history = clients[expected.persona].get(f"{path}/@history")
        if not expected.view:
            assert_unauthorized(workflow)
            assert_unauthorized(history)
            return
        assert workflow.status_code == 200, workflow.text
        steps = [entry["action"] for entry in workflow.json()["history"]]
        if not expected.history:
            assert steps == []
            # @history wants "CMFEditions: Access previous versions" first.
            assert_unauthorized(history)
            return
        assert steps[1:] == list(PATHS[expected.portal_type][expected.state])
        assert history.status_code == 200, history.text
        entries = [entry for entry in history.json() if entry["type"] == "workflow"]
        assert len(entries) == len(steps)
        comments = [entry["comments"] for entry in entries]
        assert comments.count("Matriisitesti") == len(steps) - 1  # all but the creation
        assert all(entry["actor"]["id"] and entry["time"] for entry in entries)


class TestAllowedTransitionsOverRest:
    """Every transition the matrix allows, by every persona allowed it, succeeds.

    Each case moves an object of its own, so the cases do not disturb each other.
    """

    @pytest.mark.parametrize("case", transition_cases(), ids="-".join)
    def test_allowed(self, rest_transition_world, transition_clients, case):
        portal_type, state, persona, transition = case
        path = rest_transition_world["paths"][case]
        target = rest_transition_world["targets"][portal_type][transition]
        assert review_state(transition_clients, path) == state
        response = transition_clients[persona].post(
            f"{path}/@workflow/{transition}", json={"comment": "Matriisitesti"}
        )
        assert response.status_code == 200, response.text
        assert response.json()["review_state"] == target
        if persona != "Manager":
            assert response.json()["actor"] == USERS[persona]
        assert review_state(transition_clients, path) == target


class TestAnonymousNeverGetsALoanRequest:
    LOANS = [state for portal_type, state in STATES if portal_type == "LoanRequest"]

    def test_every_state_is_refused(self, rest_world, clients):
        assert len(self.LOANS) == 8
        for state in self.LOANS:
            path = rest_world["paths"][("LoanRequest", state)]
            assert_unauthorized(clients["Anonymous"].get(path))
            assert_unauthorized(clients["Anonymous"].get(f"{path}/@workflow"))
            assert_unauthorized(clients["Anonymous"].post(f"{path}/@workflow/cancel", json={}))

    def test_the_desk_is_refused(self, rest_world, clients):
        desk = rest_world["paths"][("LoanDesk", "internal")]
        assert_unauthorized(clients["Anonymous"].get(desk))
        assert_unauthorized(clients["Anonymous"].get(f"{desk}/@search"))

    @pytest.mark.parametrize(
        "query",
        [
            {"portal_type": "LoanRequest"},
            {"SearchableText": "Instagram"},
            {"portal_type": "LoanRequest", "fullobjects": "1"},
            {"path": "/plone/lainapyynnot"},
        ],
        ids=["type", "text", "fullobjects", "path"],
    )
    def test_search_finds_none(self, rest_world, clients, query):
        response = clients["Anonymous"].get("@search", params=query)
        assert response.status_code == 200, response.text
        types = {item["@type"] for item in response.json()["items"]}
        assert "LoanRequest" not in types
        assert "Pyytäjä" not in response.text

    @pytest.mark.parametrize("persona", PERSONAS)
    def test_search_finds_exactly_the_viewable_loans(self, rest_world, clients, persona):
        response = clients[persona].get("@search", params={"portal_type": "LoanRequest"})
        assert response.status_code == 200, response.text
        portal_url = rest_world["api"].removesuffix("/++api++")
        found = {item["@id"].removeprefix(f"{portal_url}/") for item in response.json()["items"]}
        expected = {
            rest_world["paths"][("LoanRequest", state)]
            for state in self.LOANS
            if row("LoanRequest", state, persona).view
        }
        assert found == expected


class TestRetiredMentorOverRest:
    @pytest.mark.parametrize(
        "persona, status",
        [
            ("Anonymous", 401),
            ("Member", 401),
            ("Owner", 401),
            ("Mentor", 200),
            ("MentorCoordinator", 200),
            ("Manager", 200),
        ],
    )
    def test_who_opens_it(self, rest_world, clients, persona, status):
        path = rest_world["paths"][("Mentor", "retired")]
        assert clients[persona].get(path).status_code == status

    @pytest.mark.parametrize("persona", PERSONAS)
    def test_not_in_the_directory_page(self, rest_world, persona):
        """The Classic UI directory (vaasa.somementor.directory.find_mentors) leaves it out."""
        directory = rest_world["paths"][("MentorDirectory", "published")]
        page_url = rest_world["api"].replace("/++api++", f"/{directory}")
        response = requests.get(
            page_url, auth=credentials(persona), headers={"Accept": "text/html"}, timeout=60
        )
        assert response.status_code == 200
        cards = html.fromstring(response.text).xpath(
            "//li[contains(@class, 'mentor-card')]//*[contains(@class, 'card-title')]"
        )
        names = {card.text_content().strip() for card in cards}
        assert "Maija Published" in names
        assert "Maija Retired" not in names

    def test_anonymous_search_leaves_it_out(self, rest_world, clients):
        response = clients["Anonymous"].get("@search", params={"portal_type": "Mentor"})
        titles = {item["title"] for item in response.json()["items"]}
        assert titles == {"Maija Published", "Erik Lindqvist"}


class TestMentorEditsOwnProfileOverRest:
    def test_own_profile(self, rest_world, clients):
        path = rest_world["paths"][("Mentor", "published")]
        response = clients["Mentor"].patch(path, json={"description": "Oma kuvaus"})
        assert response.status_code == 204, response.text
        assert clients["Anonymous"].get(path).json()["description"] == "Oma kuvaus"

    def test_not_another_mentors_profile(self, rest_world, clients):
        path = rest_world["paths"]["other-mentor"]
        assert clients["Mentor"].get(path).status_code == 200
        assert_unauthorized(clients["Mentor"].patch(path, json={"description": "Vieras"}))
        assert clients["Manager"].get(path).json()["description"] != "Vieras"

    def test_cannot_relink_the_profile(self, rest_world, clients):
        """Who the mentor is stays with the coordinators (field write permission)."""
        path = rest_world["paths"][("Mentor", "published")]
        clients["Mentor"].patch(path, json={"user_id": USERS["Member"]})
        linked = clients["Manager"].get(path).json()["user_id"]
        assert (linked["token"] if isinstance(linked, dict) else linked) == USERS["Mentor"]


class TestMentorRelinked:
    """The Mentor role is computed from the links, so it follows a relinked profile at once."""

    def test_loans_follow_the_linked_user(self, rest_world, clients):
        profile = rest_world["paths"][("Mentor", "published")]
        loan = rest_world["paths"][("LoanRequest", "approved")]
        other = RelativeSession(rest_world["api"])
        other.headers.update({"Accept": "application/json"})
        other.auth = (OTHER_MENTOR_USER, PASSWORD)
        assert_unauthorized(other.get(loan))

        # Linking users is for coordinators (write permission on user_id).
        response = clients["MentorCoordinator"].patch(profile, json={"user_id": OTHER_MENTOR_USER})
        assert response.status_code == 204, response.text

        assert other.get(loan).status_code == 200
        assert_unauthorized(clients["Mentor"].get(loan))
        # The catalog follows too (security.mentor_changed reindexes the loans).
        found = other.get("@search", params={"portal_type": "LoanRequest"}).json()
        assert found["items_total"] == 5
        found = clients["Mentor"].get("@search", params={"portal_type": "LoanRequest"}).json()
        assert found["items_total"] == 0
        other.close()


class TestAssignedMentorCannotReassign:
    """approve checks the mentor (active, not retired, monthly maximum) and schedule
    checks their calendar; a loan must not change mentor behind those checks."""

    @pytest.mark.parametrize("state", ["approved", "scheduled"])
    def test_mentor_cannot_hand_the_loan_to_another_mentor(self, rest_world, clients, state):
        loan = rest_world["paths"][("LoanRequest", state)]
        other_uid = clients["Manager"].get(rest_world["paths"]["other-mentor"]).json()["UID"]
        before = clients["Manager"].get(loan).json()["mentor"]["@id"]
        clients["Mentor"].patch(loan, json={"mentor": other_uid})
        after = clients["Manager"].get(loan).json()["mentor"]["@id"]
        assert after == before, "the assigned mentor re-assigned the loan"
