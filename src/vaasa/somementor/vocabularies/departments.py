"""City units and municipalities, editable by site administrators in the registry."""

from plone import api
from vaasa.somementor import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


REGISTRY_RECORD = "vaasa.somementor.departments"


@provider(IVocabularyFactory)
def departments(context=None):
    # Titles go through the message factory so the shipped units are translated;
    # a unit an administrator adds later is shown as typed.
    entries = api.portal.get_registry_record(REGISTRY_RECORD, default=None) or {}
    return SimpleVocabulary(
        [SimpleTerm(token, token, _(title)) for token, title in entries.items()]
    )
