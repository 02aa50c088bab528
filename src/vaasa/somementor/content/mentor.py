from plone import api
from plone.app.multilingual.dx.directives import languageindependent
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from vaasa.somementor import _
from vaasa.somementor.content import validators
from vaasa.somementor.content.derived_title import derived_title
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer

import re


class IMentor(model.Schema):
    """A member of staff trained to guide others in social media."""

    # Shared by all translations of a mentor: an edit in one language reaches the others.
    languageindependent(
        "first_name",
        "last_name",
        "department",
        "portrait",
        "skills",
        "languages",
        "loan_formats",
        "max_loans_per_month",
        "email",
        "phone",
        "user_id",
        "cohort",
        "active",
    )

    # Read-only, so REST clients get the name as the title but never set it.
    directives.omitted("title")
    title = schema.TextLine(title=_("Name"), readonly=True, required=False)
    first_name = schema.TextLine(title=_("First name"), required=True)
    last_name = schema.TextLine(title=_("Last name"), required=True)
    job_title = schema.TextLine(title=_("Job title"), required=False)
    department = schema.Choice(
        title=_("Department"),
        description=_("The city unit or municipality the mentor works for."),
        vocabulary="vaasa.somementor.Departments",
        required=True,
    )
    portrait = NamedBlobImage(title=_("Portrait"), required=False)
    description = schema.Text(
        title=_("Short description"),
        description=_("One or two sentences shown in the mentor directory."),
        required=False,
    )
    bio = RichText(title=_("About the mentor"), required=False)

    model.fieldset(
        "lending",
        label=_("Borrowing"),
        fields=["skills", "languages", "loan_formats", "availability", "max_loans_per_month"],
    )
    directives.widget(skills=CheckBoxFieldWidget, languages=CheckBoxFieldWidget)
    directives.widget(loan_formats=CheckBoxFieldWidget)
    skills = schema.List(
        title=_("Skills"),
        value_type=schema.Choice(vocabulary="vaasa.somementor.Skills"),
        required=False,
        default=[],
    )
    languages = schema.List(
        title=_("Languages"),
        description=_("Languages the mentor can guide in."),
        value_type=schema.Choice(vocabulary="vaasa.somementor.Languages"),
        required=True,
        constraint=validators.at_least_one_language,
    )
    loan_formats = schema.List(
        title=_("Loan formats"),
        value_type=schema.Choice(vocabulary="vaasa.somementor.LoanFormats"),
        required=False,
        default=[],
    )
    availability = schema.Text(
        title=_("Availability"),
        description=_("For example: Tuesdays and Thursdays, not in July."),
        required=False,
    )
    max_loans_per_month = schema.Int(
        title=_("Maximum loans per month"),
        description=_("Leave empty to use the site default."),
        required=False,
        constraint=validators.not_negative,
    )

    # A mentor edits their own profile, but who they are and whether they lend is
    # decided by a coordinator. The permission is granted on the site (rolemap), not by
    # the mentor workflow: the Add form checks it on the directory.
    directives.write_permission(
        user_id="vaasa.somementor.ManageMentors",
        active="vaasa.somementor.ManageMentors",
        max_loans_per_month="vaasa.somementor.ManageMentors",
    )
    model.fieldset(
        "contact",
        label=_("Contact and status"),
        fields=["email", "phone", "user_id", "cohort", "active"],
    )
    email = schema.TextLine(
        title=_("Email"),
        required=True,
        constraint=validators.email_address,
    )
    phone = schema.TextLine(title=_("Phone"), required=False)
    user_id = schema.Choice(
        title=_("Linked user"),
        description=_("The site user who is this mentor."),
        vocabulary="plone.app.vocabularies.Users",
        required=False,
    )
    cohort = schema.Int(
        title=_("Mentor cohort"),
        description=_("The year the mentor was trained."),
        required=False,
        constraint=validators.cohort_year,
    )
    active = schema.Bool(
        title=_("Active"),
        description=_("Inactive mentors are not offered for loans."),
        required=False,
        default=True,
    )


def _name(mentor):
    names = (getattr(mentor, "first_name", None), getattr(mentor, "last_name", None))
    return " ".join(name for name in names if name)


@implementer(IMentor)
class Mentor(Item):
    title = derived_title(_name)


def lendable(mentor):
    """Offered to visitors: published and active (a retired mentor is never published)."""
    return bool(getattr(mentor, "active", False)) and api.content.get_state(mentor) == "published"


_UID = re.compile(r"^[0-9a-f]{32}$")


def mentor_by_uid(uid):
    """The Mentor with this UID, whoever may see it, or None for anything else sent as one.

    Unrestricted, so a hidden mentor and an unknown one can be given the very same answer.
    """
    if not isinstance(uid, str) or not _UID.match(uid):
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=uid, portal_type="Mentor")
    return brains[0]._unrestrictedGetObject() if brains else None
