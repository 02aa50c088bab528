"""Each step of a loan request mails the people it concerns, and nobody else."""

from icalendar import Calendar
from mail_helpers import body
from mail_helpers import COORDINATOR_BOX
from mail_helpers import END
from mail_helpers import MEETING
from mail_helpers import MEMBER
from mail_helpers import MENTOR
from mail_helpers import REQUESTER
from mail_helpers import schedule
from mail_helpers import START
from plone import api
from vaasa.somementor import _
from zope.i18n import translate

import pytest


STATUS = "https://vaasa.example/fi/@@loan-status/secret-request-1"
ORGANISATION = "Korsholms kulturbyrå"


def finnish(msgid, **mapping):
    """What the mentor reads: their profile records no language, so Finnish."""
    return translate(_(msgid, mapping=mapping), target_language="fi")


def english(msgid, **mapping):
    """What the requester reads: the test request asks for English."""
    return translate(_(msgid, mapping=mapping), target_language="en")


@pytest.fixture
def loan(outbox, coordinator, status_links, make_loan):
    loan = make_loan()
    outbox.reset()
    return loan


def approve(loan):
    api.content.transition(loan, transition="approve")


def test_submitted_to_coordinators_and_requester(outbox, coordinator, status_links, make_loan):
    loan = make_loan()
    mails = outbox.by_address()
    assert set(mails) == {COORDINATOR_BOX, MEMBER, REQUESTER}
    to_requester = mails[REQUESTER]
    assert to_requester["Subject"] == "We received your request for a SoMe mentor"
    assert to_requester["From"] == "Lainaa SoMe-mentori <mentori@vaasa.example>"
    assert "Hello Karin Westerlund," in body(to_requester)
    assert f"Follow your request here: {STATUS}" in body(to_requester)
    to_member = mails[MEMBER]
    assert to_member["Subject"] == "New loan request from Korsholms kulturbyrå"
    assert "What they need help with: Facebooksida för kulturbyrån" in body(to_member)
    assert "Preferred mentor: Anna Virtanen" in body(to_member)
    # A coordinator lands on the request's row of the desk, where it is handled,
    # and the mail says what to do there.
    row = f"{loan.__parent__.absolute_url()}?loan={loan.UID()}#loan-{loan.UID()}"
    assert (
        "What to do: approve the request and choose a mentor, or reject it and give the "
        f"reason. The request on the loan requests page: {row}"
    ) in " ".join(body(to_member).split())


def test_private_status_link_only_for_the_requester(outbox, coordinator, status_links, make_loan):
    make_loan()
    for address, message in outbox.by_address().items():
        assert ("secret-request-1" in body(message)) == (address == REQUESTER), address


def test_status_link_carries_the_requests_token(outbox, make_loan):
    # What the borrow form does: the token is on the request before it is added.
    make_loan(_status_token="tok-123")
    text = body(outbox.by_address()[REQUESTER])
    assert "Follow your request here: http://" in text
    assert text.split("Follow your request here: ")[1].split()[0].endswith("/@@loan-status/tok-123")


def test_no_status_link_without_one(outbox, make_loan):
    make_loan()
    assert "Follow your request" not in body(outbox.by_address()[REQUESTER])


def test_approve_to_requester_and_mentor(outbox, loan):
    approve(loan)
    mails = outbox.by_address()
    assert set(mails) == {REQUESTER, MENTOR}
    assert mails[REQUESTER]["Subject"] == "Your SoMe mentor request is approved"
    assert "Anna Virtanen will be your SoMe mentor" in body(mails[REQUESTER])
    assert mails[MENTOR]["Subject"] == finnish(
        "You are lent to ${organisation}", organisation=ORGANISATION
    )
    contact = finnish("Contact: ${name}, ${email}", name="Karin Westerlund", email=REQUESTER)
    assert contact in body(mails[MENTOR])
    assert "secret" not in body(mails[MENTOR])
    # The mentor is told where to record the time and place: on the request.
    record = finnish(
        "Then record the time and the place or meeting link on the request, "
        "and press Schedule: ${url}",
        url=loan.absolute_url(),
    )
    assert record in body(mails[MENTOR])


def test_reject_gives_the_reason(outbox, loan):
    api.content.transition(loan, transition="reject", comment="No mentor free in February.")
    mails = outbox.by_address()
    assert set(mails) == {REQUESTER, MENTOR}
    assert mails[REQUESTER]["Subject"] == "Your SoMe mentor request was not approved"
    reason = "No mentor free in February."
    assert f"Reason: {reason}" in body(mails[REQUESTER])
    assert finnish("Reason: ${comment}", comment=reason) in body(mails[MENTOR])


def test_reject_without_a_mentor_mails_only_the_requester(outbox, make_loan):
    loan = make_loan(mentor=None)
    outbox.reset()
    api.content.transition(loan, transition="reject", comment="Out of scope.")
    assert set(outbox.by_address()) == {REQUESTER}


