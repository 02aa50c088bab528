"""plone.exportimport carries the demo site whole into a fresh site with the add-on.

Everything a coordinator, a mentor or a requester relies on is compared item by
item: fields, states and history, translations, relations, local roles and
permissions, catalog entries, status links, registrations, settings and the
funder's figures.
"""

from AccessControl.Permission import Permission
from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.users import system
from Acquisition import aq_base
from datetime import date
from plone import api
from plone.app.multilingual.browser.setup import SetupMultilingualSite
from plone.app.multilingual.interfaces import ITranslatable
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.testing import TEST_USER_ID
from plone.dexterity.utils import iterSchemata
from plone.exportimport.exporters import get_exporter
from plone.exportimport.importers import get_importer
from plone.restapi.interfaces import IPloneRestapiLayer
from plone.restapi.serializer.converters import json_compatible
from Products.CMFPlone.factory import addPloneSite
from vaasa.somementor import audit
from vaasa.somementor import retention
from vaasa.somementor import statistics
from vaasa.somementor.content.anonymised import anonymised
from vaasa.somementor.interfaces import IBrowserLayer
from vaasa.somementor.interfaces import ISettings
from vaasa.somementor.loans import tokens
from vaasa.somementor.registrations import store
from z3c.relationfield.interfaces import IRelationValue
from zope.annotation.interfaces import IAnnotations
from zope.component import getMultiAdapter
from zope.component.hooks import setSite
from zope.interface import alsoProvides
from zope.interface import directlyProvidedBy
from zope.interface import directlyProvides
from zope.publisher.interfaces.browser import IDefaultBrowserLayer
from zope.schema import getFieldsInOrder

import json
import pytest
import re


LANGUAGES = ["fi", "sv", "en"]
PERMISSIONS = (
    "View",
    "Access contents information",
    "Modify portal content",
    "Delete objects",
    "Add portal content",
    "Review portal content",
    "vaasa.somementor: Submit loan request",
    "vaasa.somementor: Review loan requests",
    "vaasa.somementor: Schedule loans",
    "vaasa.somementor: Cancel loan requests",
    "vaasa.somementor: Edit requester data",
    "vaasa.somementor: Manage mentors",
    "vaasa.somementor: Manage registrations",
    "vaasa.somementor: View mentor ring",
    "vaasa.somementor: View statistics",
)
# The funder's year of the project and the one after it, in each language's names.
PERIODS = ((date(2012, 8, 1), date(2013, 7, 31)), (date(2013, 8, 1), date(2014, 7, 31)))
# A new site gives each set of translations a new group id; the groups are compared
# as the UIDs they link (``translations``), not by that id.
NEW_IN_EACH_SITE = {"TranslationGroup", "cmf_uid"}
# Dexterity names the schemas of the site root after the site's path and creation.
GENERATED = "plone.dexterity.schema.generated."


def _plain(value):
    """A value as JSON can compare it; a relation is the UID it points to."""
    if IRelationValue.providedBy(value):
        return {"relation to": value.to_object.UID() if value.to_object else None}
    if hasattr(value, "raw") and hasattr(value, "mimeType"):
        return {"rich text": value.raw, "type": value.mimeType}
    if hasattr(value, "filename") and hasattr(value, "data"):
        return {"file": value.filename, "size": len(value.data)}
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    return json_compatible(value)


def _fields(item):
    fields = {}
    for schema in iterSchemata(item):
        adapted = schema(item, None)
        for name, _field in getFieldsInOrder(schema):
            fields[f"{schema.__name__}.{name}"] = _plain(getattr(adapted, name, None))
    return fields


def _permissions(item):
    settings = {}
    for name in PERMISSIONS:
        roles = Permission(name, (), item).getRoles(default=[])
        settings[name] = {"acquire": isinstance(roles, list), "roles": sorted(roles)}
    return settings


def _translations(item):
    if not ITranslatable.providedBy(item):
        return None
    return {
        language: version.UID()
        for language, version in ITranslationManager(item).get_translations().items()
    }


