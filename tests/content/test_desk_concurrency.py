"""Two requests arrive at the desk at the same moment, in two transactions: both are kept.

An ordered folder keeps one list of its ids that every add rewrites, so two
adds conflict on it; the desk keeps no order, so ZODB merges the two adds.
Run on a FileStorage, as the site's own: the test layers' DemoStorage resolves
no conflicts at all.
"""

from factories import loan_request_fields
from plone import api
from Products.CMFCore.indexing import processQueue
from vaasa.somementor.content.containers import LoanDesk
from vaasa.somementor.content.loan_request import LoanRequest
from ZODB.FileStorage import FileStorage

import pytest
import threading
import transaction
import ZODB


def add_in_own_connection(db, name, added, commit_now, outcomes):
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    try:
        connection.root()["desk"]._setOb(name, LoanRequest(name))
        added.wait(30)  # both have added before either commits
        commit_now.wait(30)
        manager.commit()
        outcomes[name] = "stored"
    except Exception as error:  # noqa: BLE001 - the outcome is what is tested
        manager.abort()
        outcomes[name] = str(error)
    finally:
        connection.close()


@pytest.fixture
def database(integration, tmp_path):
    """A FileStorage holding a desk with a few requests; the layer gives the adapters."""
    db = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    desk = connection.root()["desk"] = LoanDesk("desk")
    for index in range(3):
        desk._setOb(f"request-{index}", LoanRequest(f"request-{index}"))
    manager.commit()
    connection.close()
    yield db
    db.close()


def test_two_concurrent_adds_do_not_conflict(database):
    added = threading.Barrier(2)
    names = ("request-a", "request-b")
    commit_now = {name: threading.Event() for name in names}
    outcomes = {}
    threads = {
        name: threading.Thread(
            target=add_in_own_connection, args=(database, name, added, commit_now[name], outcomes)
        )
        for name in names
    }
    for thread in threads.values():
        thread.start()
    for name, thread in threads.items():
        commit_now[name].set()
        thread.join(30)
    assert outcomes == {"request-a": "stored", "request-b": "stored"}
    connection = database.open()
    assert set(connection.root()["desk"].objectIds()) >= set(names)
    connection.close()


def test_a_request_added_leaves_the_desk_itself_unwritten(desk):
    # Plone stamps a folder's date on every add; two stamps of one desk at once conflict.
    api.content.create(desk, "LoanRequest", id="request-old", **loan_request_fields())
    transaction.savepoint(optimistic=True)
    assert not desk._p_changed
    api.content.create(desk, "LoanRequest", id="request-new", **loan_request_fields())
    processQueue()
    assert not desk._p_changed
    assert "request-new" in desk
