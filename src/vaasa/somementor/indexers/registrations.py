"""How many seats of a training are taken, for the programme's rows (from brains)."""

from plone.indexer import indexer
from vaasa.somementor.content.training import ITraining
from vaasa.somementor.registrations import store


@indexer(ITraining)
def training_seats_taken(obj):
    # Read from the translation group's registrations, so every version shows the same.
    return store.seats_taken(obj)
