"""Each item's language, where no field of its type holds it.

The add-on's types are translated by plone.app.multilingual but have no language
field, so plone.restapi writes no language for them. The site's pages set one on
creation only for requests through plone.app.multilingual's layer, which the
console scripts do not have: without this, every imported mentor, training and
request would have none and drop out of its language tree and its translations.
"""

from plone import api
from plone.base.interfaces import ILanguage
from plone.exportimport.exporters.base import BaseExporter
from plone.exportimport.importers.base import BaseImporter


NAME = "vaasa_somementor_languages"


class LanguagesExporter(BaseExporter):
    name = NAME

    def dump(self):
        catalog = api.portal.get_tool("portal_catalog")
        everything = catalog.unrestrictedSearchResults(path="/".join(self.site.getPhysicalPath()))
        data = {
            brain.UID: ILanguage(brain._unrestrictedGetObject()).get_language()
            for brain in everything
        }
        return [self._dump(data)]


class LanguagesImporter(BaseImporter):
    name = NAME

    def do_import(self):
        data = self._read()
        if data is None:
            return f"{self.__class__.__name__}: No data to import"
        restored = 0
        for uid, language in data.items():
            item = api.content.get(UID=uid)
            if item is None or ILanguage(item).get_language() == language:
                continue
            ILanguage(item).set_language(language)
            item.reindexObject(idxs=["Language"])
            restored += 1
        return f"{self.__class__.__name__}: Imported the language of {restored} items"
