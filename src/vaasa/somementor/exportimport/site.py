"""plone.exportimport runs only the exporters and importers it names itself.

These replace its site exporter and importer (overrides.zcml) with ones that also
run every other named one, such as the add-on's, in name order: before the final
importer, which puts back the modification dates the others touch, unless the
importer asks to come after it (``after_final``).
"""

from plone.exportimport import exporters
from plone.exportimport import importers
from plone.exportimport import interfaces
from zope.component import getAdapters


FINAL = "plone.importer.final"


def _added(site, interface, known):
    return sorted(
        (name, adapter)
        for name, adapter in getAdapters((site,), interface)
        if name and name not in known
    )


class SiteExporter(exporters.Exporter):
    def all_exporters(self):
        found = super().all_exporters()
        found.update(_added(self.site, interfaces.INamedExporter, found))
        return found


class SiteImporter(importers.Importer):
    def all_importers(self):
        found = super().all_importers()
        final = found.pop(FINAL, None)
        added = _added(self.site, interfaces.INamedImporter, [*found, FINAL])
        found.update((name, one) for name, one in added if not getattr(one, "after_final", False))
        if final is not None:
            found[FINAL] = final
        found.update((name, one) for name, one in added if getattr(one, "after_final", False))
        return found
