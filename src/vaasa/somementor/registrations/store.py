"""Where a training's registrations are kept: one small persistent object per training.

Kept in the site's annotations under the training's translation group, not on one
of its pages: the fi/sv/en versions are one training with one set of seats, and
removing one version (even the first) loses nobody's registration. The records
are private: no catalog index and no page shows them to visitors.

Every decision (a sign-up, a cancellation, a promotion, attendance) rewrites the
training's ``Registrations`` object. It has no conflict resolution on purpose:
of two concurrent sign-ups for the last seat the second to commit raises a
ConflictError, Zope runs its request again, and the rule then sees the first.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from plone import api
from plone.app.multilingual.interfaces import ITG
from plone.app.multilingual.interfaces import ITranslationManager
from zope.annotation.interfaces import IAnnotations

import hashlib
import secrets
import uuid


KEY = "vaasa.somementor.registrations"

CONFIRMED = "confirmed"
WAITING = "waiting"
CANCELLED = "cancelled"
ACTIVE = (CONFIRMED, WAITING)
# On an anonymised record: the day its personal data was removed (see ``retention``).
ANONYMISED = "anonymised"
# What an anonymised record keeps: enough to count, nothing to name anyone by.
KEPT = ("id", "unit", "language", "state", "created", "attended", ANONYMISED)
# The catalog values of a training that follow its records (indexers/personal_data.py).
PERSONAL_INDEXES = ("person_email_hash", "holds_personal_data")


class Registrations(Persistent):
    """The records of one training, in sign-up order; plain dicts in a plain list.

    Plain values, so any change is a change of this one object (see the module).
    """

    def __init__(self):
        self.records = []
        self.attendance_taken = False

    def add(self, record):
        self.records = [*self.records, record]

    def update(self, record_id, **values):
        for index, record in enumerate(self.records):
            if record["id"] == record_id:
                updated = {**record, **values}
                self.records = [*self.records[:index], updated, *self.records[index + 1 :]]
                return updated
        raise KeyError(record_id)

    def in_state(self, state):
        return [record for record in self.records if record["state"] == state]

    def position(self, record):
        """1 for the first on the waiting list; None for anyone not waiting."""
        if record["state"] != WAITING:
            return None
        ids = [waiting["id"] for waiting in self.in_state(WAITING)]
        return ids.index(record["id"]) + 1

    def by_token(self, token):
        wanted = token_hash(token)
        for record in self.records:
            if secrets.compare_digest(record["token_hash"], wanted):
                return record
        return None

    def anonymise(self, record_id, day):
        """Keep of the record only what counts (``KEPT``); the rest is emptied."""
        record = next(record for record in self.records if record["id"] == record_id)
        emptied = {key: ("" if isinstance(value, str) else None) for key, value in record.items()}
        kept = {key: record[key] for key in KEPT if key in record}
        return self.update(record_id, **{**emptied, **kept, ANONYMISED: day})

    def with_email(self, email):
        """Every record of ``email`` that still holds it, whatever its state."""
        email = email.strip().lower()
        return [record for record in self.records if (record["email"] or "").lower() == email]

    def active_with_email(self, email):
        email = email.strip().lower()
        return [
            record
            for record in self.records
            if record["state"] in ACTIVE and record["email"].lower() == email
        ]


def anonymised(record):
    return bool(record.get(ANONYMISED))


def token_hash(token):
    return hashlib.sha256((token or "").encode("utf-8")).hexdigest()


def new_record(values):
    token = secrets.token_urlsafe(24)
    return {
        # 122 random bits: two people at the same moment never get the same id.
        "id": uuid.uuid4().hex,
        "name": values["name"],
        "email": values["email"].strip(),
        "unit": values["unit"],
        "language": values["language"],
        "state": None,
        "created": None,
        # The token is kept so a later mail (a promotion) can repeat the private link;
        # it is found by its hash.
        "token": token,
        "token_hash": token_hash(token),
        "attended": False,
    }


def group(training):
    """The key shared by all translations of ``training``."""
    tg = ITG(training, None)
    return str(tg) if tg else training.UID()


def _all():
    annotations = IAnnotations(api.portal.get())
    if KEY not in annotations:
        annotations[KEY] = OOBTree()
    return annotations[KEY]


def registrations(training, create=False):
    """The training's ``Registrations``; None when it has none and ``create`` is false."""
    annotations = IAnnotations(api.portal.get())
    books = annotations.get(KEY)
    found = books.get(group(training)) if books is not None else None
    if found is None and create:
        found = _all()[group(training)] = Registrations()
    return found


def records(training):
    found = registrations(training)
    return list(found.records) if found is not None else []


def seats_taken(training):
    found = registrations(training)
    return len(found.in_state(CONFIRMED)) if found is not None else 0


def versions(training):
    """Every language version of the training, itself first."""
    manager = ITranslationManager(training, None)
    found = [training]
    if manager is not None:
        found += [
            version
            for version in manager.get_restricted_translations().values()
            if version is not None and version is not training
        ]
    return found


def version_in(training, language):
    """The training's page in ``language``, else the one given."""
    manager = ITranslationManager(training, None)
    if manager is None:
        return training
    return manager.get_translation(language) or training


def forget(training):
    """Drop the registrations of a training whose last version is gone."""
    books = IAnnotations(api.portal.get()).get(KEY)
    if books is not None and group(training) in books:
        del books[group(training)]


def reindex(training):
    """Refresh ``training_seats_taken`` on every version, for the programme's rows.

    And the indexes that find a registrant by email, which follow the records.
    """
    for version in versions(training):
        # Naming an index that does not change keeps the catalog from reindexing them
        # all; the metadata columns are written either way.
        version.reindexObject(idxs=["getId", *PERSONAL_INDEXES])


def registration_url(training, record):
    """The registrant's private page, on the training's page in their language."""
    page = version_in(training, record["language"])
    return f"{page.absolute_url()}/@@registration/{record['token']}"
