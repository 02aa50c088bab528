"""Create the demo site if it is missing, and make sure its content is there.

Run inside Zope: ``zconsole run instance/etc/zope.conf scripts/create_site.py``.
A second run finds the site and the demo content and leaves both as they are.
"""

from AccessControl.SecurityManagement import newSecurityManager
from plone.base.utils import get_installer
from plone.distribution.api import site as site_api
from Products.CMFCore.indexing import processQueue
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import os
import transaction


SITE_ID = os.environ.get("SITE_ID", "Plone")
ADMIN = os.environ.get("ADMIN_USER", "admin")
ANSWERS = {
    "site_id": SITE_ID,
    "title": "Lainaa SoMe-mentori",
    "description": "Vaasan kaupunginkirjasto: lainaa sosiaalisen median mentori.",
    "default_language": "fi",
    "portal_timezone": "Europe/Helsinki",
    "setup_content": False,
}


def main(app):
    app = makerequest(app)
    admin = app.acl_users.getUserById(ADMIN)
    newSecurityManager(None, admin.__of__(app.acl_users))

    if SITE_ID in app.objectIds():
        print(f"Site {SITE_ID} exists; keeping it.")
    else:
        site_api.create(app, "classic", ANSWERS)
        print(f"Site {SITE_ID} created.")

    site = app[SITE_ID]
    setSite(site)
    installer = get_installer(site, site.REQUEST)
    if not installer.is_product_installed("vaasa.somementor"):
        installer.install_product("vaasa.somementor")
    site.portal_setup.runAllImportStepsFromProfile("profile-vaasa.somementor:demo")
    processQueue()
    transaction.commit()


main(app)  # noqa: F821 - zconsole provides ``app``