def test_schedule_attaches_the_meeting(outbox, loan):
    approve(loan)
    outbox.reset()
    schedule(loan)
    mails = outbox.by_address()
    assert set(mails) == {REQUESTER, MENTOR}
    to_requester = mails[REQUESTER]
    assert to_requester["Subject"] == (
        "Your SoMe mentor loan is scheduled: Wednesday 10 February 2027 9:00–11:00"
    )
    # The mentor reads Finnish: the weekday, d.m.yyyy and "klo" with a dot.
    assert "ke 10.2.2027 klo 9.00–11.00" in mails[MENTOR]["Subject"]
    assert finnish("Time: ${when}", when="ke 10.2.2027 klo 9.00–11.00") in body(mails[MENTOR])
    assert f"Place or meeting link: {MEETING}" in body(to_requester)
    for address, message in mails.items():
        in_language = finnish if address == MENTOR else english
        [attachment] = list(message.iter_attachments())
        assert attachment.get_content_type() == "text/calendar"
        assert attachment.get_filename().endswith(".ics")
        [event] = Calendar.from_ical(attachment.get_content()).walk("VEVENT")
        assert event.decoded("dtstart").replace(tzinfo=None) == START
        assert event.decoded("dtend").replace(tzinfo=None) == END
        summary = in_language(
            "SoMe mentor ${mentor} · ${organisation}",
            mentor="Anna Virtanen",
            organisation=ORGANISATION,
        )
        assert str(event["summary"]) == summary
        assert str(event["location"]) == MEETING
        link = in_language("Meeting link: ${meeting_link}", meeting_link=MEETING)
        assert link in str(event["description"])
        assert str(event["uid"]).startswith(loan.UID())


def test_calendar_keeps_the_sites_time_zone(outbox, loan):
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Helsinki")
    approve(loan)
    outbox.reset()
    schedule(loan)
    [attachment] = list(outbox.by_address()[REQUESTER].iter_attachments())
    calendar = Calendar.from_ical(attachment.get_content())
    [event] = calendar.walk("VEVENT")
    assert event["dtstart"].params["TZID"] == "Europe/Helsinki"
    assert event.decoded("dtstart").utcoffset().total_seconds() == 2 * 3600
    assert [zone["tzid"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Helsinki"]


def test_schedule_at_a_place_has_no_meeting_link(outbox, loan):
    approve(loan)
    outbox.reset()
    schedule(loan, place="Vaasan pääkirjasto, Kirjastonkatu 13")
    [attachment] = list(outbox.by_address()[REQUESTER].iter_attachments())
    [event] = Calendar.from_ical(attachment.get_content()).walk("VEVENT")
    assert str(event["location"]) == "Vaasan pääkirjasto, Kirjastonkatu 13"
    assert "Meeting link" not in str(event.get("description", ""))


def test_complete_thanks_the_requester_with_a_feedback_link(outbox, loan):
    approve(loan)
    schedule(loan)
    loan.outcome, loan.hours_spent = "Page set up.", 2.0
    outbox.reset()
    api.content.transition(loan, transition="complete")
    mails = outbox.by_address()
    assert set(mails) == {REQUESTER}
    assert mails[REQUESTER]["Subject"] == "Thank you for borrowing a SoMe mentor"
    assert f"Please tell us how it went: {STATUS}" in body(mails[REQUESTER])


def test_cancel_tells_everyone_involved(outbox, loan):
    approve(loan)
    schedule(loan)
    outbox.reset()
    api.content.transition(loan, transition="cancel", comment="The unit moved the event.")
    mails = outbox.by_address()
    assert set(mails) == {REQUESTER, MENTOR, COORDINATOR_BOX, MEMBER}
    assert mails[MENTOR]["Subject"] == finnish(
        "Cancelled: your loan to ${organisation}", organisation=ORGANISATION
    )
    # The mentor profile records no language here, so the mentor reads Finnish dates.
    when = finnish("Time: ${when}", when="ke 10.2.2027 klo 9.00–11.00")
    assert when in body(mails[MENTOR])
    comment = "The unit moved the event."
    assert f"Comment: {comment}" in body(mails[REQUESTER])
    assert finnish("Comment: ${comment}", comment=comment) in body(mails[MENTOR])


def test_mails_are_plain_text_and_marked_automatic(outbox, loan):
    approve(loan)
    for message in outbox.messages:
        assert message["Auto-Submitted"] == "auto-generated"
        assert message.get_content_type() == "text/plain"


def test_cancel_before_approval_leaves_the_mentor_out(outbox, loan):
    # The mentor never heard of the request, so there is nothing to call off for them.
    api.content.transition(loan, transition="cancel")
    assert set(outbox.by_address()) == {REQUESTER, COORDINATOR_BOX, MEMBER}


def test_system_comment_reaches_each_recipient_in_their_language(outbox, loan):
    """The requester withdraws on the status page; each mail says so in its reader's language."""
    from vaasa.somementor.loans import comments
    from vaasa.somementor.loans import requester

    approve(loan)
    outbox.reset()
    with api.env.adopt_roles(["Manager"]):
        assert requester.cancel(loan, comments.stored(comments.CANCELLED_BY_REQUESTER))
    mails = outbox.by_address()
    # The requester asked for English; the mentor's profile has no language: Finnish.
    assert "Comment: Cancelled by the requester." in body(mails[REQUESTER])
    fi_comment = finnish("Cancelled by the requester.")
    assert fi_comment != "Cancelled by the requester."
    assert finnish("Comment: ${comment}", comment=fi_comment) in body(mails[MENTOR])
    # The history keeps the msgid, not one reader's translation.
    [entry] = [
        e for e in loan.workflow_history["somementor_loan_workflow"] if e["action"] == "cancel"
    ]
    assert entry["comments"] == "Cancelled by the requester."
