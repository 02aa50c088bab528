"""Submitting a loan request: the one function behind @borrow and the request form.

A visitor needs no account. What they send is checked field by field with the
schema's own rules, so every way in gives the same message for the same input.
"""

from plone import api
from vaasa.somementor import _
from vaasa.somementor.content.containers import ILoanDesk
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.content.mentor import IMentor
from vaasa.somementor.loans import rate_limit
from vaasa.somementor.loans import rules
from vaasa.somementor.loans import tokens
from vaasa.somementor.settings import setting
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import Invalid
from zope.intid.interfaces import IIntIds
from zope.schema import ValidationError

import secrets


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


class Refused(Exception):
    """The request was not stored; ``errors`` name the fields to correct."""

    def __init__(self, status, message, errors=()):
        super().__init__(message)
        self.status = status
        self.message = _t(message)
        self.errors = list(errors)


def _t(message):
    return translate(message, context=getRequest())


def _error(field, message):
    return {"field": field, "message": _t(message)}


def _coerce(field, raw):
    if raw in (None, ""):
        return None
    if field._type is int and isinstance(raw, str) and raw.strip().lstrip("-").isdigit():
        return int(raw)
    return raw


def _validated(data, context):
    values, errors = {}, []
    for name in VISITOR_FIELDS:
        field = ILoanRequest[name].bind(context)
        value = _coerce(field, data.get(name))
        if value is None:
            # A field left out takes the schema's default, as on the form.
            value = field.default
        if value is None:
            if field.required:
                errors.append(_error(name, _("Fill in this field.")))
            continue
        try:
            field.validate(value)
        except ValidationError as error:
            errors.append(_error(name, error.doc()))
            continue
        values[name] = value
    if not errors:
        problems = []
        try:
            ILoanRequest.validateInvariants(_Values(values), problems)
        except Invalid:
            errors.extend(_error(None, problem.args[0]) for problem in problems)
    return values, errors


class _Values:
    def __init__(self, values):
        self.__dict__.update(values)


def _wished_mentor(container, data, errors):
    if IMentor.providedBy(container):
        mentor = container
    elif data.get("mentor"):
        mentor = api.content.get(UID=data["mentor"])
        if mentor is None or not IMentor.providedBy(mentor):
            errors.append(_error("mentor", _("Choose a mentor from the directory.")))
            return None
    else:
        return None
    # Told now rather than when a coordinator would have to turn the request down.
    if not rules.taking_loans(mentor):
        errors.append(_error("mentor", rules.not_taking_loans(mentor)))
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
        raise Refused(409, _("Loan requests cannot be received here yet."))
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
            id=f"request-{secrets.token_hex(4)}",
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
    """Store a loan request made on a Mentor or a LoanDesk; raise Refused if it can't be."""
    if data.get(HONEYPOT):
        raise Refused(400, _("Your request could not be sent."))
    if rate_limit.exceeded(address, setting("submissions_per_hour")):
        raise Refused(429, _("Too many requests from your address. Try again in an hour."))
    values, errors = _validated(data, container)
    mentor = _wished_mentor(container, data, errors)
    if errors:
        raise Refused(400, _("Check the marked fields."), errors)
    loan = _create(_desk_for(container), values, mentor)
    rate_limit.count(address)
    return loan
