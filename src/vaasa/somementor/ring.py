"""The mentor ring: who belongs to it, what it shares, and when it meets.

Every mentor whose profile in a directory names a site user (``user_id``) and is
not retired belongs to that directory's ring. The ring page, the local roles in
``content/ring_roles.py`` and the demo all ask this module, so the rule is
written once. Everything here reads the catalog; no mentor object is loaded.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from DateTime import DateTime
from plone import api
from plone.base.interfaces import ILanguage
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from vaasa.somementor.setuphandlers import COORDINATORS


# The shared materials live in a plain Folder with this id inside each directory:
# one name in every language, so the ring's rules can find it without a marker.
MATERIALS_ID = "materials"
MATERIAL_TYPES = ("File", "Link")
# The Training kind of the ring's own meetings (see vocabularies/fixed.py).
RING_MEETING = "ring-meeting"
# Retired mentors leave the ring; a mentor on leave (inactive) stays in it.
MEMBER_STATES = ("private", "pending", "published")
# What the coordinators' group holds on a materials folder: they look after it.
COORDINATOR_ROLES = ("Editor", "Contributor", "Reader")


def _path(obj):
    return "/".join(obj.getPhysicalPath())


def _profiles(directory, **query):
    catalog = api.portal.get_tool("portal_catalog")
    # Unrestricted: asked while the security machinery itself decides who may see what.
    return catalog.unrestrictedSearchResults(
        portal_type="Mentor",
        path=_path(directory),
        review_state=MEMBER_STATES,
        **query,
    )


def _user_index():
    # Gone once the add-on is uninstalled; the catalog would then ignore the key and
    # let everybody in, so no index means no ring.
    catalog = api.portal.get_tool("portal_catalog")
    return catalog._catalog.indexes.get("mentor_user_id")


def is_member(directory, user_id):
    """Whether ``user_id`` is linked to a mentor profile of ``directory`` that is not retired."""
    if not user_id or _user_index() is None:
        return False
    return bool(_profiles(directory, mentor_user_id=user_id))


def member_ids(directory):
    """The user ids of the ring of ``directory``, read from the catalog's index alone."""
    index = _user_index()
    if index is None:
        return []
    ids = {index.getEntryForObject(brain.getRID()) for brain in _profiles(directory)}
    return sorted(user_id for user_id in ids if user_id)


def materials_folder(directory):
    """The directory's materials folder, or None; found without checking permissions."""
    folder = directory._getOb(MATERIALS_ID, None)
    return folder if getattr(folder, "portal_type", None) == "Folder" else None


def is_materials_folder(folder):
    """Whether ``folder`` is the materials folder of a mentor directory."""
    if folder.getId() != MATERIALS_ID:
        return False
    return getattr(aq_parent(aq_inner(folder)), "portal_type", None) == "MentorDirectory"


def cohorts(directory):
    """The ring's listable mentors by cohort, then department, as catalog brains.

    Returns ``[(cohort, [(department, [brain, ...]), ...]), ...]``, the newest
    cohort first and a mentor without a cohort last (``None``), departments by
    token and mentors by name. The user's permissions apply, as in the directory.
    """
    brains = api.content.find(
        portal_type="Mentor",
        path=_path(directory),
        mentor_active=True,
        review_state=MEMBER_STATES,
        sort_on="sortable_title",
    )
    grouped = {}
    for brain in brains:
        departments = grouped.setdefault(brain.mentor_cohort, {})
        departments.setdefault(brain.mentor_department or "", []).append(brain)
    order = sorted(grouped, key=lambda cohort: (cohort is None, -(cohort or 0)))
    return [(cohort, sorted(grouped[cohort].items())) for cohort in order]


def materials(directory):
    """The shared Files and Links the user may see, newest first (brains)."""
    folder = materials_folder(directory)
    if folder is None:
        return []
    return api.content.find(
        portal_type=MATERIAL_TYPES,
        path=_path(folder),
        sort_on="modified",
        sort_order="descending",
    )


def upcoming_meetings(directory, now=None):
    """The ring meetings to come in the directory's language, soonest first (brains)."""
    return api.content.find(
        portal_type="Training",
        training_kind=RING_MEETING,
        start={"query": now or DateTime(), "range": "min"},
        Language=ILanguage(directory).get_language(),
        sort_on="start",
    )


def share_materials(folder):
    """Make ``folder`` a materials folder: Files and Links only, looked after by coordinators.

    The folder stays in the private state of Plone's simple publication workflow:
    visitors and plain members never see it, the ring's mentors read and add in it
    through their computed roles (``content/ring_roles.py``), and the coordinators'
    group is shared in here, once, as any Plone share. Running it again changes nothing.
    """
    constraints = ISelectableConstrainTypes(folder)
    if constraints.getConstrainTypesMode() != ENABLED:
        constraints.setConstrainTypesMode(ENABLED)
    # The stored list: the getter leaves out what the current user may not add.
    if tuple(getattr(folder, "locally_allowed_types", None) or ()) != MATERIAL_TYPES:
        constraints.setLocallyAllowedTypes(MATERIAL_TYPES)
        constraints.setImmediatelyAddableTypes(MATERIAL_TYPES)
    held = set(folder.get_local_roles_for_userid(COORDINATORS))
    if set(COORDINATOR_ROLES) - held:
        api.group.grant_roles(groupname=COORDINATORS, roles=list(COORDINATOR_ROLES), obj=folder)
        folder.reindexObjectSecurity()
