"""Create an empty site for ``plone-importer``: the add-on and the three languages, no content.

Run inside Zope: ``SITE_ID=Copy zconsole run instance/etc/zope.conf scripts/site_for_import.py``.
An existing site is never touched: the import would mix two sites' content.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import system
from plone import api
from plone.app.multilingual.browser.setup import SetupMultilingualSite
from plone.base.utils import get_installer
from plone.distribution.api import site as site_api
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import os
import sys
import transaction


SITE_ID = os.environ.get("SITE_ID", "")
# The export's languages, default first: plone-importer files content of any other
# language under the default one.
LANGUAGES = os.environ.get("LANGUAGES", "fi sv en").split()


def main(app):
    if not SITE_ID:
        sys.exit("Set SITE_ID to the id of the new site.")
    if SITE_ID in app.objectIds():
        sys.exit(f"{SITE_ID} exists: import into a new site only.")
    app = makerequest(app)
    newSecurityManager(None, system)
    answers = {
        "site_id": SITE_ID,
        "title": SITE_ID,
        "default_language": LANGUAGES[0],
        "portal_timezone": "Europe/Helsinki",
        "setup_content": False,
    }
    site = site_api.create(app, "classic", answers)
    setSite(site)
    get_installer(site, site.REQUEST).install_product("vaasa.somementor")
    api.portal.set_registry_record("plone.available_languages", LANGUAGES)
    api.portal.set_registry_record("plone.default_language", LANGUAGES[0])
    SetupMultilingualSite().setupSite(site)
    transaction.commit()
    print(f"Site {SITE_ID} created for the import.")


main(app)  # noqa: F821 - zconsole provides ``app``
