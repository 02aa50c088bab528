"""The registrant's mails: in the language they chose, with their private link."""

from datetime import datetime
from datetime import timedelta
from mail_helpers import body
from mail_helpers import forget_sender
from plone import api
from vaasa.somementor.loans import rate_limit
from vaasa.somementor.registrations import cancel
from vaasa.somementor.registrations import sign_up

import logging
import pytest
import pytz


MEETING = "https://meet.example.org/teams"


@pytest.fixture
def training(programme):
    rate_limit.reset()
    start = pytz.timezone("Europe/Helsinki").localize(datetime(2099, 2, 17, 13, 0))
    training = api.content.create(
        programme,
        "Training",
        id="teams",
        title="Teams-kokoukset käytännössä",
        start=start,
        end=start + timedelta(hours=3),
        language_group="fi",
        training_format="remote",
        capacity=1,
        meeting_url=MEETING,
    )
    api.content.transition(training, to_state="published")
    yield training
    rate_limit.reset()


def person(email, language):
    return {
        "name": "Karin Backman",
        "email": email,
        "unit": "Korsholms kommun",
        "language": language,
        "consent": True,
    }


def test_confirmed_in_swedish_with_link_and_meeting(training, outbox):
    sign_up.sign_up(training, person("karin@example.org", "sv"), "192.0.2.1")
    (message,) = outbox.messages
    assert message["Content-Language"] == "sv"
    text = body(message)
    assert "@@registration/" in text
    assert MEETING in text
    assert "Karin Backman" in text


def test_waiting_then_promoted_in_finnish(training, outbox):
    first = sign_up.sign_up(training, person("first@example.org", "en"), "192.0.2.1")
    sign_up.sign_up(training, person("second@example.org", "fi"), "192.0.2.1")
    waiting = outbox.by_address()["second@example.org"]
    assert waiting["Content-Language"] == "fi"
    # On the waiting list nobody gets the meeting link yet.
    assert MEETING not in body(waiting)
    assert "1" in body(waiting)
    outbox.reset()
    cancel.cancel(training, first["id"])
    mails = outbox.by_address()
    assert set(mails) == {"first@example.org", "second@example.org"}
    promoted = mails["second@example.org"]
    assert promoted["Content-Language"] == "fi"
    assert MEETING in body(promoted)
    assert MEETING not in body(mails["first@example.org"])


def test_no_mail_set_up_still_signs_up(training, outbox, caplog):
    forget_sender()
    with caplog.at_level(logging.WARNING):
        record = sign_up.sign_up(training, person("karin@example.org", "sv"), "192.0.2.1")
    assert record["state"] == "confirmed"
    assert outbox.messages == []
    assert "Mail is not set up" in caplog.text
