"""Upgrade steps of the default profile (profiles/default/metadata.xml)."""

from plone import api
from vaasa.somementor import setuphandlers
from vaasa.somementor.content.validators import wished_ranges
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
