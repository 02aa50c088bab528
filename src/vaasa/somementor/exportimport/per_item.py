"""One value per item, kept beside the schema: written as {UID: value}, read back item by item.

The add-on's exporter pairs for creators, languages and loan marks differ only in
which items they visit, what they read, and how they put it back.
"""

from plone import api
from plone.exportimport.exporters.base import BaseExporter
from plone.exportimport.importers.base import BaseImporter


class PerItemExporter(BaseExporter):
    query = {}

    def read(self, item):
        raise NotImplementedError

    def dump(self):
        catalog = api.portal.get_tool("portal_catalog")
        query = self.query or {"path": "/".join(self.site.getPhysicalPath())}
        found = catalog.unrestrictedSearchResults(**query)
        values = {brain.UID: self.read(brain._unrestrictedGetObject()) for brain in found}
        return [self._dump(values)]


class PerItemImporter(BaseImporter):
    # The indexes to refresh on an item whose value was put back.
    indexes = ()
    what = "items"

    def restore(self, item, value):
        """Put ``value`` back on ``item``; False when there was nothing to do."""
        raise NotImplementedError

    def do_import(self):
        data = self._read()
        if data is None:
            return f"{self.__class__.__name__}: No data to import"
        restored = 0
        for uid, value in data.items():
            item = api.content.get(UID=uid)
            if item is not None and self.restore(item, value):
                item.reindexObject(idxs=list(self.indexes))
                restored += 1
        return f"{self.__class__.__name__}: Imported the {self.what} of {restored} items"
