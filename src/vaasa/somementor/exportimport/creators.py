"""Who created each item: kept by CMF beside the schema, where plone.restapi does not look.

The add-on's types have no ownership behaviour, so without this an imported
request, mentor or training would name nobody as its creator.
"""

from plone import api
from plone.exportimport.exporters.base import BaseExporter
from plone.exportimport.importers.base import BaseImporter


NAME = "vaasa_somementor_creators"


class CreatorsExporter(BaseExporter):
    name = NAME

    def dump(self):
        catalog = api.portal.get_tool("portal_catalog")
        everything = catalog.unrestrictedSearchResults(path="/".join(self.site.getPhysicalPath()))
        data = {
            brain.UID: list(brain._unrestrictedGetObject().listCreators()) for brain in everything
        }
        return [self._dump(data)]


class CreatorsImporter(BaseImporter):
    name = NAME

    def do_import(self):
        data = self._read()
        if data is None:
            return f"{self.__class__.__name__}: No data to import"
        restored = 0
        for uid, creators in data.items():
            item = api.content.get(UID=uid)
            if item is None or list(item.listCreators()) == creators:
                continue
            item.setCreators(creators)
            item.reindexObject(idxs=["Creator"])
            restored += 1
        return f"{self.__class__.__name__}: Imported the creators of {restored} items"
