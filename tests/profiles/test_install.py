from plone import api
from plone.base.utils import get_installer
from plone.browserlayer.utils import registered_layers
from vaasa.somementor.interfaces import IBrowserLayer

import pytest


TYPES = ("MentorDirectory", "Mentor", "TrainingProgramme", "Training", "LoanDesk", "LoanRequest")


@pytest.fixture
def installer(portal, http_request):
    return get_installer(portal, http_request)


def test_product_installed(installer):
    assert installer.is_product_installed("vaasa.somementor")


def test_rest_api_comes_with_it(installer):
    # A classic site lacks plone.restapi; without it every anonymous REST call gets 401.
    assert installer.is_product_installed("plone.restapi")


def test_browser_layer_registered(portal):
    assert IBrowserLayer in registered_layers()


def test_coordinators_group_created(portal):
    group = api.group.get(groupname="mentor-coordinators")
    assert "MentorCoordinator" in api.group.get_roles(group=group)


def test_control_panel_offers_the_settings(portal, http_request):
    from vaasa.somementor.interfaces import IBrowserLayer
    from zope.interface import alsoProvides

    alsoProvides(http_request, IBrowserLayer)
    with api.env.adopt_roles(["Manager"]):
        html = portal.restrictedTraverse("@@somementor-controlpanel")()
    for label in ("Coordinator address", "Default monthly maximum", "Reminder days"):
        assert label in html
    record = "vaasa.somementor.interfaces.ISettings.monthly_maximum"
    assert api.portal.get_registry_record(record) == 4


def test_types_installed(portal):
    types_tool = api.portal.get_tool("portal_types")
    for name in TYPES:
        assert name in types_tool


def test_only_containers_appear_in_navigation(portal):
    displayed = api.portal.get_registry_record("plone.displayed_types")
    assert {"MentorDirectory", "TrainingProgramme", "LoanDesk"} <= set(displayed)
    assert not {"Mentor", "Training", "LoanRequest"} & set(displayed)


def test_listing_indexes_installed(portal):
    catalog = api.portal.get_tool("portal_catalog")
    for index in ("mentor_skills", "mentor_languages", "mentor_department", "loan_start"):
        assert index in catalog.indexes()
    assert "mentor_job_title" in catalog.schema()


def test_installing_the_addon_adds_no_demo_content(installer):
    # The demo profile fills a site with sample people; only `make start` applies it.
    assert installer.get_install_profile("vaasa.somementor")["id"] == "vaasa.somementor:default"
    catalog = api.portal.get_tool("portal_catalog")
    # Unrestricted: private demo content would hide from an ordinary search.
    assert not catalog.unrestrictedSearchResults(portal_type=["Mentor", "Training", "LoanRequest"])


class TestUninstall:
    """In a layer of its own: see vaasa.somementor.testing.UninstalledLayer."""

    @pytest.fixture
    def portal(self, uninstalled):
        return uninstalled["portal"]

    @pytest.fixture
    def installer(self, portal, uninstalled):
        return get_installer(portal, uninstalled["request"])

    def test_product_uninstalled(self, installer):
        assert not installer.is_product_installed("vaasa.somementor")

    def test_browser_layer_removed(self, portal):
        assert IBrowserLayer not in registered_layers()

    def test_types_removed(self, portal):
        types_tool = api.portal.get_tool("portal_types")
        assert not [name for name in TYPES if name in types_tool]

    def test_configuration_removed(self, portal):
        assert api.portal.get_registry_record("vaasa.somementor.departments", default=None) is None
        displayed = api.portal.get_registry_record("plone.displayed_types")
        assert "MentorDirectory" not in displayed
        assert "Document" in displayed
        catalog = api.portal.get_tool("portal_catalog")
        assert "mentor_skills" not in catalog.indexes()
        assert "mentor_job_title" not in catalog.schema()

    def test_group_and_settings_removed(self, portal):
        assert api.group.get(groupname="mentor-coordinators") is None
        record = "vaasa.somementor.interfaces.ISettings.monthly_maximum"
        assert api.portal.get_registry_record(record, default=None) is None

    def test_content_left_alone(self, portal):
        assert portal["mentors"]["anna"].first_name == "Anna"
