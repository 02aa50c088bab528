"""The vocabulary title helpers, where the views have always found them."""

from vaasa.somementor.vocabularies.titles import term_titles
from vaasa.somementor.vocabularies.titles import title_map
from vaasa.somementor.vocabularies.titles import titles
from vaasa.somementor.vocabularies.titles import vocabulary


__all__ = ["term_titles", "title_map", "titles", "vocabulary"]
