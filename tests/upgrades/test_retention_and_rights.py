"""Upgrade 1004 → 1005: an existing site gets the retention setting and finds people by email."""

from factories import loan_request_fields
from factories import mentor_fields
from plone import api
from plone.registry.interfaces import IRegistry
from vaasa.somementor import personal_data
from vaasa.somementor.registrations import sign_up
from zope.component import getUtility


RECORD = "vaasa.somementor.interfaces.ISettings.retention_months"
PERMISSION = "vaasa.somementor: Manage personal data"
INDEXES = ("person_email_hash", "holds_personal_data")


def test_step_is_registered(portal):
    setup = api.portal.get_tool("portal_setup")
    steps = setup.listUpgrades("vaasa.somementor:default", show_old=True)
    assert (("1004",), ("1005",)) in [(step["source"], step["dest"]) for step in steps]


def test_upgrade_adds_the_setting_the_permission_and_finds_old_data(portal, desk, programme):
    loan = api.content.create(desk, "LoanRequest", id="old", **loan_request_fields())
    training = api.content.create(programme, "Training", id="t", title="Teams")
    sign_up.register(
        training, {"name": "Bengt", "email": "bengt@example.org", "unit": "Vörå", "language": "sv"}
    )
    # As a 1004 site had it: no record, no indexes, coordinators without the permission.
    catalog = api.portal.get_tool("portal_catalog")
    for index in INDEXES:
        catalog.delIndex(index)
    del getUtility(IRegistry).records[RECORD]
    portal.manage_permission(PERMISSION, ["Manager"], acquire=True)
    controlpanel = api.portal.get_tool("portal_controlpanel")
    controlpanel.unregisterConfiglet("somementor-personal-data")

    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile("vaasa.somementor:default", "1004")
    setup.upgradeProfile("vaasa.somementor:default", dest="1005")

    assert setup.getLastVersionForProfile("vaasa.somementor:default") == ("1005",)
    assert api.portal.get_registry_record(RECORD) == 24
    roles = {role["name"] for role in portal.rolesOfPermission(PERMISSION) if role["selected"]}
    assert "MentorCoordinator" in roles
    assert "somementor-personal-data" in [c.getId() for c in controlpanel.listActions()]
    found = personal_data.find("KARIN@example.org")
    assert [found_loan.UID() for found_loan in found.loans] == [loan.UID()]
    assert [
        record["name"] for _, record in personal_data.find("bengt@example.org").registrations
    ] == ["Bengt"]
    assert len(catalog.unrestrictedSearchResults(holds_personal_data=True)) == 2


def test_upgrade_catalogues_each_mentors_monthly_maximum(portal, directory):
    # The desk shows "booked/maximum" from this column, without loading the mentor.
    mentor = api.content.create(
        directory, "Mentor", id="anna", **mentor_fields(max_loans_per_month=2)
    )
    catalog = api.portal.get_tool("portal_catalog")
    # Catalogued first, as on a 1004 site: then the column goes away.
    assert len(catalog.unrestrictedSearchResults(UID=mentor.UID())) == 1
    catalog.delColumn("mentor_max_loans_per_month")

    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile("vaasa.somementor:default", "1004")
    setup.upgradeProfile("vaasa.somementor:default", dest="1005")

    (row,) = catalog.unrestrictedSearchResults(UID=mentor.UID())
    assert row.mentor_max_loans_per_month == 2
