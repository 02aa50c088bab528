"""Anonymise the personal data whose retention period is over (issue #13).

Run inside Zope: ``zconsole run instance/etc/zope.conf scripts/anonymise.py``
(``make anonymise``). A FileStorage is locked by a running site: then let cron
post to ``@@anonymise-expired`` instead (README). A second run finds nothing to do.
"""

from AccessControl.SecurityManagement import newSecurityManager
from Products.CMFCore.indexing import processQueue
from Testing.makerequest import makerequest
from vaasa.somementor import retention
from zope.component.hooks import setSite

import logging
import os
import transaction


SITE_ID = os.environ.get("SITE_ID", "Plone")
ADMIN = os.environ.get("ADMIN_USER", "admin")


def main(app):
    # Zope's own logging leaves out INFO; the counts are worth a line in cron's mail.
    logging.getLogger("vaasa.somementor.retention").setLevel(logging.INFO)
    app = makerequest(app)
    admin = app.acl_users.getUserById(ADMIN)
    newSecurityManager(None, admin.__of__(app.acl_users))
    site = app[SITE_ID]
    setSite(site)
    retention.run()
    processQueue()
    transaction.commit()


main(app)  # noqa: F821 - zconsole provides ``app``