def _catalog_entry(catalog, brain):
    rid = brain.getRID()
    indexes = {
        name: _index_value(value)
        for name, value in catalog.getIndexDataForRID(rid).items()
        if name not in NEW_IN_EACH_SITE
    }
    columns = {
        name: _plain(value)
        for name, value in catalog.getMetadataForRID(rid).items()
        if name not in NEW_IN_EACH_SITE
    }
    return {"indexes": indexes, "columns": columns}


def _index_value(value):
    # A keyword index keeps a set: its order is no part of it.
    if isinstance(value, list):
        kept = [_plain(one) for one in value if not str(one).startswith(GENERATED)]
        return sorted(kept, key=repr)
    return _plain(value)


def _item(catalog, brain):
    item = brain._unrestrictedGetObject()
    snapshot = {
        "UID": item.UID(),
        "portal_type": item.portal_type,
        "created": _plain(item.created()),
        "modified": _plain(item.modified()),
        "review_state": api.content.get_state(item, default=None),
        "workflow_history": _plain(dict(getattr(aq_base(item), "workflow_history", {}))),
        "fields": _fields(item),
        "local_roles": {user: sorted(roles) for user, roles in item.get_local_roles()},
        "local_roles_blocked": bool(getattr(aq_base(item), "__ac_local_roles_block__", False)),
        "permissions": _permissions(item),
        "translations": _translations(item),
        "catalog": _catalog_entry(catalog, brain),
    }
    if item.portal_type == "LoanRequest":
        snapshot["status_token_hash"] = tokens.token_hash(item)
        snapshot["anonymised"] = anonymised(item)
    if item.portal_type == "Training":
        found = store.registrations(item)
        snapshot["registrations"] = _plain(list(found.records) if found else [])
        snapshot["attendance_taken"] = found.attendance_taken if found else None
    return snapshot


# The new site root was made when it was made; an import does not date it back.
SITE_DATES = ("created", "modified", "CreationDate", "ModificationDate", "Date")


def _forget_site_dates(root):
    for name in SITE_DATES:
        for found in (root, root["catalog"]["indexes"], root["catalog"]["columns"]):
            found.pop(name, None)


def snapshot(site):
    """All that the round trip must keep, with the site's own address taken out."""
    setSite(site)
    catalog = api.portal.get_tool("portal_catalog")
    site_path = "/".join(site.getPhysicalPath())
    items = {
        brain.getPath()[len(site_path) :]: _item(catalog, brain)
        for brain in catalog.unrestrictedSearchResults(path=site_path)
    }
    _forget_site_dates(items[""])
    whole = {
        "items": items,
        "audit": [dict(entry) for entry in IAnnotations(site).get(audit.KEY, ())],
        "settings": {
            name: api.portal.get_registry_record(name, interface=ISettings, default=None)
            for name, _field in getFieldsInOrder(ISettings)
        },
        "statistics": {
            f"{first}/{last}/{language}": statistics.figures(first, last, language)
            for first, last in PERIODS
            for language in LANGUAGES
        },
        "people": {
            user.getId(): sorted(group.getId() for group in api.group.get_groups(user=user))
            for user in api.user.get_users()
            if user.getId() != TEST_USER_ID
        },
    }
    text = json.dumps(_plain(whole), sort_keys=True, indent=1, default=repr)
    text = text.replace(site.absolute_url(), "SITE").replace(site.UID(), "SITE-UID")
    text = re.sub(f'"{re.escape(site_path)}(?=[/"])', '"SITE-PATH', text)
    return json.loads(text)


def fresh_site(app):
    """A new site with the add-on and the demo's three languages, and no content of its own.

    Made in a folder of its own, so it has the demo site's id.
    """
    app.manage_addFolder("imported")
    container = app["imported"]
    site = addPloneSite(
        container,
        "plone",
        extension_ids=("plone.app.contenttypes:default", "vaasa.somementor:default"),
        default_language=LANGUAGES[0],
        portal_timezone="Europe/Helsinki",
    )
    setSite(site)
    api.portal.set_registry_record("plone.available_languages", LANGUAGES)
    api.portal.set_registry_record("plone.default_language", LANGUAGES[0])
    SetupMultilingualSite().setupSite(site)
    return site


