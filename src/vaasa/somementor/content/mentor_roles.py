"""The local role Mentor, computed from the links, so it can never go stale.

A mentor profile names its Plone user; a loan request names its mentor. The
user then holds Mentor on their own profile and on every request naming them
once a coordinator has approved it; the workflows decide in which states that
role may see or edit.
"""

from Acquisition import aq_base
from borg.localrole.interfaces import ILocalRoleProvider
from vaasa.somementor.content.loan_request import assigned_mentor
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.content.mentor import IMentor
from zope.component import adapter
from zope.interface import implementer


ROLES = ("Mentor",)
LOAN_WORKFLOW = "somementor_loan_workflow"


def was_approved(loan):
    """Whether a coordinator ever approved the loan: its history has an ``approve`` step.

    Read from the history rather than the state, so a request rejected or cancelled
    straight from submitted stays hidden from the mentor it merely wished for, while one
    rejected or cancelled after approval stays visible to the mentor who had it.
    """
    history = getattr(aq_base(loan), "workflow_history", None) or {}
    return any(entry.get("action") == "approve" for entry in history.get(LOAN_WORKFLOW, ()))


class _MentorUserRoles:
    def __init__(self, context):
        self.context = context

    def mentor(self):
        raise NotImplementedError

    def _user_id(self):
        mentor = self.mentor()
        return getattr(mentor, "user_id", None) if mentor is not None else None

    def getRoles(self, principal_id):
        user_id = self._user_id()
        return ROLES if user_id and principal_id == user_id else ()

    def getAllRoles(self):
        user_id = self._user_id()
        if user_id:
            yield user_id, ROLES


@implementer(ILocalRoleProvider)
@adapter(IMentor)
class OwnProfile(_MentorUserRoles):
    def mentor(self):
        return self.context


@implementer(ILocalRoleProvider)
@adapter(ILoanRequest)
class NamedInRequest(_MentorUserRoles):
    def mentor(self):
        # Until approval the named mentor is only a wish: no role, in any state.
        if not was_approved(self.context):
            return None
        return assigned_mentor(self.context)
