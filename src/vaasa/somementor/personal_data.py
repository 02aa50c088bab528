"""What the site holds about one person, found by their email: shown, exported, erased.

A person has the right to see the data kept about them and to have it erased.
A coordinator looks them up by the address they gave: their loan requests,
their training registrations and the mail still waiting in the queue for them.
The catalog finds them by a hash of the address (indexers/personal_data.py),
so no request or training is loaded to look.

Erasing anonymises at once what ``retention`` would anonymise later. A request
or registration still open is cancelled too, without a mail to the person;
their mail not yet sent is dropped once the erasure is committed.
"""

from plone import api
from typing import NamedTuple
from vaasa.somementor import audit
from vaasa.somementor import retention
from vaasa.somementor.content import validators
from vaasa.somementor.content.anonymised import anonymised
from vaasa.somementor.content.loan_request import assigned_mentor
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.loans import comments
from vaasa.somementor.loans import requester
from vaasa.somementor.notifications import queued_mail
from vaasa.somementor.registrations import cancel
from vaasa.somementor.registrations import store
from zope.schema import getFieldsInOrder

import datetime
import hashlib
import logging
import transaction


logger = logging.getLogger(__name__)

# Secrets, not data about the person: the private links' tokens and their hashes.
SECRETS = ("token", "token_hash")


def email_key(email):
    """What the catalog holds of an address: its hash, alike for any spelling of case."""
    return hashlib.sha256((email or "").strip().lower().encode("utf-8")).hexdigest()


def checked_email(raw):
    """The address as typed, trimmed; else raise the schema's InvalidEmail."""
    email = raw.strip() if isinstance(raw, str) else ""
    validators.email_address(email)
    return email


class Found(NamedTuple):
    loans: list  # LoanRequest objects
    registrations: list  # (training, record)
    mails: list  # queued_mail.QueuedMail

    @property
    def empty(self):
        return not (self.loans or self.registrations or self.mails)


def _search(**query):
    return api.portal.get_tool("portal_catalog").unrestrictedSearchResults(**query)


def _same(a, b):
    return (a or "").strip().lower() == (b or "").strip().lower()


def _loans(email):
    brains = _search(
        portal_type="LoanRequest", person_email_hash=email_key(email), sort_on="created"
    )
    loans = [brain._unrestrictedGetObject() for brain in brains]
    return [loan for loan in loans if _same(loan.requester_email, email)]


def _registrations(email):
    chosen = {}
    for brain in _search(portal_type="Training", person_email_hash=email_key(email)):
        chosen.setdefault(brain.TranslationGroup or brain.UID, brain)
    found = []
    for brain in chosen.values():
        training = brain._unrestrictedGetObject()
        books = store.registrations(training)
        if books is not None:
            found += [(training, record) for record in books.with_email(email)]
    return found


def find(email):
    """Everything stored about ``email`` (a checked address)."""
    return Found(_loans(email), _registrations(email), queued_mail.addressed_to(email))


def _plain(value):
    """``value`` as JSON can hold it."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if hasattr(value, "ISO8601"):  # Zope's DateTime
        return value.ISO8601()
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _loan_data(loan):
    fields = {
        name: _plain(getattr(loan, name, None))
        for name, field in getFieldsInOrder(ILoanRequest)
        if name not in ("title", "mentor")
    }
    mentor = assigned_mentor(loan)
    workflow = api.portal.get_tool("portal_workflow")
    history = [
        {
            "action": entry.get("action"),
            "state": entry.get("review_state"),
            "time": _plain(entry.get("time")),
            "actor": entry.get("actor"),
            "comments": entry.get("comments") or "",
        }
        for entry in workflow.getHistoryOf("somementor_loan_workflow", loan) or ()
    ]
    return {
        "uid": loan.UID(),
        "url": loan.absolute_url(),
        "title": loan.Title(),
        "state": api.content.get_state(loan),
        "created": _plain(loan.created()),
        "modified": _plain(loan.modified()),
        "mentor": mentor.Title() if mentor is not None else None,
        **fields,
        "history": history,
    }


def _registration_data(training, record):
    page = store.version_in(training, record["language"])
    return {
        "training": page.Title(),
        "url": page.absolute_url(),
        "start": _plain(getattr(training, "start", None)),
        **{key: _plain(value) for key, value in record.items() if key not in SECRETS},
    }


def _mail_data(mail):
    return {
        "recipients": list(mail.recipients),
        "subject": mail.subject,
        "date": mail.date,
        "text": mail.text,
    }


def as_data(email, found):
    """What the person may take with them: everything found, as JSON values."""
    return {
        "email": email,
        "exported": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "loan_requests": [_loan_data(loan) for loan in found.loans],
        "registrations": [_registration_data(t, record) for t, record in found.registrations],
        "queued_mails": [_mail_data(mail) for mail in found.mails],
    }


def _erase_registrations(registrations):
    by_training = {}
    for training, record in registrations:
        by_training.setdefault(store.group(training), (training, []))[1].append(record)
    count = 0
    for training, records in by_training.values():
        books = store.registrations(training)
        seat_freed = False
        for record in records:
            if record["state"] in store.ACTIVE:
                # Cancelled without the usual mail: the person asked to be forgotten.
                seat_freed |= record["state"] == store.CONFIRMED
                books.update(record["id"], state=store.CANCELLED)
        if seat_freed:
            cancel.promote(training)
        count += retention.anonymise_registrations(training, {record["id"] for record in records})
    return count


def erase(email):
    """Anonymise everything of ``email`` now; return ``(loans, registrations, mails)``."""
    found = find(email)
    loans = 0
    for loan in found.loans:
        if anonymised(loan):
            continue
        retention.anonymise_loan(loan, audit.ERASED)
        # Once anonymised, the requester gets no mail of the cancellation; the mentor does.
        requester.cancel(loan, comments.stored(comments.ERASED_ON_REQUEST))
        loans += 1
    registrations = _erase_registrations(found.registrations)
    mails = list(found.mails)
    if mails:
        # Files are not rolled back with the transaction: dropped once it holds.
        transaction.get().addAfterCommitHook(
            lambda committed: committed and queued_mail.remove(mails)
        )
    entry = audit.record(audit.ERASED, loans, registrations, len(mails))
    logger.info(
        "%s erased the personal data of a requester: %d loan requests, %d registrations, "
        "%d queued mails",
        entry["actor"] or "Someone",
        loans,
        registrations,
        len(mails),
    )
    return loans, registrations, len(mails)
