"""A training's registrations follow what happens to the training itself."""

from plone import api
from vaasa.somementor.exportimport import importing
from vaasa.somementor.registrations import cancel
from vaasa.somementor.registrations import store


def training_changed(training, event):
    """More seats (a raised capacity, or none at all now) go to the first who wait."""
    # An import restores the waiting list as it was; it promotes nobody.
    if importing():
        return
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
