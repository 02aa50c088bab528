"""The bench's stock site: classic Plone, plone.app.multilingual, the demo's Document.

Run by zconsole (``generate.py`` and, before every run, ``instance.prepare_data``)::

    zconsole run etc/zope.conf benchmarks/stock_site.py

The add-on's overhead is the demo's privacy Document against the same Document
here: in the same three languages, linked as translations, so both pages carry
the same language links and hreflang alternates, and the difference is the
add-on's. A stock site made before the translations were copied gets them.
"""

from AccessControl.SecurityManagement import newSecurityManager
from plone import api
from plone.app.multilingual.browser.setup import SetupMultilingualSite
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.textfield.value import RichTextValue
from plone.base.interfaces import ILanguage
from plone.base.utils import get_installer
from plone.distribution.api import site as site_api
from Testing.makerequest import makerequest
from vaasa.somementor.demo import data
from zope.component.hooks import setSite

import transaction


DEMO_SITE = "Plone"
STOCK_SITE = "stock"
LANGUAGES = ("fi", "sv", "en")


def _create_site(app):
    site_api.create(
        app,
        "classic",
        {
            "site_id": STOCK_SITE,
            "title": "Stock Plone",
            "default_language": "fi",
            "portal_timezone": "Europe/Helsinki",
            "setup_content": False,
        },
    )
    site = app[STOCK_SITE]
    setSite(site)
    get_installer(site, site.REQUEST).install_product("plone.app.multilingual")
    api.portal.set_registry_record("plone.available_languages", list(LANGUAGES))
    api.portal.set_registry_record("plone.default_language", "fi")
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    SetupMultilingualSite().setupSite(site)
    return site


def _copy(site, original):
    """The demo's Document in its language root of ``site``, published; kept if there."""
    language = original.Language()
    root = site[language]
    if original.getId() in root.objectIds():
        return root[original.getId()]
    page = api.content.create(
        root,
        "Document",
        id=original.getId(),
        title=original.Title(),
        description=original.Description(),
        text=RichTextValue(original.text.raw, "text/html", "text/x-html-safe"),
        exclude_from_nav=True,
    )
    ILanguage(page).set_language(language)
    api.content.transition(page, transition="publish")
    page.reindexObject()
    return page


def make_stock_site(app):
    """Create the stock site if missing, with the demo's privacy Document in every language."""
    demo = app[DEMO_SITE]
    setSite(demo)
    finnish = demo["fi"][data.PRIVACY["id"]["fi"]]
    originals = ITranslationManager(finnish).get_translations()
    site = app[STOCK_SITE] if STOCK_SITE in app.objectIds() else _create_site(app)
    setSite(site)
    pages = {lang: _copy(site, originals[lang]) for lang in LANGUAGES if lang in originals}
    manager = ITranslationManager(pages["fi"])
    for language, page in pages.items():
        if language != "fi" and not manager.has_translation(language):
            manager.register_translation(language, page)
    transaction.commit()


if __name__ == "__main__":
    app = makerequest(app)  # noqa: F821 - zconsole provides ``app``
    admin = app.acl_users.getUserById("admin")
    newSecurityManager(None, admin.__of__(app.acl_users))
    make_stock_site(app)
