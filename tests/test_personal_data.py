"""personal_data.py: a person's data found by email, exported as it is, erased at once."""

from email.message import EmailMessage
from factories import loan_request_fields
from factories import mentor_fields
from plone import api
from vaasa.somementor import audit
from vaasa.somementor import personal_data
from vaasa.somementor.content.validators import InvalidEmail
from vaasa.somementor.loans import comments
from vaasa.somementor.notifications import mailqueue
from vaasa.somementor.registrations import sign_up
from vaasa.somementor.registrations import store

import datetime
import json
import pytest
import pytz
import transaction


EMAIL = "karin.westerlund@example.org"


@pytest.fixture
def mentor(directory):
    mentor = api.content.create(directory, "Mentor", id="anna", **mentor_fields())
    api.content.transition(mentor, to_state="published")
    return mentor


@pytest.fixture
def loans(desk, mentor):
    def make(id, email=EMAIL, **fields):
        return api.content.create(
            desk,
            "LoanRequest",
            id=id,
            _status_token=f"secret-{id}",
            **loan_request_fields(mentor, requester_email=email, **fields),
        )

    return {
        "mine": make("mine", email="Karin.Westerlund@Example.org", requester_phone="040 123"),
        "done": make("done"),
        "other": make("other", email="someone.else@example.org", requester_name="Lisa Lund"),
    }


@pytest.fixture
def training(programme):
    start = pytz.timezone("Europe/Helsinki").localize(
        datetime.datetime.now().replace(microsecond=0) + datetime.timedelta(days=30)
    )
    training = api.content.create(
        programme,
        "Training",
        id="teams",
        title="Teams",
        start=start,
        end=start + datetime.timedelta(hours=2),
        capacity=1,
        language_group="sv",
        training_format="remote",
    )
    api.content.transition(training, to_state="published")
    for name, email in (("Karin Westerlund", EMAIL), ("Bengt Eriksson", "bengt@example.org")):
        sign_up.register(
            training, {"name": name, "email": email, "unit": "Korsholm", "language": "sv"}
        )
    return training


@pytest.fixture
def queue(portal, tmp_path):
    """A maildir queue with one mail to Karin and one to somebody else, as zope.sendmail writes."""
    mailhost = api.portal.get_tool("MailHost")
    path = str(tmp_path / "mailqueue")
    mailqueue.ensure(path)
    mailhost.smtp_queue, mailhost.smtp_queue_directory = True, path
    for number, to in enumerate((EMAIL, "bengt@example.org")):
        message = EmailMessage()
        message["Subject"] = f"Din förfrågan {number}"
        message["To"] = to
        message.set_content(f"Hej! Mail {number}.")
        head = f"X-Zope-From: mentori@vaasa.example\nX-Zope-To: {to}\n".encode()
        (tmp_path / "mailqueue" / "new" / f"mail-{number}").write_bytes(head + bytes(message))
    return tmp_path / "mailqueue"


def test_checked_email():
    assert personal_data.checked_email("  karin@example.org ") == "karin@example.org"
    with pytest.raises(InvalidEmail):
        personal_data.checked_email("karin at example")
    # Longer than any address can be: refused, not searched for or echoed back.
    with pytest.raises(InvalidEmail):
        personal_data.checked_email("a" * 20000 + "@example.org")


def test_finds_by_email_whatever_its_case(loans, training, queue):
    found = personal_data.find("KARIN.westerlund@example.org")
    assert sorted(loan.getId() for loan in found.loans) == ["done", "mine"]
    assert [record["name"] for _, record in found.registrations] == ["Karin Westerlund"]
    assert [mail.subject for mail in found.mails] == ["Din förfrågan 0"]


def test_nothing_found_for_a_stranger(loans, training, queue):
    assert personal_data.find("nobody@example.org").empty


def test_export_holds_everything_but_the_secrets(loans, training, queue):
    data = personal_data.as_data(EMAIL, personal_data.find(EMAIL))
    text = json.dumps(data)
    (mine,) = [loan for loan in data["loan_requests"] if loan["requester_phone"]]
    assert mine["need"] == "Facebooksida för kulturbyrån"
    assert mine["mentor"] == "Anna Virtanen"
    assert mine["preferred_dates"] == [{"start": "2027-02-01", "end": "2027-02-05"}]
    assert [step["state"] for step in mine["history"]] == ["submitted"]
    (registration,) = data["registrations"]
    assert (registration["training"], registration["state"]) == ("Teams", "confirmed")
    assert data["queued_mails"][0]["text"].strip() == "Hej! Mail 0."
    assert "secret-mine" not in text and "token" not in registration
    assert "Lisa Lund" not in text and "Bengt" not in text


class TestErase:
    def test_anonymises_cancels_and_promotes(self, loans, training, queue):
        assert personal_data.erase(EMAIL) == (2, 1, 1)
        for id in ("mine", "done"):
            loan = loans[id]
            assert not loan.requester_name and not loan.requester_email
            assert api.content.get_state(loan) == "cancelled"
            history = loan.workflow_history["somementor_loan_workflow"]
            assert history[-1]["comments"] == comments.stored(comments.ERASED_ON_REQUEST)
        assert loans["other"].requester_name == "Lisa Lund"
        records = store.records(training)
        assert [(r["name"], r["state"]) for r in records] == [
            ("", "cancelled"),
            ("Bengt Eriksson", "confirmed"),
        ]
        assert personal_data.find(EMAIL).loans == []
        assert personal_data.find(EMAIL).registrations == []

    def test_queued_mail_goes_once_committed(self, loans, queue):
        personal_data.erase(EMAIL)
        assert len(list((queue / "new").iterdir())) == 2
        (hook,) = [
            hook
            for hook, args, _ in transaction.get().getAfterCommitHooks()
            if getattr(hook, "__name__", "") == "<lambda>"
        ]
        hook(True)
        assert [path.name for path in (queue / "new").iterdir()] == ["mail-1"]

    def test_recorded_with_who_did_it(self, loans, caplog):
        with caplog.at_level("INFO", logger="vaasa.somementor.personal_data"):
            personal_data.erase(EMAIL)
        (entry,) = audit.entries()
        assert (entry["reason"], entry["actor"], entry["loans"]) == ("erased", "test_user_1_", 2)
        assert EMAIL not in repr(entry)
        assert (
            "test_user_1_ erased the personal data of a requester: 2 loan requests" in caplog.text
        )

    def test_a_second_erasure_finds_nothing(self, loans, training):
        personal_data.erase(EMAIL)
        assert personal_data.erase(EMAIL) == (0, 0, 0)


class TestPrivacyPage:
    @pytest.mark.parametrize(
        ("path", "words"),
        [
            ("/fi/tietosuoja", ["24 kuukautta", "JSON", "poistaa ne heti", "ilmoittautu"]),
            ("/sv/dataskydd", ["24 månader", "JSON", "raderar dem genast", "anmäl"]),
            ("/en/privacy", ["24 months", "JSON", "erases it at once", "registration"]),
        ],
    )
    def test_explains_retention_and_rights(self, demo_integration, path, words):
        text = api.content.get(path=path).text.output
        for word in words:
            assert word in text
