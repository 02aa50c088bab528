"""Create the demo site if it is missing, and make sure its content is there.

Run inside Zope: ``zconsole run instance/etc/zope.conf scripts/create_site.py``.
A second run finds the site and the demo content and leaves both as they are.
On a new database (first start, Data.fs deleted, ``make reset-site``) it also
creates the Zope admin user from ADMIN_USER and ADMIN_PASSWORD (the Makefile
sets both from ``ADMIN=user:password``).
"""

from AccessControl.SecurityManagement import newSecurityManager
from plone.base.utils import get_installer
from plone.distribution.api import site as site_api
from Products.CMFCore.indexing import processQueue
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import os
import sys
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


def zope_admin(app):
    """The admin who creates the site; a new database has no users yet.

    Zope copies the ``inituser`` file of mkwsgiinstance into the first
    database only and then deletes the file, so a later empty database
    starts without anyone who may create a site.
    """
    users = app.acl_users
    if users.getUserById(ADMIN) is None:
        password = os.environ.get("ADMIN_PASSWORD")
        if not password:
            sys.exit(f"This database has no user {ADMIN!r}: set ADMIN_PASSWORD to create it.")
        users.userFolderAddUser(ADMIN, password, ["Manager"], [])
        # Now: plone.distribution begins a new transaction, dropping this one.
        transaction.commit()
        print(f"Zope user {ADMIN} created (Manager).")
    return users.getUserById(ADMIN).__of__(users)


def main(app):
    app = makerequest(app)
    newSecurityManager(None, zope_admin(app))

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
