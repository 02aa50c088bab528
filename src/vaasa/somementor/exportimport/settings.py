"""The control panel's settings (interfaces.ISettings), which plone.exportimport leaves behind."""

from plone.exportimport.exporters.base import BaseExporter
from plone.exportimport.importers.base import BaseImporter
from plone.registry.interfaces import IRegistry
from vaasa.somementor.interfaces import ISettings
from zope.component import getUtility
from zope.schema import getFieldNames


NAME = "vaasa_somementor_settings"


def _record(name):
    return f"{ISettings.__identifier__}.{name}"


class SettingsExporter(BaseExporter):
    name = NAME

    def dump(self):
        registry = getUtility(IRegistry)
        data = {
            name: registry[_record(name)]
            for name in getFieldNames(ISettings)
            if _record(name) in registry.records
        }
        return [self._dump(data)]


class SettingsImporter(BaseImporter):
    name = NAME

    def do_import(self):
        data = self._read()
        if data is None:
            return f"{self.__class__.__name__}: No data to import"
        registry = getUtility(IRegistry)
        # A setting this version no longer has is dropped; one it added keeps its default.
        known = {name: value for name, value in data.items() if _record(name) in registry.records}
        for name, value in known.items():
            # The record's own field checks the value, as the control panel would.
            registry[_record(name)] = value
        return f"{self.__class__.__name__}: Imported {len(known)} settings"
