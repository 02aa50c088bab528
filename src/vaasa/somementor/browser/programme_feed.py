"""The programme as an iCal feed, one per language tree, made from catalog metadata.

plone.app.event's ``ics_view`` on a folder loads every event object it lists
(``construct_icalendar`` calls ``getObject()`` per brain) and lists the ring's
meetings too. This feed reads the brains only: the times come from the ``start``
and ``end`` columns, written in Vaasa time with a VTIMEZONE, and each event keeps
plone.app.event's UID (``<uid>@<host>``), so a calendar that also imported one
training's own ``ics_view`` file sees the same event, not a second one.
"""

from datetime import datetime
from datetime import UTC
from plone.app.event.ical.exporter import add_to_zones_map
from plone.app.event.ical.exporter import PRODID
from Products.Five.browser import BrowserView
from vaasa.somementor import programme
from vaasa.somementor.zone import local
from vaasa.somementor.zone import site_zone

import icalendar


def _timezone(tzid, transitions):
    zone = icalendar.Timezone()
    zone.add("tzid", tzid)
    zone.add("x-lic-location", tzid)
    for start, info in sorted(transitions.items()):
        part = icalendar.TimezoneDaylight() if info["dst"] else icalendar.TimezoneStandard()
        part.add("tzname", info["name"])
        part.add("dtstart", start)
        part.add("tzoffsetfrom", info["tzoffsetfrom"])
        part.add("tzoffsetto", info["tzoffsetto"])
        zone.add_component(part)
    return zone


def calendar_of(brains, title, host, zone_name):
    """An icalendar.Calendar of the trainings ``brains``, in the zone ``zone_name``."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", title)
    cal.add("x-wr-timezone", zone_name)
    suffix = f"@{host}" if host else ""
    stamp = datetime.now(UTC)
    transitions = {}
    for brain in brains:
        start, end = local(brain.start), local(brain.end)
        transitions = add_to_zones_map(transitions, zone_name, start)
        transitions = add_to_zones_map(transitions, zone_name, end)
        event = icalendar.Event()
        event.add("uid", f"{brain.UID}{suffix}")
        event.add("dtstamp", stamp)
        event.add("summary", brain.Title)
        if brain.Description:
            event.add("description", brain.Description)
        event.add("dtstart", start)
        event.add("dtend", end)
        if brain.location:
            event.add("location", brain.location)
        event.add("url", brain.getURL())
        if brain.review_state == "cancelled":
            event.add("status", "CANCELLED")
        modified = getattr(brain, "modified", None)
        if modified:
            event.add("last-modified", datetime.fromisoformat(modified.ISO8601()).astimezone(UTC))
        cal.add_component(event)
    for tzid, zone_transitions in transitions.items():
        cal.add_component(_timezone(tzid, zone_transitions))
    return cal


class ProgrammeFeed(BrowserView):
    """``@@programme.ics``: the programme's upcoming and lately held trainings."""

    def __call__(self):
        brains = programme.feed_trainings(self.context)
        ical = calendar_of(
            brains,
            title=self.context.Title(),
            host=self.request.get("HTTP_HOST"),
            zone_name=site_zone().zone,
        ).to_ical()
        response = self.request.response
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{self.context.getId()}.ics"'
        )
        return ical
