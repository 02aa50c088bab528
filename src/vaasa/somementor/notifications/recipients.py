"""Who gets a mail, at which address, in which language."""

from plone import api
from typing import NamedTuple
from vaasa.somementor.content.loan_request import assigned_mentor
from vaasa.somementor.settings import setting
from vaasa.somementor.setuphandlers import COORDINATORS
from vaasa.somementor.vocabularies import fixed


# Mentor profiles live in the Finnish and Swedish trees; Finnish is the city's first language.
FALLBACK = "fi"


class Recipient(NamedTuple):
    role: str  # "requester", "mentor" or "coordinator": picks the wording
    email: str
    language: str
    name: str = ""


def _language(code, fallback=FALLBACK):
    return code if code in fixed.languages() else fallback


def requester(loan):
    email = getattr(loan, "requester_email", None)
    if not email:
        return []
    language = _language(getattr(loan, "preferred_language", None))
    return [Recipient("requester", email, language, loan.requester_name or "")]


def mentor(loan):
    person = assigned_mentor(loan)
    if person is None or not getattr(person, "email", None):
        return []
    return [Recipient("mentor", person.email, _language(person.Language()), person.title)]


def coordinators(loan=None):
    """The control panel's address and every member of the coordinators' group."""
    # Their own language preference if they set one, else the site's default language.
    default = api.portal.get_registry_record("plone.default_language", default=None)
    site_language = _language(default)
    found = []
    if api.group.get(groupname=COORDINATORS) is not None:
        for user in api.user.get_users(groupname=COORDINATORS):
            email = user.getProperty("email", None)
            if email:
                language = _language(user.getProperty("language", None), site_language)
                name = user.getProperty("fullname", None) or ""
                found.append(Recipient("coordinator", email, language, name))
    address = setting("coordinator_email")
    if address:
        found.append(Recipient("coordinator", address, site_language))
    return _unique(found)


def _unique(recipients):
    # The control panel address may also be a member's: one mail each, the member's first.
    seen, unique = set(), []
    for recipient in recipients:
        if recipient.email.lower() not in seen:
            seen.add(recipient.email.lower())
            unique.append(recipient)
    return unique


BY_ROLE = {"requester": requester, "mentor": mentor, "coordinator": coordinators}


def of(loan, roles):
    return [recipient for role in roles for recipient in BY_ROLE[role](loan)]
