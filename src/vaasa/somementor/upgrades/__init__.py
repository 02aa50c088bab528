"""Upgrade steps of the default profile (profiles/default/metadata.xml)."""

from plone import api
from vaasa.somementor import _
from vaasa.somementor import ring
from vaasa.somementor import setuphandlers
from vaasa.somementor.content.validators import wished_ranges
from zope.i18n import translate
from zope.schema import ValidationError

import logging


logger = logging.getLogger(__name__)


def use_mail_queue(context):
    """1001: mail goes through the durable queue in var/mailqueue."""
    setuphandlers.use_mail_queue()


def wished_dates_as_rows(context):
    """1002: wished dates are rows of dates, edited in a table; the privacy page setting."""
    setup = api.portal.get_tool("portal_setup")
    setup.runAllImportStepsFromProfile("profile-collective.z3cform.datagridfield:default")
    setup.runImportStepFromProfile("profile-vaasa.somementor:default", "plone.app.registry")
    catalog = api.portal.get_tool("portal_catalog")
    converted = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="LoanRequest"):
        loan = brain._unrestrictedGetObject()
        try:
            rows = wished_ranges(list(loan.preferred_dates or ()))
        except ValidationError:
            # Data from before the strict checks: kept as it is for a coordinator to read.
            continue
        if rows != loan.preferred_dates:
            loan.preferred_dates = rows
            converted += 1
    logger.info("Wished dates of %d loan requests stored as rows", converted)


# The steps that issue #9 and #10 changed: roles and permissions, the loan and desk
# workflows, the control panel, catalog indexes and columns, types and the user menu.
DESKS_AND_REPORT_STEPS = (
    "rolemap",
    "workflow",
    "controlpanel",
    "catalog",
    "typeinfo",
    "actions",
    "plone.app.registry",
)


def desks_ring_and_report(context):
    """1003: coordinator desk, My loans, roles that match, the mentor ring, the funder's report."""
    setup = api.portal.get_tool("portal_setup")
    for step in DESKS_AND_REPORT_STEPS:
        setup.runImportStepFromProfile("profile-vaasa.somementor:default", step)
    # New permission maps on every loan and desk (and so new allowedRolesAndUsers).
    api.portal.get_tool("portal_workflow").updateRoleMappings()
    catalog = api.portal.get_tool("portal_catalog")
    reindexed = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=("LoanRequest", "Mentor")):
        # New columns and indexes; a loan turned down before approval leaves its
        # wished mentor's security entry behind until it is reindexed.
        brain._unrestrictedGetObject().reindexObject()
        reindexed += 1
    for brain in catalog.unrestrictedSearchResults(portal_type="MentorDirectory"):
        directory = brain._unrestrictedGetObject()
        if ring.materials_folder(directory) is None:
            with api.env.adopt_roles(["Manager"]):
                # Titled in the directory's own language, as the demo's folders are.
                title = translate(
                    _("Shared materials"), target_language=directory.Language() or "en"
                )
                folder = api.content.create(directory, "Folder", id=ring.MATERIALS_ID, title=title)
            ring.share_materials(folder)
    logger.info("Reindexed %d loan requests and mentors for the desk and the report", reindexed)


def programme_and_registration(context):
    """1004: the programme's own view, registration with a waiting list, training fields."""
    setup = api.portal.get_tool("portal_setup")
    for step in ("rolemap", "catalog", "typeinfo"):
        setup.runImportStepFromProfile("profile-vaasa.somementor:default", step)
    catalog = api.portal.get_tool("portal_catalog")
    trainings = catalog.unrestrictedSearchResults(portal_type="Training")
    for brain in trainings:
        # The new columns (seats taken, kind and format for the rows) are filled in.
        brain._unrestrictedGetObject().reindexObject()
    logger.info("Reindexed %d trainings for the programme", len(trainings))
