"""Personal data kept no longer than needed: anonymising requests and registrations.

A loan request is anonymised ``retention_months`` (control panel) after the day
it reached its final state; a training's registrations that long after the
training ended. A coordinator erases a person's data at once on request
(``personal_data``), through the same two functions.

Anonymising keeps what the funder's statistics count and nothing that names
anyone: the municipality, the dates, the language, the state, the hours, the
rating, the counts and the workflow's steps (who of the staff did what, when)
stay; the requester, their texts, their status link and the comments typed into
the history go, and the title becomes "Request 2027-03 #17". Every catalog value
is written again from what is left. An anonymised item is marked: a second run
finds nothing more to do.
"""

from Acquisition import aq_base
from DateTime import DateTime
from plone import api
from vaasa.somementor import audit
from vaasa.somementor import zone
from vaasa.somementor.content.anonymised import anonymised
from vaasa.somementor.content.anonymised import MARK
from vaasa.somementor.loans import comments
from vaasa.somementor.registrations import store
from vaasa.somementor.settings import setting
from vaasa.somementor.statistics import local_day

import datetime
import logging


logger = logging.getLogger(__name__)

# Where a request ends; its data is needed no longer some months later.
FINAL_STATES = ("completed", "rejected", "cancelled")
REQUESTER_FIELDS = ("requester_name", "requester_email", "requester_phone", "organisation")
# What people typed; a place can be someone's own meeting link or address.
FREE_TEXTS = ("need", "outcome", "feedback_comment", "place")
STATUS_TOKEN = "_status_token"  # noqa: S105 - the attribute's name, not a secret


def cutoff(today=None):
    """The last day of a final state (or a training's end) whose data is due now."""
    return zone.months_ahead(today or zone.today(), -setting("retention_months"))


def _search(**query):
    return api.portal.get_tool("portal_catalog").unrestrictedSearchResults(**query)


def _actor():
    return api.user.get_current().getId() or ""


def _month_and_number(loan):
    """The month the request came in, and its place among that month's requests."""
    created = loan.created()
    # Not asdatetime(): with a named zone it takes pytz's first (LMT) offset.
    day = zone.local(datetime.datetime.fromisoformat(created.ISO8601())).date()
    first = zone.site_zone().localize(datetime.datetime(day.year, day.month, 1))
    earlier = _search(
        portal_type="LoanRequest",
        created={"query": (DateTime(first), created), "range": "min:max"},
    )
    # Two requests of the same moment are told apart by their UIDs, the same way every time.
    uid = loan.UID()
    number = sum(1 for brain in earlier if brain.created < created or uid >= brain.UID)
    return day.strftime("%Y-%m"), max(number, 1)


def _without_typed_comments(entries):
    # Comments people typed may name anyone; the system's own are msgids, kept.
    return tuple(
        {
            **entry,
            "comments": entry.get("comments")
            if (entry.get("comments") or "").strip() in comments.SYSTEM_COMMENTS
            else "",
        }
        for entry in entries
    )


def _drop_owners(loan):
    # A signed-in requester owns their request (loans.submission); their account is personal.
    for principal, roles in loan.get_local_roles():
        if "Owner" in roles:
            remaining = [role for role in roles if role != "Owner"]
            if remaining:
                loan.manage_setLocalRoles(principal, remaining)
            else:
                loan.manage_delLocalRoles([principal])
    loan.setCreators(())


def anonymise_loan(loan, reason=audit.EXPIRED):
    """Remove the personal data of ``loan``; False if it was anonymised before."""
    if anonymised(loan):
        return False
    month, number = _month_and_number(loan)
    for name in REQUESTER_FIELDS + FREE_TEXTS:
        setattr(loan, name, None)
    if STATUS_TOKEN in aq_base(loan).__dict__:
        delattr(loan, STATUS_TOKEN)
    history = getattr(aq_base(loan), "workflow_history", None) or {}
    for workflow, entries in list(history.items()):
        history[workflow] = _without_typed_comments(entries)
    _drop_owners(loan)
    setattr(
        loan,
        MARK,
        {
            "day": zone.today().isoformat(),
            "reason": reason,
            "by": _actor(),
            "month": month,
            "number": number,
        },
    )
    loan.reindexObject()
    loan.reindexObjectSecurity()
    return True


def anonymise_registrations(training, record_ids=None):
    """Remove the personal data of the training's records (``record_ids``, else all)."""
    books = store.registrations(training)
    if books is None:
        return 0
    day = zone.today().isoformat()
    count = 0
    for record in list(books.records):
        if store.anonymised(record) or (record_ids is not None and record["id"] not in record_ids):
            continue
        books.anonymise(record["id"], day)
        count += 1
    if count:
        store.reindex(training)
    return count


def _closed_day(brain):
    steps = getattr(brain, "loan_steps", None)
    day = steps.get(brain.review_state) if isinstance(steps, dict) else None
    # Catalogued before the steps were: the last change is the latest it can have ended.
    return day or local_day(brain.modified).isoformat()


def expired_loans(today=None):
    """Brains of the requests whose personal data is due for removal."""
    last = cutoff(today).isoformat()
    brains = _search(portal_type="LoanRequest", review_state=FINAL_STATES, holds_personal_data=True)
    return [brain for brain in brains if _closed_day(brain) <= last]


def expired_trainings(today=None):
    """One training per translation group whose registrations are due for removal."""
    last = cutoff(today)
    end = DateTime(zone.site_zone().localize(datetime.datetime.combine(last, datetime.time.max)))
    chosen = {}
    for brain in _search(
        portal_type="Training",
        holds_personal_data=True,
        end={"query": end, "range": "max"},
    ):
        chosen.setdefault(brain.TranslationGroup or brain.UID, brain)
    return [brain._unrestrictedGetObject() for brain in chosen.values()]


def due(today=None):
    """How many requests and registrations the next run would anonymise."""
    trainings = expired_trainings(today)
    records = sum(
        1
        for training in trainings
        for record in store.records(training)
        if not store.anonymised(record)
    )
    return len(expired_loans(today)), records


def run(today=None):
    """Anonymise all that is due; return ``(loan requests, registrations)`` anonymised."""
    loans = [brain._unrestrictedGetObject() for brain in expired_loans(today)]
    trainings = expired_trainings(today)
    loan_count = sum(anonymise_loan(loan) for loan in loans)
    registration_count = sum(anonymise_registrations(training) for training in trainings)
    if loan_count or registration_count:
        audit.record(audit.EXPIRED, loan_count, registration_count)
    logger.info(
        "Retention: anonymised %d loan requests and %d registrations",
        loan_count,
        registration_count,
    )
    return loan_count, registration_count
