"""Who created each item: kept by CMF beside the schema, where plone.restapi does not look.

The add-on's types have no ownership behaviour, so without this an imported
request, mentor or training would name nobody as its creator.
"""

from vaasa.somementor.exportimport.per_item import PerItemExporter
from vaasa.somementor.exportimport.per_item import PerItemImporter


NAME = "vaasa_somementor_creators"


class CreatorsExporter(PerItemExporter):
    name = NAME

    def read(self, item):
        return list(item.listCreators())


class CreatorsImporter(PerItemImporter):
    name = NAME
    indexes = ("Creator",)
    what = "creators"

    def restore(self, item, creators):
        if list(item.listCreators()) == creators:
            return False
        item.setCreators(creators)
        return True
