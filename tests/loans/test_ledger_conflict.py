"""Two approvals for one person at the same moment: the second must see the first.

Two ZODB connections, one approval in each, committed one after the other in a
fixed order. The person's ledger makes the second commit conflict; retried as
Zope retries a request, the rule runs again and refuses.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from factories import loan_request_fields
from factories import mentor_fields
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from Products.CMFCore.WorkflowCore import WorkflowException
from Testing.makerequest import makerequest
from vaasa.somementor.loans import bookings
from vaasa.somementor.loans import ledger
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite

import pytest
import threading
import transaction


@pytest.fixture
def two_requests(functional):
    """A mentor who lends once a month, with a loan history, and two requests for March."""
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        directory = api.content.create(portal, "MentorDirectory", id="mentorit", title="M")
        desk = api.content.create(portal, "LoanDesk", id="lainapyynnot", title="L")
        mentor = api.content.create(
            directory, "Mentor", id="erik", **mentor_fields(max_loans_per_month=1)
        )
        api.content.transition(mentor, to_state="published")

        def loan(id, month):
            dates = [{"start": f"2027-{month}-01", "end": f"2027-{month}-05"}]
            fields = loan_request_fields(mentor, preferred_dates=dates)
            return api.content.create(desk, "LoanRequest", id=id, **fields)

        # An earlier loan, so the person's ledger exists before the race.
        api.content.transition(loan("history", "01"), transition="approve")
        paths = [loan(id, "03").getPhysicalPath() for id in ("first", "second")]
        person = bookings.person(mentor)
    transaction.commit()
    return functional["zodbDB"], paths, person


class Approver(threading.Thread):
    """Approves one request in a connection of its own, and commits when told."""

    def __init__(self, db, path):
        super().__init__(daemon=True)
        self.db, self.path = db, path
        self.approved = threading.Event()
        self.commit_now = threading.Event()
        self.done = threading.Event()
        self.outcome = None

    def run(self):
        connection = self.db.open()
        try:
            app = makerequest(connection.root()["Application"])
            newSecurityManager(None, app.acl_users.getUser(SITE_OWNER_NAME).__of__(app.acl_users))
            portal = app.unrestrictedTraverse(self.path[1])
            setSite(portal)
            self.attempt(portal)
            self.approved.set()
            self.commit_now.wait(30)
            try:
                transaction.commit()
                self.outcome = "approved"
            except ConflictError as conflict:
                self.conflict_oid = conflict.oid
                transaction.abort()
                # What ZPublisher does: run the whole request again, on fresh data.
                try:
                    self.attempt(portal)
                    transaction.commit()
                    self.outcome = "approved after retry"
                except WorkflowException as refusal:
                    transaction.abort()
                    self.outcome = f"refused: {refusal}"
        finally:
            setSite(None)
            noSecurityManager()
            connection.close()
            self.approved.set()
            self.done.set()

    def attempt(self, portal):
        loan = portal.unrestrictedTraverse("/".join(self.path))
        portal.portal_workflow.doActionFor(loan, "approve")


def test_concurrent_approval_conflicts_then_is_refused(two_requests):
    db, (first_path, second_path), person = two_requests
    first, second = Approver(db, first_path), Approver(db, second_path)
    for approver in (first, second):
        approver.start()
    # Both have approved in their own transaction before either commits.
    assert first.approved.wait(30) and second.approved.wait(30)
    first.commit_now.set()
    assert first.done.wait(30)
    second.commit_now.set()
    assert second.done.wait(30)

    assert first.outcome == "approved"
    assert second.outcome.startswith("refused: "), second.outcome
    assert "(1)" in second.outcome and "3/2027" in second.outcome

    transaction.begin()
    portal_ledger = ledger.ledgers()[person]
    # The conflict was on the person's ledger, not a lucky catalog bucket.
    assert second.conflict_oid == portal_ledger._p_oid
    states = [
        api.content.get_state(api.content.get(path="/".join(path)))
        for path in (first_path, second_path)
    ]
    assert sorted(states) == ["approved", "submitted"]