def differences(before, after, where=""):
    """Every value that differs, one line each: where it is, what it was, what it became."""
    if isinstance(before, dict) and isinstance(after, dict):
        return [
            line
            for key in sorted(set(before) | set(after))
            for line in differences(
                before.get(key, MISSING), after.get(key, MISSING), f"{where}/{key}"
            )
        ]
    if before == after:
        return []
    return [f"{where}: {before!r} -> {after!r}"]


MISSING = "(missing)"


def report(lines):
    return f"{len(lines)} differences:\n" + "\n".join(lines)


@pytest.fixture
def as_the_console_scripts(demo_integration):
    """plone-exporter and plone-importer run as Zope's system user, on a bare request.

    Their request has plone.restapi's layer and no other: neither the add-on's nor
    plone.app.multilingual's, which would otherwise quietly do part of the work.
    """
    request = demo_integration["request"]
    layers = directlyProvidedBy(request)
    directlyProvides(request, IDefaultBrowserLayer, IPloneRestapiLayer)
    kept = getSecurityManager()
    newSecurityManager(None, system)
    yield
    setSecurityManager(kept)
    directlyProvides(request, layers)


@pytest.fixture
def round_trip(demo_integration, tmp_path, as_the_console_scripts):
    app, demo = demo_integration["app"], demo_integration["portal"]
    # As scripts/create_site.py makes it, the site's own language is the default one
    # (the test layer made it in English); plone.exportimport reads the site's.
    demo.language = api.portal.get_registry_record("plone.default_language")
    demo.reindexObject(idxs=["Language"])
    # The demo's requests were made by a script, not through the form: give one the
    # status link the form gives (loans.submission).
    catalog = api.portal.get_tool("portal_catalog")
    scheduled = catalog.unrestrictedSearchResults(
        portal_type="LoanRequest", review_state="scheduled"
    )
    linked = scheduled[0]._unrestrictedGetObject()
    linked._status_token = tokens.new_token()
    linked.reindexObject(idxs=["loan_token_hash"])
    # And one request's personal data removed, as the retention rule does.
    expired = catalog.unrestrictedSearchResults(portal_type="LoanRequest", review_state="completed")
    retention.anonymise_loan(expired[0]._unrestrictedGetObject())
    audit.record(audit.EXPIRED, loans=1, registrations=0)
    get_exporter(demo).export_site(tmp_path)
    copy = fresh_site(app)
    importer = get_importer(copy)
    for one in importer.importers.values():
        # The test layer's transaction must stay open, to be thrown away after the test.
        one.intermediate_commits = False
    importer.import_site(tmp_path)
    assert not importer.incomplete, importer.incomplete
    yield {"demo": demo, "copy": copy, "linked": linked, "path": tmp_path}
    setSite(demo)


class TestRoundTrip:
    def test_every_item_field_state_and_permission_is_equal(self, round_trip):
        before = snapshot(round_trip["demo"])
        after = snapshot(round_trip["copy"])
        assert before["items"], "the demo site has no content to compare"
        lines = differences(before, after)
        assert not lines, report(lines)

    def test_status_link_still_opens_the_status_page(self, round_trip):
        copy, linked = round_trip["copy"], round_trip["linked"]
        token, requester = linked._status_token, linked.requester_name
        setSite(copy)
        request = copy.REQUEST
        alsoProvides(request, IBrowserLayer)
        view = getMultiAdapter((copy[LANGUAGES[0]], request), name="loan-status")
        view.publishTraverse(request, token)
        assert requester in view()
        assert tokens.find(token).UID() == linked.UID()
        # The add-on's data beside the content travels in files of its own.
        names = {path.name for path in round_trip["path"].iterdir()}
        assert {
            "vaasa_somementor_settings.json",
            "vaasa_somementor_registrations.json",
            "vaasa_somementor_loans.json",
            "vaasa_somementor_creators.json",
        } <= names
