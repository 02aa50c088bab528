"""The "Upcoming events" portlet of the demo site: one per programme, in its own language.

plone.app.event's default profile assigns an events portlet at the site root, which
every page of every language inherits. Its query is limited to the language root
(the navigation root), but the portlet caches its list under a key that does not
name that root (``_render_events_cachekey`` only adds a path for a search base): the
first language to render fills the cache, and /sv and /en then list Finnish trainings.

With the programme as search base, the key and the query both carry the programme's
path, so each language has its own list, and the portlet's links open the programme
instead of the root's ``event_listing``. Assigned on the programme only (its page and
its trainings' pages), it also stops costing its catalog query on every other page.
"""

from plone.app.event.portlets.portlet_events import Assignment
from plone.app.event.portlets.portlet_events import IEventsPortlet
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import getUtility

import logging


logger = logging.getLogger(__name__)

COLUMN = "plone.rightcolumn"
NAME = "upcoming-trainings"
COUNT = 5


def _assignments(context):
    manager = getUtility(IPortletManager, name=COLUMN, context=context)
    return getMultiAdapter((context, manager), IPortletAssignmentMapping)


def drop_site_wide_events(site):
    """Remove root events portlets without a search base: they mix the languages."""
    assignments = _assignments(site)
    for name, assignment in list(assignments.items()):
        if IEventsPortlet.providedBy(assignment) and not assignment.search_base_uid:
            del assignments[name]
            logger.info("Demo: removed the site-wide events portlet %r", name)


def show_upcoming_trainings(programme):
    """Assign the events portlet to ``programme``, searching that programme only."""
    assignments = _assignments(programme)
    if NAME not in assignments:
        assignments[NAME] = Assignment(count=COUNT, search_base_uid=programme.UID())
        logger.info("Demo: events portlet on %s", "/".join(programme.getPhysicalPath()))
