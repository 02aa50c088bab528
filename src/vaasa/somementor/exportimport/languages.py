"""Each item's language, where no field of its type holds it.

The add-on's types are translated by plone.app.multilingual but have no language
field, so plone.restapi writes no language for them. The site's pages set one on
creation only for requests through plone.app.multilingual's layer, which the
console scripts do not have: without this, every imported mentor, training and
request would have none and drop out of its language tree and its translations.
"""

from plone.base.interfaces import ILanguage
from vaasa.somementor.exportimport.per_item import PerItemExporter
from vaasa.somementor.exportimport.per_item import PerItemImporter


NAME = "vaasa_somementor_languages"


class LanguagesExporter(PerItemExporter):
    name = NAME

    def read(self, item):
        return ILanguage(item).get_language()


class LanguagesImporter(PerItemImporter):
    name = NAME
    indexes = ("Language",)
    what = "language"

    def restore(self, item, language):
        if ILanguage(item).get_language() == language:
            return False
        ILanguage(item).set_language(language)
        return True
