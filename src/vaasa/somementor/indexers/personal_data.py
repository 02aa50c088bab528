"""Catalog values that find a person's data by email, and what still holds any.

Only a hash of each address is indexed, and only while the item holds it: an
anonymised request or registration leaves nothing here to find it by.
"""

from plone.indexer import indexer
from vaasa.somementor.content.anonymised import anonymised
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.content.training import ITraining
from vaasa.somementor.personal_data import email_key
from vaasa.somementor.registrations import store


def _personal_records(training):
    return [record for record in store.records(training) if not store.anonymised(record)]


@indexer(ILoanRequest)
def loan_email_hashes(obj):
    email = None if anonymised(obj) else getattr(obj, "requester_email", None)
    return (email_key(email),) if email else ()


@indexer(ITraining)
def training_email_hashes(obj):
    return tuple(
        sorted({email_key(record["email"]) for record in _personal_records(obj) if record["email"]})
    )


@indexer(ILoanRequest)
def loan_holds_personal_data(obj):
    return not anonymised(obj)


@indexer(ITraining)
def training_holds_personal_data(obj):
    return bool(_personal_records(obj))
