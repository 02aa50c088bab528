"""1005: personal data kept no longer than needed, and a person's rights to it (issue #13).

Also the mentors' monthly maximum as catalog metadata, so the desk counts a
person's month without loading the mentor (issue #12).
"""

from plone import api
from vaasa.somementor.registrations.store import PERSONAL_INDEXES

import logging


logger = logging.getLogger(__name__)

# The retention setting, the permission and its configlet, the two indexes and the column.
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
    mentors = catalog.unrestrictedSearchResults(portal_type="Mentor")
    for brain in mentors:
        # Metadata is refreshed whatever is named; naming no index would touch the modified date.
        brain._unrestrictedGetObject().reindexObject(idxs=["getId"])
    logger.info("Catalogued the monthly maximum of %d mentors", len(mentors))
