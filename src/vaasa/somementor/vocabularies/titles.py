"""Vocabulary titles in the reader's language, for pages, REST answers and mails alike."""

from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


def vocabulary(name, context):
    return getUtility(IVocabularyFactory, name)(context)


def titles(vocabulary, tokens, request):
    """Translated titles of ``tokens``; a token the vocabulary lost is shown as stored."""
    return [
        translate(vocabulary.getTerm(token).title, context=request)
        if token in vocabulary
        else token
        for token in tokens
    ]


def term_titles(context, request, schema, field_name):
    """Titles of the terms chosen in a choice or list field of ``context``."""
    field = schema[field_name]
    value = getattr(context, field_name, None) or []
    tokens = [value] if isinstance(value, str) else value
    name = getattr(field, "value_type", field).vocabularyName
    return titles(vocabulary(name, context), tokens, request)


def title_map(vocabulary, request):
    """Every term's translated title by value, for listings that show many rows.

    Translating once per request and reading the dict per row costs one
    ``translate()`` per term instead of one per term per row.
    """
    return {
        term.value: translate(term.title, context=request) if term.title else term.token
        for term in vocabulary
    }


# Finnish and Swedish write language names in lower case within a sentence
# ("Kielet: suomi, ruotsi"); the vocabulary's titles are capitalised because
# they also stand alone, as filter options and checkbox labels.
LOWER_CASE_LANGUAGE_NAMES = ("fi", "sv")


def language_names_in_text(names, language):
    """``names`` (titles of the Languages vocabulary) as they read mid-sentence in ``language``."""
    if (language or "")[:2] not in LOWER_CASE_LANGUAGE_NAMES:
        return list(names)
    return [name[:1].lower() + name[1:] for name in names]
