"""The local role Mentor, computed from the links, so it can never go stale.

A mentor profile names its Plone user; a loan request names its mentor. The
user then holds Mentor on their own profile and on every request naming them;
the workflows decide in which states that role may see or edit.
"""

from borg.localrole.interfaces import ILocalRoleProvider
from vaasa.somementor.content.loan_request import assigned_mentor
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.content.mentor import IMentor
from zope.component import adapter
from zope.interface import implementer


ROLES = ("Mentor",)


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
        return assigned_mentor(self.context)
