"""A site still at the first profile version, with content, is upgraded to the current one.

The site is put back in the shape of version 1000: what the later steps add is
taken away (the mail queue, the privacy setting, the desk workflow, catalog
indexes and columns, the ring's materials folder) and the wished dates are text.
Then every pending step runs, as "Upgrade" in the add-ons control panel does.
"""

from factories import loan_request_fields
from factories import mentor_fields
from factories import training_fields
from pathlib import Path
from plone import api
from plone.registry.interfaces import IRegistry
from vaasa.somementor import ring
from vaasa.somementor.registrations import sign_up
from vaasa.somementor.registrations import store
from xml.etree import ElementTree
from zope.component import getUtility

import datetime
import pytest
import vaasa.somementor


PROFILE = "vaasa.somementor:default"
FIRST = 1000
METADATA = Path(vaasa.somementor.__file__).parent / "profiles" / "default" / "metadata.xml"
SETTINGS = "vaasa.somementor.interfaces.ISettings."
# What each later version added, taken away to make a site of version 1000.
LATER_RECORDS = {SETTINGS + "privacy_page": 1002, SETTINGS + "retention_months": 1005}
# The desk's municipality filter (1003); finding a person's data by email (1005).
LATER_INDEXES = {"loan_municipality": 1003, "person_email_hash": 1005, "holds_personal_data": 1005}
# Free seats in the programme (1004); a mentor's month counted from the catalog (1005).
LATER_COLUMNS = {"training_seats_taken": 1004, "mentor_max_loans_per_month": 1005}
CHAINS = {
    "MentorDirectory": ("simple_publication_workflow",),
    "Mentor": ("somementor_mentor_workflow",),
    "TrainingProgramme": ("simple_publication_workflow",),
    "Training": ("somementor_training_workflow",),
    "LoanDesk": ("somementor_loan_desk_workflow",),
    "LoanRequest": ("somementor_loan_workflow",),
}


def target_version():
    return int(ElementTree.parse(METADATA).getroot().findtext("version"))


def later(added):
    """What versions after the first added, up to the one this profile is at."""
    return [name for name, version in added.items() if FIRST < version <= target_version()]


def registered_steps():
    setup = api.portal.get_tool("portal_setup")
    steps = setup.listUpgrades(PROFILE, show_old=True)
    return {(int(".".join(step["source"])), int(".".join(step["dest"]))) for step in steps}


@pytest.fixture
def old_site(portal, directory, desk, programme):
    """Content made the way it is today, then set back to what version 1000 had."""
    mentor = api.content.create(
        directory, "Mentor", id="anna", **mentor_fields(max_loans_per_month=2)
    )
    loan = api.content.create(desk, "LoanRequest", id="old", **loan_request_fields(mentor))
    api.content.transition(loan, transition="approve")
    training = api.content.create(programme, "Training", id="t", **training_fields(capacity=1))
    for name in ("Mia", "Leo"):
        values = {"name": name, "email": f"{name}@example.org", "unit": "Kirjasto"}
        sign_up.register(training, {**values, "language": "fi"})
    records = store.records(training)
    states = {item.UID(): api.content.get_state(item) for item in (mentor, loan, training, desk)}

    # 1.0.0a1 stored the wished dates as text, straight from the JSON.
    loan.preferred_dates = [{"start": "2027-02-01", "end": "2027-02-05"}]
    mailhost = api.portal.get_tool("MailHost")
    mailhost.smtp_queue = False
    registry = getUtility(IRegistry)
    for name in later(LATER_RECORDS):
        del registry.records[name]
    workflow = api.portal.get_tool("portal_workflow")
    workflow.setChainForPortalTypes(("LoanDesk",), "(Default)")
    catalog = api.portal.get_tool("portal_catalog")
    for name in later(LATER_INDEXES):
        catalog.delIndex(name)
    for name in later(LATER_COLUMNS):
        catalog.delColumn(name)
    assert ring.materials_folder(directory) is None
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, str(FIRST))
    return {
        "mentor": mentor,
        "loan": loan,
        "training": training,
        "records": records,
        "states": states,
        "directory": directory,
        "desk": desk,
    }


def test_every_version_change_has_its_step(portal):
    steps = registered_steps()
    missing = [
        (version, version + 1)
        for version in range(FIRST, target_version())
        if (version, version + 1) not in steps
    ]
    assert not missing, f"no upgrade step for {missing}"


def test_upgrade_from_the_first_version_keeps_content_and_fills_the_catalog(old_site):
    setup = api.portal.get_tool("portal_setup")
    pending = {
        (int(".".join(step["source"])), int(".".join(step["dest"])))
        for step in setup.listUpgrades(PROFILE)
    }
    assert pending == {(version, version + 1) for version in range(FIRST, target_version())}

    setup.upgradeProfile(PROFILE)

    assert setup.getLastVersionForProfile(PROFILE) == (str(target_version()),)
    assert setup.listUpgrades(PROFILE) == []
    mentor, loan, training = old_site["mentor"], old_site["loan"], old_site["training"]
    # Content: the same items in the same states, the wished dates now rows of dates.
    for item in (mentor, loan, training):
        assert api.content.get_state(item) == old_site["states"][item.UID()]
    assert loan.preferred_dates == [
        {"start": datetime.date(2027, 2, 1), "end": datetime.date(2027, 2, 5)}
    ]
    assert store.records(training) == old_site["records"]
    assert ring.materials_folder(old_site["directory"]) is not None
    assert api.portal.get_tool("MailHost").smtp_queue
    assert set(later(LATER_RECORDS)) <= set(getUtility(IRegistry).records)
    # Workflows: every type bound as the profile says; the desk now in its own workflow.
    workflow = api.portal.get_tool("portal_workflow")
    for portal_type, chain in CHAINS.items():
        assert workflow.getChainForPortalType(portal_type) == chain, portal_type
    desk_workflow = workflow[CHAINS["LoanDesk"][0]]
    assert api.content.get_state(old_site["desk"]) == desk_workflow.initial_state
    # Indexes and columns: back, and filled for the content that was there before.
    catalog = api.portal.get_tool("portal_catalog")
    assert set(later(LATER_INDEXES)) <= set(catalog.indexes())
    assert set(later(LATER_COLUMNS)) <= set(catalog.schema())
    if "holds_personal_data" in later(LATER_INDEXES):
        holding = catalog.unrestrictedSearchResults(holds_personal_data=True)
        assert {brain.UID for brain in holding} == {loan.UID(), training.UID()}
    (found,) = catalog.unrestrictedSearchResults(loan_municipality="Korsholm")
    assert loan.UID() == found.UID
    assert found.review_state == "approved"
    if "mentor_max_loans_per_month" in later(LATER_COLUMNS):
        # The desk reads "1/2" for Anna from her catalog row alone.
        (mentor_row,) = catalog.unrestrictedSearchResults(UID=mentor.UID())
        assert mentor_row.mentor_max_loans_per_month == 2
    (programme_row,) = catalog.unrestrictedSearchResults(UID=training.UID())
    assert programme_row.training_seats_taken == 1
    for item in (mentor, loan, training):
        (brain,) = catalog.unrestrictedSearchResults(portal_type=item.portal_type, UID=item.UID())
        assert brain.review_state == api.content.get_state(item)
