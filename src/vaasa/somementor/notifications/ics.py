"""The scheduled loan as an iCalendar file, so it lands in the recipient's calendar."""

from datetime import datetime
from datetime import UTC
from icalendar import Calendar
from icalendar import Event
from vaasa.somementor import zone
from vaasa.somementor.notifications import messages
from vaasa.somementor.notifications import recipients
from vaasa.somementor.notifications import text


def calendar(loan, mapping, language):
    cal = Calendar()
    cal.add("prodid", "-//Vaasa city library//vaasa.somementor//EN")
    cal.add("version", "2.0")
    # PUBLISH, not REQUEST: nobody is asked to accept, and no organiser tracks replies.
    cal.add("method", "PUBLISH")
    event = Event()
    # Stable per loan, so a calendar replaces the event instead of adding a second one.
    event.add("uid", f"{loan.UID()}@vaasa.somementor")
    event.add("dtstamp", datetime.now(UTC))
    event.add("dtstart", zone.local(loan.scheduled_start))
    event.add("dtend", zone.local(loan.scheduled_end))
    event.add("summary", text.fill(messages.CALENDAR_SUMMARY, mapping, language))
    event.add("location", loan.place)
    event.add("description", text.paragraphs(messages.CALENDAR_DESCRIPTION, mapping, language))
    if mapping["meeting_link"]:
        event.add("url", mapping["meeting_link"])
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def for_requester(loan, language):
    """The calendar the requester's mail carries, for their status page in ``language``."""
    requester = recipients.Recipient(
        "requester", loan.requester_email or "", language, loan.requester_name or ""
    )
    return calendar(loan, messages.mapping(loan, requester), language)
