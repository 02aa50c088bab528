from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


def term_titles(context, request, schema, field_name):
    """Translated titles of the vocabulary terms chosen in a choice or list field."""
    field = schema[field_name]
    vocabulary_name = getattr(field, "value_type", field).vocabularyName
    vocabulary = getUtility(IVocabularyFactory, vocabulary_name)(context)
    value = getattr(context, field_name, None) or []
    tokens = [value] if isinstance(value, str) else value
    return [
        translate(vocabulary.getTerm(token).title, context=request)
        if token in vocabulary
        else token
        for token in tokens
    ]
