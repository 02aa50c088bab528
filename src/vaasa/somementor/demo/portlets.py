"""The demo site shows no "Upcoming events" portlet: the programme lists its trainings itself.

plone.app.event's default profile assigns an events portlet at the site root,
which every page of every language inherits. It mixes the languages (its cache
key does not name the language root, so /sv lists the Finnish trainings the
first visitor saw) and formats every event's dates on every render: a page
with it cost 1.5 times a stock page. Demo sites made before this had one on
each programme, inherited by every training's page; applying the demo profile
again removes those too. The programme page has its own upcoming and past
lists, its month calendar and its iCal feed; the ring's meetings are on the
ring's page.
"""

from plone.app.event.portlets.portlet_events import IEventsPortlet
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import getUtility

import logging


logger = logging.getLogger(__name__)

COLUMN = "plone.rightcolumn"


def _assignments(context):
    manager = getUtility(IPortletManager, name=COLUMN, context=context)
    return getMultiAdapter((context, manager), IPortletAssignmentMapping)


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
