"""Local roles of the mentor ring, computed from the profiles' linked users.

A mentor profile names its Plone user (``user_id``); while the profile is not
retired, that user belongs to the ring of the profile's directory (``ring.py``).
Computed, like ``mentor_roles.py``, so a new link or a retirement counts at once
and no stored share goes stale.

- On the directory, ring members hold ``MentorRingMember``. The role carries one
  permission, "vaasa.somementor: View mentor ring" (rolemap.xml), so although
  every object inside the directory inherits it, it opens nothing but the ring
  page: not other mentors' private profiles, not the add forms.
- On the directory's materials folder, ring members hold ``Reader`` and
  ``Contributor``: they see every material there, also the private ones, and add
  Files and Links. The folder and its items stay private, so nobody else does.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from borg.localrole.interfaces import ILocalRoleProvider
from plone.app.contenttypes.interfaces import IFolder
from vaasa.somementor import ring
from vaasa.somementor.content.containers import IMentorDirectory
from zope.component import adapter
from zope.interface import implementer


DIRECTORY_ROLES = ("MentorRingMember",)
MATERIALS_ROLES = ("Reader", "Contributor")


class _RingRoles:
    roles = ()

    def __init__(self, context):
        self.context = context

    def directory(self):
        raise NotImplementedError

    def getRoles(self, principal_id):
        directory = self.directory()
        if directory is not None and ring.is_member(directory, principal_id):
            return self.roles
        return ()

    def getAllRoles(self):
        directory = self.directory()
        if directory is None:
            return
        for user_id in ring.member_ids(directory):
            yield user_id, self.roles


@implementer(ILocalRoleProvider)
@adapter(IMentorDirectory)
class RingMember(_RingRoles):
    roles = DIRECTORY_ROLES

    def directory(self):
        return self.context


@implementer(ILocalRoleProvider)
@adapter(IFolder)
class RingMaterials(_RingRoles):
    roles = MATERIALS_ROLES

    def directory(self):
        # Asked for every folder of the site: the id is compared before anything is read.
        if not ring.is_materials_folder(self.context):
            return None
        return aq_parent(aq_inner(self.context))


def _reindex_materials(directory):
    folder = ring.materials_folder(directory) if IMentorDirectory.providedBy(directory) else None
    if folder is not None:
        # Who the catalog lets find the materials follows the ring; a few dozen items.
        folder.reindexObjectSecurity()


def profile_changed(mentor, event):
    """A linked user or a state changed, so the ring may have too."""
    # The ring is read from the mentor's index row, which a transition leaves as it was;
    # the catalog queue merges this with the reindex an edit queues anyway.
    mentor.reindexObject()
    _reindex_materials(aq_parent(aq_inner(mentor)))


def profile_moved(mentor, event):
    """A profile added to, removed from or moved between directories."""
    for directory in {id(p): p for p in (event.oldParent, event.newParent) if p}.values():
        _reindex_materials(directory)
