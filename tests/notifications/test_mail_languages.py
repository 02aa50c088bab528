"""Everyone reads the mail in their own language: the request's, the mentor's, or their own.

Until the catalogues hold these msgids, the translated text equals the English
one; the expectations below are computed with the catalogues, so they keep
holding once the Finnish and Swedish text is filled in.
"""

from mail_helpers import body
from mail_helpers import COORDINATOR_BOX
from mail_helpers import MEMBER
from mail_helpers import MENTOR
from mail_helpers import REQUESTER
from mail_helpers import schedule
from plone import api
from vaasa.somementor.notifications.messages import MAILS
from zope.i18n import translate


def in_language(kind, role, language):
    return translate(MAILS[kind, role].subject, target_language=language)


def test_swedish_requester_reads_swedish(outbox, make_loan):
    make_loan(preferred_language="sv")
    message = outbox.by_address()[REQUESTER]
    assert message["Content-Language"] == "sv"
    assert message["Subject"] == in_language("submitted", "requester", "sv")


def test_swedish_requester_sees_swedish_dates(outbox, make_loan):
    loan = make_loan(preferred_language="sv")
    api.content.transition(loan, transition="approve")
    outbox.reset()
    schedule(loan)
    assert "onsdag 10.2.2027 kl. 9.00–11.00" in body(outbox.by_address()[REQUESTER])


def test_mentor_reads_the_language_of_their_profile(outbox, mentor, make_loan):
    mentor.setLanguage("sv")
    loan = make_loan(preferred_language="fi")
    outbox.reset()
    api.content.transition(loan, transition="approve")
    mails = outbox.by_address()
    assert mails[MENTOR]["Content-Language"] == "sv"
    assert mails[REQUESTER]["Content-Language"] == "fi"
    assert mails[REQUESTER]["Subject"] == in_language("approved", "requester", "fi")


def test_mentor_without_a_profile_language_reads_finnish(outbox, mentor, make_loan):
    loan = make_loan()
    outbox.reset()
    api.content.transition(loan, transition="approve")
    assert outbox.by_address()[MENTOR]["Content-Language"] == "fi"


def test_coordinators_read_their_own_or_the_site_language(outbox, coordinator, make_loan):
    coordinator.setMemberProperties({"language": "sv"})
    api.portal.set_registry_record("plone.default_language", "fi")
    make_loan()
    mails = outbox.by_address()
    assert mails[MEMBER]["Content-Language"] == "sv"
    assert mails[COORDINATOR_BOX]["Content-Language"] == "fi"


def test_english_requester_reads_the_english_text(outbox, make_loan):
    make_loan(preferred_language="en")
    message = outbox.by_address()[REQUESTER]
    assert message["Subject"] == "We received your request for a SoMe mentor"
    assert "A coordinator will handle it, and we will let you know by email." in body(message)


def test_swedish_mentor_reads_the_swedish_date_form(outbox, mentor, make_loan):
    mentor.setLanguage("sv")
    loan = make_loan(preferred_language="fi")
    api.content.transition(loan, transition="approve")
    outbox.reset()
    schedule(loan)
    mails = outbox.by_address()
    # Weekday, d.m.yyyy, "kl." and a dot; and "klo" for the Finnish requester.
    assert "onsdag 10.2.2027 kl. 9.00–11.00" in body(mails[MENTOR])
    assert "ke 10.2.2027 klo 9.00–11.00" in body(mails[REQUESTER])


def test_swedish_mentor_reads_the_system_comment_in_swedish(outbox, mentor, make_loan):
    from vaasa.somementor import _
    from vaasa.somementor.loans import comments
    from vaasa.somementor.loans import requester

    mentor.setLanguage("sv")
    loan = make_loan(preferred_language="fi")
    api.content.transition(loan, transition="approve")
    outbox.reset()
    with api.env.adopt_roles(["Manager"]):
        requester.cancel(loan, comments.stored(comments.CANCELLED_BY_REQUESTER))
    mails = outbox.by_address()
    for address, language in ((MENTOR, "sv"), (REQUESTER, "fi")):
        said = translate(_("Cancelled by the requester."), target_language=language)
        assert said in body(mails[address]), (address, language)
