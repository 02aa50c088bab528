"""Submitting a loan request: the one function behind @borrow and the request form.

A visitor needs no account. What they send is checked field by field with the
schema's own rules, so every way in gives the same message for the same input.
The refusal names its reason; each way in turns that into its own answer.
"""

from plone import api
from vaasa.somementor import _
from vaasa.somementor import zone
from vaasa.somementor.content import field_check
from vaasa.somementor.content import validators
from vaasa.somementor.content.containers import ILoanDesk
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.content.loan_request import NotLendable
from vaasa.somementor.content.mentor import IMentor
from vaasa.somementor.content.mentor import mentor_by_uid
from vaasa.somementor.loans import rate_limit
from vaasa.somementor.loans import tokens
from vaasa.somementor.refusal import field_error
from vaasa.somementor.refusal import Refused
from vaasa.somementor.settings import setting
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.schema import ValidationError
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IObject

import re
import uuid


# What a visitor fills in; the handling fields are for staff.
VISITOR_FIELDS = (
    "requester_name",
    "requester_email",
    "requester_phone",
    "organisation",
    "municipality",
    "skills_needed",
    "need",
    "preferred_language",
    "loan_format",
    "preferred_dates",
    "expected_participants",
    "consent",
)
# Left empty by people, filled in by form-filling robots.
HONEYPOT = "website"

# Why a request was not stored.
INVALID = "invalid"  # ``errors`` name the fields to correct
TOO_MANY = "too-many"  # the address has sent its share this hour
NOT_LENDABLE = "not-lendable"  # the mentor asked on is not offered to this visitor
NO_DESK = "no-desk"  # nowhere to keep requests under this language root


def _coerce(field, raw):
    """JSON's and a form's spelling of a value, as the field stores it; else as sent."""
    if raw is None or raw == "":
        return None
    if IObject.providedBy(getattr(field, "value_type", None)):
        # Wished date ranges: "2027-03-01" from JSON, dates from the form.
        return validators.wished_ranges(raw)
    if IInt.providedBy(field) and isinstance(raw, str) and re.fullmatch(r"-?\d{1,9}", raw):
        return int(raw)
    if IFloat.providedBy(field) and isinstance(raw, int) and not isinstance(raw, bool):
        return float(raw)
    return raw


def _validated(data, context):
    values, problems = field_check.checked(
        ILoanRequest, VISITOR_FIELDS, data, context, coerce=_coerce
    )
    errors = [field_error(name, message) for name, message in problems]
    if "preferred_dates" in values:
        problem = _outside_horizon(values["preferred_dates"])
        if problem:
            del values["preferred_dates"]
            errors.append(field_error("preferred_dates", problem))
    return values, errors


def _outside_horizon(ranges):
    first = zone.today()
    last = zone.months_ahead(first, setting("booking_horizon_months"))
    for dates in ranges:
        start, end = validators.date_range(dates)
        if start < first:
            return _("Choose dates from today on.")
        if end > last:
            return _(
                "Choose dates before ${date}.",
                mapping={"date": last.isoformat()},
            )
    return None


def may_ask_for(mentor):
    """Whether the current user may name ``mentor`` in a request (the rule of the field)."""
    try:
        ILoanRequest["mentor"].bind(mentor).validate(mentor)
    except ValidationError:
        return False
    return True


def _wished_mentor(container, data, errors):
    field = ILoanRequest["mentor"].bind(container)
    if IMentor.providedBy(container):
        if not may_ask_for(container):
            raise Refused(NOT_LENDABLE, _("Choose a mentor from the directory."))
        return container
    if data.get("mentor") in (None, ""):
        return None
    mentor = mentor_by_uid(data["mentor"])
    if mentor is None:
        errors.append(field_error("mentor", NotLendable.__doc__))
        return None
    try:
        field.validate(mentor)
    except ValidationError as error:
        errors.append(field_error("mentor", validators.message(error, field)))
        return None
    return mentor


def _desk_for(container):
    if ILoanDesk.providedBy(container):
        return container
    root = api.portal.get_navigation_root(container)
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="LoanDesk", path="/".join(root.getPhysicalPath())
    )
    if not brains:
        raise Refused(NO_DESK, _("Loan requests cannot be received here yet."))
    return brains[0]._unrestrictedGetObject()


def _create(desk, values, mentor):
    current = api.user.get_current()
    if mentor is not None:
        values["mentor"] = RelationValue(getUtility(IIntIds).getId(mentor))
    # Visitors may not add content; the request is added on their behalf.
    with api.env.adopt_roles(["Manager"]):
        loan = api.content.create(
            desk,
            "LoanRequest",
            # 122 random bits: two visitors at the same moment never pick the same id.
            id=f"request-{uuid.uuid4().hex}",
            _status_token=tokens.new_token(),
            **values,
        )
    if not api.user.is_anonymous():
        # A signed-in requester owns the request, and so sees it in every state.
        loan.changeOwnership(current.getUser())
        loan.manage_setLocalRoles(current.getId(), ["Owner"])
        loan.reindexObjectSecurity()
    return loan


def submit(container, data, address):
    """Store a loan request made on a Mentor, LoanDesk or language root; else raise Refused."""
    if data.get(HONEYPOT):
        raise Refused(INVALID, _("Your request could not be sent."))
    limit = setting("submissions_per_hour")
    if rate_limit.exceeded(address, limit):
        raise Refused(
            TOO_MANY,
            _("Too many requests from your address. Try again in an hour."),
            retry_after=rate_limit.retry_after(address, limit),
        )
    errors = []
    mentor = _wished_mentor(container, data, errors)
    values, field_errors = _validated(data, container)
    errors = field_errors + errors
    if errors:
        raise Refused(INVALID, _("Check the marked fields."), errors)
    loan = _create(_desk_for(container), values, mentor)
    rate_limit.count_when_stored(address)
    return loan
