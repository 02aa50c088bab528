"""1005: personal data kept no longer than needed, and a person's rights to it (issue #13)."""

from plone import api
from vaasa.somementor.registrations.store import PERSONAL_INDEXES

import logging


logger = logging.getLogger(__name__)

# The retention setting, the permission and its configlet, the two indexes.
STEPS = ("rolemap", "controlpanel", "catalog", "plone.app.registry")


def retention_and_rights(context):
    setup = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup.runImportStepFromProfile("profile-vaasa.somementor:default", step)
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type=("LoanRequest", "Training"))
    for brain in brains:
        # New indexes start empty: every request and training is found by email from now on.
        brain._unrestrictedGetObject().reindexObject(idxs=list(PERSONAL_INDEXES))
    logger.info("Indexed %d loan requests and trainings by their people's email", len(brains))
