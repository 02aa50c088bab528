"""Catalog values read straight from a field, under a name the listings share."""

from DateTime import DateTime
from plone.indexer import indexer
from vaasa.somementor.content.loan_request import assigned_mentor
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.content.mentor import IMentor
from vaasa.somementor.content.training import ITraining
from vaasa.somementor.loans.bookings import loan_month as _loan_month
from vaasa.somementor.loans.tokens import token_hash


def _field(interface, name):
    @indexer(interface)
    def index(obj):
        return getattr(obj, name, None)

    return index


mentor_job_title = _field(IMentor, "job_title")
mentor_department = _field(IMentor, "department")
mentor_skills = _field(IMentor, "skills")
mentor_languages = _field(IMentor, "languages")
mentor_loan_formats = _field(IMentor, "loan_formats")
mentor_active = _field(IMentor, "active")
mentor_cohort = _field(IMentor, "cohort")
mentor_user_id = _field(IMentor, "user_id")
# The desk shows a person's month from the catalog, without loading the mentor.
mentor_max_loans_per_month = _field(IMentor, "max_loans_per_month")

training_kind = _field(ITraining, "kind")
training_language_group = _field(ITraining, "language_group")
training_format = _field(ITraining, "training_format")
training_capacity = _field(ITraining, "capacity")
training_participants = _field(ITraining, "participants")

loan_language = _field(ILoanRequest, "preferred_language")


@indexer(ILoanRequest)
def loan_mentor_uid(obj):
    mentor = assigned_mentor(obj)
    return mentor.UID() if mentor is not None else None


def _moment(value):
    # Zope's DateTime compares naive (form) and aware (REST, import) times alike.
    return DateTime(value) if value else None


@indexer(ILoanRequest)
def loan_start(obj):
    return _moment(obj.scheduled_start)


@indexer(ILoanRequest)
def loan_end(obj):
    return _moment(obj.scheduled_end)


@indexer(ILoanRequest)
def loan_month(obj):
    return _loan_month(obj)


@indexer(ILoanRequest)
def loan_token_hash(obj):
    return token_hash(obj)
