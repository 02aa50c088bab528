"""What plone.exportimport needs to carry the add-on from one site to another.

plone.exportimport moves content, workflow history, local roles, relations and
translations. The add-on keeps more beside its content: the control panel's
registry records, each training's registrations (site annotations, keyed by
translation group) and each loan request's private status token. Each has an
exporter and importer pair here; site.py makes plone.exportimport run them.
"""

from plone.exportimport.interfaces import IExportImportRequestMarker
from zope.globalrequest import getRequest


def importing():
    """Whether this request replays an export: history is restored, nothing is decided anew."""
    return IExportImportRequestMarker.providedBy(getRequest())
