from plone import api
from pytest_plone import fixtures_factory
from vaasa.somementor.testing import DEMO_FUNCTIONAL_TESTING
from vaasa.somementor.testing import DEMO_INTEGRATION_TESTING
from vaasa.somementor.testing import FUNCTIONAL_TESTING
from vaasa.somementor.testing import INTEGRATION_TESTING
from vaasa.somementor.testing import UNINSTALLED_INTEGRATION_TESTING

import pytest


pytest_plugins = ["pytest_plone"]


globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)

# The demo and uninstalled layers stack on the plain one. Kept for the whole
# session they would leak into every plain test, so each lives only while a
# test class that uses it runs: group their tests in classes.
globals().update(
    fixtures_factory(
        (
            (DEMO_FUNCTIONAL_TESTING, "demo_functional"),
            (DEMO_INTEGRATION_TESTING, "demo_integration"),
            (UNINSTALLED_INTEGRATION_TESTING, "uninstalled"),
        ),
        keep_session=False,
    )
)


@pytest.fixture
def site_url(demo_functional):
    """The demo site served by the functional layer's real HTTP server."""
    return f"http://{demo_functional['host']}:{demo_functional['port']}/plone"


@pytest.fixture
def manager(portal):
    with api.env.adopt_roles(["Manager"]):
        yield


@pytest.fixture
def directory(portal, manager):
    return api.content.create(portal, "MentorDirectory", id="mentorit", title="Mentorit")


@pytest.fixture
def programme(portal, manager):
    return api.content.create(portal, "TrainingProgramme", id="koulutukset", title="Koulutukset")


@pytest.fixture
def desk(portal, manager):
    return api.content.create(portal, "LoanDesk", id="lainapyynnot", title="Lainapyynnöt")
