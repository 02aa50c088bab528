"""A training's registrations follow what happens to the training itself."""

from plone import api
from vaasa.somementor.registrations import cancel
from vaasa.somementor.registrations import store


def training_changed(training, event):
    """More seats (a raised capacity, or none at all now) go to the first who wait."""
    if cancel.promote(training):
        store.reindex(training)


def training_removed(training, event):
    """The last language version gone: its registrants' personal data goes with it."""
    catalog = api.portal.get_tool("portal_catalog")
    others = [
        brain
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Training", TranslationGroup=store.group(training)
        )
        if training.UID() != brain.UID
    ]
    if not others:
        store.forget(training)
