"""The lasting record of every removal of personal data (vaasa.somementor.audit).

It is the site's proof of what was removed, when and why: it moves with the site.
"""

from persistent.list import PersistentList
from plone import api
from plone.exportimport.exporters.base import BaseExporter
from plone.exportimport.importers.base import BaseImporter
from vaasa.somementor import audit
from zope.annotation.interfaces import IAnnotations


NAME = "vaasa_somementor_audit"


class AuditExporter(BaseExporter):
    name = NAME

    def dump(self):
        entries = IAnnotations(api.portal.get()).get(audit.KEY, ())
        return [self._dump([dict(entry) for entry in entries])]


class AuditImporter(BaseImporter):
    name = NAME

    def do_import(self):
        data = self._read()
        if data is None:
            return f"{self.__class__.__name__}: No data to import"
        IAnnotations(api.portal.get())[audit.KEY] = PersistentList(data)
        return f"{self.__class__.__name__}: Imported {len(data)} removals of personal data"
