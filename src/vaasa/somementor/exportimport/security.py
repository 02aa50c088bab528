"""After the import: each item's permissions and catalog entry as its restored data says.

plone.exportimport replays workflow states before it restores the history, and
links relations after the content: the Mentor role (content/mentor_roles.py)
follows both the history and the mentor relation, and many catalog columns follow
the relations. Its final step puts back modification dates on the items but not
always in the catalog. So once all is there, every item is given its state's
permissions again and reindexed whole.
"""

from plone import api
from plone.exportimport.importers.base import BaseDatalessImporter
from Products.CMFCore.indexing import processQueue


class SecurityImporter(BaseDatalessImporter):
    after_final = True

    def do_import(self):
        workflow = api.portal.get_tool("portal_workflow")
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(path="/".join(self.site.getPhysicalPath()))
        # Every index named: reindexing with none would stamp the item as modified now.
        indexes = catalog.indexes()
        for brain in brains:
            item = brain._unrestrictedGetObject()
            for definition in workflow.getWorkflowsFor(item):
                definition.updateRoleMappingsFor(item)
            item.reindexObject(idxs=indexes)
        # Now, into this site's catalog: the queue, left to the end of the transaction,
        # would go to whichever site is current then.
        processQueue()
        return f"{self.__class__.__name__}: Updated {len(brains)} items"
