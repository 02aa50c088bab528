"""Where the privacy statement a requester consents to can be read."""

from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from vaasa.somementor.settings import setting


def privacy_statement(language):
    """The privacy statement in ``language`` (or its original), or None if none is set."""
    path = (setting("privacy_page") or "").strip().strip("/")
    if not path:
        return None
    site = api.portal.get()
    page = site.unrestrictedTraverse(path, None)
    if page is None:
        return None
    manager = ITranslationManager(page, None)
    if manager is not None and language:
        page = manager.get_translation(language) or page
    return page
