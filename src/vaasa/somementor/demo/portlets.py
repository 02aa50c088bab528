"""The demo's portlets: no "Upcoming events", and no navigation tree in the directory or programme.

plone.app.event's default profile assigns an events portlet at the site root,
which every page of every language inherits. It mixes the languages (its cache
key does not name the language root, so /sv lists the Finnish trainings the
first visitor saw) and formats every event's dates on every render: a page
with it cost 1.5 times a stock page. Demo sites made before this had one on
each programme, inherited by every training's page; applying the demo profile
again removes those too. The programme page has its own upcoming and past
lists, its month calendar and its iCal feed; the ring's meetings are on the
ring's page.

The navigation portlet Plone puts at the site root showed, on every mentor's
and every training's page, a tree holding that page alone: mentors and trainings
stay out of the navigation, as thousands of them would make a tree nobody
reads. It cost every such page a catalog query and a column. The directory
and the programme find their items themselves (filters, batches, calendar), so
they block the portlets inherited into the left column.
"""

from plone.app.event.portlets.portlet_events import IEventsPortlet
from plone.portlets.constants import CONTEXT_CATEGORY
from plone.portlets.interfaces import ILocalPortletAssignmentManager
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import getUtility

import logging


logger = logging.getLogger(__name__)

COLUMN = "plone.rightcolumn"
NAVIGATION_COLUMN = "plone.leftcolumn"


def _assignments(context):
    manager = getUtility(IPortletManager, name=COLUMN, context=context)
    return getMultiAdapter((context, manager), IPortletAssignmentMapping)


def block_inherited_navigation(container):
    """The left column of ``container`` and its items shows no portlet from above."""
    manager = getUtility(IPortletManager, name=NAVIGATION_COLUMN, context=container)
    blocking = getMultiAdapter((container, manager), ILocalPortletAssignmentManager)
    blocking.setBlacklistStatus(CONTEXT_CATEGORY, True)


def drop_events_portlets(context):
    """Remove the events portlets assigned on ``context`` itself."""
    assignments = _assignments(context)
    for name, assignment in list(assignments.items()):
        if IEventsPortlet.providedBy(assignment):
            del assignments[name]
            logger.info(
                "Demo: removed the events portlet %r of %s",
                name,
                "/".join(context.getPhysicalPath()),
            )
