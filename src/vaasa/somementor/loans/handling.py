"""Moving a loan request on from a listing: which steps a person may take, and taking one.

The coordinators' desk and a mentor's "My loans" both offer the steps row by row
and post the fields each step needs; both come here. The fields are checked with
the schema's own rules (the same messages as REST), the rules of ``loans.rules``
run at the transition, and a refusal leaves nothing stored.
"""

from AccessControl.PermissionRole import rolesForPermissionOn
from plone import api
from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.DCWorkflow.Transitions import TRIGGER_USER_ACTION
from typing import NamedTuple
from vaasa.somementor import _
from vaasa.somementor import zone
from vaasa.somementor.content import validators
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.content.loan_request import TEXT_LENGTH
from vaasa.somementor.content.mentor import IMentor
from vaasa.somementor.content.mentor import mentor_by_uid
from vaasa.somementor.refusal import translated
from z3c.relationfield import RelationValue
from zope import schema
from zope.component import getUtility
from zope.event import notify
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent
from zope.schema import ValidationError
from zope.security.interfaces import IPermission

import datetime
import transaction


# What each step asks for before it runs; "comment" is the workflow's comment.
FIELDS = {
    "approve": ("mentor",),
    "reject": ("comment",),
    "schedule": ("scheduled_start", "scheduled_end", "place"),
    "complete": ("outcome", "hours_spent"),
    "cancel": ("comment",),
}
COMMENT = schema.Text(
    title=_("Comment"),
    required=False,
    max_length=TEXT_LENGTH,
    constraint=validators.paragraphs,
)


class Refusal(NamedTuple):
    """Why a step did not happen, in the user's language; ``field`` names the bad input."""

    message: str
    field: str = ""


def loan_workflow():
    workflow = api.portal.get_tool("portal_workflow")
    chain = workflow.getChainForPortalType("LoanRequest")
    return workflow[chain[0]] if chain else None


class Steps:
    """The steps a person may take in each state, worked out from the workflow once.

    A row of a listing knows its state and whether the person is its mentor or
    its owner (catalog metadata); with the person's roles that decides the
    steps, as the guards would, without loading the request. Kept for one
    request of a page: the answer is cached per state and set of roles.
    """

    def __init__(self, context):
        self.context = context
        self.workflow = loan_workflow()
        self.roles = frozenset(api.user.get_roles(obj=context))
        self._cache = {}

    def __call__(self, state, *extra_roles):
        roles = self.roles | frozenset(extra_roles)
        key = (state, roles)
        if key not in self._cache:
            self._cache[key] = self._allowed(state, roles)
        return self._cache[key]

    def _allowed(self, state, roles):
        definition = self.workflow.states.get(state) if self.workflow else None
        if definition is None:
            return ()
        allowed = []
        for transition_id in definition.transitions:
            transition = self.workflow.transitions.get(transition_id)
            if transition is None or transition.trigger_type != TRIGGER_USER_ACTION:
                continue
            if self._guard_passes(definition, transition.getGuard(), roles):
                allowed.append(transition_id)
        return tuple(allowed)

    def _roles_with(self, definition, permission):
        roles = definition.getPermissionInfo(permission)
        if permission not in self.workflow.permissions:
            # Not managed by the workflow: as the site's rolemap says.
            return set(rolesForPermissionOn(permission, self.context) or ())
        found = set(roles["roles"])
        if roles["acquired"]:
            found |= set(rolesForPermissionOn(permission, self.context) or ())
        return found

    def _guard_passes(self, definition, guard, roles):
        if guard.permissions and not any(
            roles & self._roles_with(definition, permission) for permission in guard.permissions
        ):
            return False
        # Groups and expressions need the request itself: the transition checks them.
        return not (guard.roles and not roles & set(guard.roles))


def title(transition_id):
    workflow = loan_workflow()
    transition = workflow.transitions.get(transition_id) if workflow else None
    label = transition.title if transition is not None else transition_id
    return translate(label, domain="plone", context=getRequest())


def _moment(raw):
    # <input type="datetime-local"> sends "2027-03-01T10:00": a time in Vaasa.
    try:
        return zone.local(datetime.datetime.fromisoformat(raw))
    except ValueError:
        raise _WrongValue(_("Give the date and time, such as 2027-03-01 10:00.")) from None


def _hours(raw):
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        raise _WrongValue(_("Enter a number.")) from None


class _WrongValue(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _value(loan, name, raw):
    """The posted text of ``name`` as the field stores it; None for an empty one."""
    raw = raw.strip() if isinstance(raw, str) else ""
    field = COMMENT if name == "comment" else ILoanRequest[name].bind(loan)
    if not raw:
        return None
    if name == "mentor":
        mentor = mentor_by_uid(raw)
        if not IMentor.providedBy(mentor):
            raise _WrongValue(_("Choose a mentor from the directory."))
        _validate(field, mentor)
        return RelationValue(getUtility(IIntIds).getId(mentor))
    if isinstance(field, schema.Datetime):
        value = _moment(raw)
    elif isinstance(field, schema.Float):
        value = _hours(raw)
    else:
        value = raw
    _validate(field, value)
    return value


def _validate(field, value):
    try:
        field.validate(value)
    except ValidationError as error:
        raise _WrongValue(validators.message(error, field)) from None


def _may_write(loan, name):
    permission_id = ILoanRequest.queryTaggedValue(WRITE_PERMISSIONS_KEY, {}).get(
        name, "cmf.ModifyPortalContent"
    )
    permission = getUtility(IPermission, permission_id)
    return api.user.has_permission(permission.title, obj=loan)


def possible(loan):
    """The steps the current user may take on ``loan`` now, as its workflow says."""
    workflow = api.portal.get_tool("portal_workflow")
    return [transition["id"] for transition in workflow.getTransitionsFor(loan)]


def take(loan, transition, form):
    """Set the fields ``transition`` asks for from ``form`` and run it; a Refusal or None."""
    if transition not in FIELDS or transition not in possible(loan):
        return Refusal(translated(_("This step is not possible for this request now.")))
    values, comment = {}, ""
    for name in FIELDS[transition]:
        try:
            value = _value(loan, name, form.get(name))
        except _WrongValue as wrong:
            return Refusal(translated(wrong.message), name)
        if name == "comment":
            comment = value or ""
        elif value is not None or getattr(loan, name, None) is not None:
            if not _may_write(loan, name):
                return Refusal(translated(_("You may not change this field.")), name)
            values[name] = value
    if transition == "approve" and values.get("mentor") is None:
        # An empty choice keeps the wished mentor; the rule refuses if there is none.
        values.pop("mentor", None)
    # Everything from here is undone together if the rule refuses.
    savepoint = transaction.savepoint()
    try:
        if values:
            for name, value in values.items():
                setattr(loan, name, value)
            notify(ObjectModifiedEvent(loan, Attributes(ILoanRequest, *values)))
            loan.reindexObject()
        # Not api.content.transition: it replaces the rule's reason with a list of ids.
        api.portal.get_tool("portal_workflow").doActionFor(loan, transition, comment=comment)
    except WorkflowException as refusal:
        savepoint.rollback()
        return Refusal(str(refusal))
    return None
