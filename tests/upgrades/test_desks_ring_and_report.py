"""Upgrade 1002 → 1003: an existing site gets the desk, the ring's folder and the new roles."""

from factories import loan_request_fields
from factories import mentor_fields
from plone import api
from vaasa.somementor import ring


def test_step_is_registered(portal):
    setup = api.portal.get_tool("portal_setup")
    steps = setup.listUpgrades("vaasa.somementor:default", show_old=True)
    assert (("1002",), ("1003",)) in [(step["source"], step["dest"]) for step in steps]


def test_upgrade_adds_the_ring_folder_and_fills_the_new_columns(portal, directory, desk):
    mentor = api.content.create(directory, "Mentor", id="anna", **mentor_fields())
    loan = api.content.create(desk, "LoanRequest", id="old", **loan_request_fields(mentor))
    catalog = api.portal.get_tool("portal_catalog")
    # As a 1002 site had it: no materials folder, no desk columns.
    assert ring.materials_folder(directory) is None
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile("vaasa.somementor:default", "1002")
    setup.upgradeProfile("vaasa.somementor:default", dest="1003")
    assert setup.getLastVersionForProfile("vaasa.somementor:default") == ("1003",)
    folder = ring.materials_folder(directory)
    assert folder is not None
    assert api.content.get_state(folder) == "private"
    assert folder.Title() == "Shared materials"
    (brain,) = catalog.unrestrictedSearchResults(UID=loan.UID())
    assert brain.loan_requester
    assert brain.loan_municipality == "Korsholm"
    # The desk is the loan desk's default view.
    assert desk.getLayout() == "loan-desk"


def test_programme_step_registered_and_runs(portal, programme):
    from factories import training_fields

    training = api.content.create(programme, "Training", id="t", **training_fields())
    setup = api.portal.get_tool("portal_setup")
    steps = setup.listUpgrades("vaasa.somementor:default", show_old=True)
    assert (("1003",), ("1004",)) in [(step["source"], step["dest"]) for step in steps]
    setup.setLastVersionForProfile("vaasa.somementor:default", "1003")
    setup.upgradeProfile("vaasa.somementor:default", dest="1004")
    assert setup.getLastVersionForProfile("vaasa.somementor:default") == ("1004",)
    (brain,) = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(UID=training.UID())
    assert brain.training_seats_taken == 0
