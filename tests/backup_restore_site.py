"""What test_backup_restore.py does inside a test instance, through zconsole.

``zconsole run zope.conf tests/backup_restore_site.py image ID`` adds an
image with known bytes, ``page ID`` adds a page, ``report`` adds nothing;
each then prints, as one JSON line, what a restore must bring back.
Not collected by pytest.
"""

from AccessControl.SecurityManagement import newSecurityManager
from plone import api
from plone.base.utils import get_installer
from plone.namedfile.file import NamedBlobImage
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import base64
import io
import json
import os
import PIL.Image
import sys
import transaction


ADMIN = os.environ["ADMIN_USER"]
PASSWORD = os.environ["ADMIN_PASSWORD"]


def png_bytes():
    buffer = io.BytesIO()
    PIL.Image.new("RGB", (3, 2), (200, 30, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def report(app, site):
    request = app.REQUEST
    request.environ.setdefault("REMOTE_ADDR", "127.0.0.1")
    admin = app.acl_users.authenticate(ADMIN, PASSWORD, request)
    images = {}
    for brain in site.portal_catalog.unrestrictedSearchResults(portal_type="Image"):
        blob = brain._unrestrictedGetObject().image
        images[brain.getId] = {
            "data": base64.b64encode(blob.data).decode(),
            "blob_file": blob._blob.committed(),
        }
    return {
        "admin_roles": sorted(admin.getRoles()) if admin else None,
        "add_on_installed": get_installer(site, request).is_product_installed("vaasa.somementor"),
        "paths": sorted(
            brain.getPath()
            for brain in site.portal_catalog.unrestrictedSearchResults(path="/Plone")
        ),
        "images": images,
    }


def main(app, command, *args):
    app = makerequest(app)
    admin = app.acl_users.getUserById(ADMIN)
    newSecurityManager(None, admin.__of__(app.acl_users))
    site = app["Plone"]
    setSite(site)
    if command == "image":
        (item_id,) = args
        image = NamedBlobImage(data=png_bytes(), filename=f"{item_id}.png")
        api.content.create(site, "Image", id=item_id, title=item_id, image=image)
    elif command == "page":
        (item_id,) = args
        api.content.create(site, "Document", id=item_id, title=item_id)
    transaction.commit()
    print(json.dumps(report(app, site)))


# zconsole leaves its own arguments in sys.argv: run, zope.conf, this script.
main(app, *sys.argv[4:])  # noqa: F821 - zconsole provides ``app``
