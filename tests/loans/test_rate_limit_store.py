"""The rate limit counts in the site's database, the same for every Zope instance.

Two connections stand in for two instances on one database. A FileStorage,
not the test layers' DemoStorage: only a real storage merges concurrent
changes, as FileStorage, ZEO and RelStorage all do.
"""

from OFS.Folder import Folder
from vaasa.somementor.loans import rate_limit
from ZODB.FileStorage import FileStorage
from zope.annotation.interfaces import IAttributeAnnotatable
from zope.interface import implementer

import pytest
import transaction
import ZODB


ADDRESS = "192.0.2.7"
NOW = 1_900_000_000.0  # a moment in 2030; the limit counts by the wall clock


@implementer(IAttributeAnnotatable)
class Site(Folder):
    """Holds annotations where a Plone site does."""


@pytest.fixture
def database(integration, tmp_path):
    """A database whose root holds an annotatable stand-in for the site."""
    db = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    with db.transaction() as connection:
        connection.root()["site"] = Site("site")
    yield db
    db.close()


class Instance:
    """One Zope instance's view of the database: a connection with its own transaction."""

    def __init__(self, db):
        self.manager = transaction.TransactionManager()
        self.connection = db.open(transaction_manager=self.manager)
        self.site = self.connection.root()["site"]

    def count(self, address=ADDRESS, now=NOW):
        rate_limit.count(address, now=now, site=self.site)

    def commit(self):
        self.manager.commit()

    def counted(self, address=ADDRESS, now=NOW):
        """How many requests of ``address`` the limit sees within the hour."""
        self.manager.begin()
        seen = 0
        while rate_limit.exceeded(address, seen + 1, now=now, site=self.site):
            seen += 1
        return seen


def test_two_instances_counting_at_once_both_count(database):
    first, second = Instance(database), Instance(database)
    first.count()
    first.commit()
    # Both count the same minute's counter, each unaware of the other.
    second.manager.begin()
    first.count(now=NOW + 1)
    second.count(now=NOW + 2)
    first.commit()
    second.commit()  # merged, not a ConflictError for Zope to retry
    assert Instance(database).counted(now=NOW + 3) == 3
    assert first.counted(now=NOW + 3) == 3


def test_two_addresses_first_counted_at_once_both_count(database):
    # The site has counted before (its very first count adds the store, once).
    earlier = Instance(database)
    earlier.count("198.51.100.1")
    earlier.commit()
    first, second = Instance(database), Instance(database)
    first.count("192.0.2.1")
    second.count("192.0.2.2")
    first.commit()
    second.commit()
    observer = Instance(database)
    assert observer.counted("192.0.2.1") == 1
    assert observer.counted("192.0.2.2") == 1


def test_the_limit_holds_for_an_hour_then_frees(database):
    instance = Instance(database)
    instance.count()
    instance.count(now=NOW + 30)
    instance.commit()
    site = Instance(database).site
    assert rate_limit.exceeded(ADDRESS, 2, now=NOW + 1800, site=site)
    assert not rate_limit.exceeded("192.0.2.8", 2, now=NOW + 1800, site=site)
    # The visitor is told when to come back: when the first request leaves the hour.
    wait = rate_limit.retry_after(ADDRESS, 2, now=NOW + 1800, site=site)
    assert 1800 - rate_limit.SLOT <= wait <= 1800
    assert rate_limit.exceeded(ADDRESS, 2, now=NOW + 1800 + wait - 1, site=site)
    assert not rate_limit.exceeded(ADDRESS, 2, now=NOW + 1800 + wait, site=site)


def test_minutes_older_than_the_hour_are_forgotten(database):
    instance = Instance(database)
    for address in ("192.0.2.1", "192.0.2.2"):
        instance.count(address)
    instance.count("192.0.2.3", now=NOW + rate_limit.WINDOW + 2 * rate_limit.SLOT)
    instance.commit()
    counts = Instance(database).site.__annotations__[rate_limit.KEY]
    assert [address for _, address in counts] == ["192.0.2.3"]
