"""Upgrade 1001 → 1002: requests stored with text dates get rows of dates and the table widget."""

from collective.z3cform.datagridfield.interfaces import IDataGridFieldLayer
from datetime import date
from factories import loan_request_fields
from plone import api
from plone.browserlayer.utils import registered_layers
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

import pytest


PRIVACY_RECORD = "vaasa.somementor.interfaces.ISettings.privacy_page"


@pytest.fixture
def old_request(desk):
    loan = api.content.create(desk, "LoanRequest", id="old", **loan_request_fields())
    # As 1.0.0a1 stored them: text, straight from the JSON.
    loan.preferred_dates = [{"start": "2027-03-01", "end": "2027-03-05"}]
    return loan


def test_step_is_registered(portal):
    setup = api.portal.get_tool("portal_setup")
    steps = setup.listUpgrades("vaasa.somementor:default", show_old=True)
    assert (("1001",), ("1002",)) in [(step["source"], step["dest"]) for step in steps]


def test_upgrade_converts_text_dates_and_installs_the_widget(portal, old_request):
    registry = getUtility(IRegistry)
    del registry.records[PRIVACY_RECORD]
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile("vaasa.somementor:default", "1001")
    setup.upgradeProfile("vaasa.somementor:default", dest="1002")
    assert old_request.preferred_dates == [{"start": date(2027, 3, 1), "end": date(2027, 3, 5)}]
    assert setup.getLastVersionForProfile("vaasa.somementor:default") == ("1002",)
    assert IDataGridFieldLayer in registered_layers()
    # The setting the request form reads for its privacy link exists.
    assert PRIVACY_RECORD in registry.records
