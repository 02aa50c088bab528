"""What a person fills in to sign up; the form and the domain check the same fields."""

from vaasa.somementor import _
from vaasa.somementor.content import validators
from zope import schema
from zope.interface import Interface


NAME_LENGTH = 200
# Left empty by people, filled in by form-filling robots.
HONEYPOT = "website"


class IRegistration(Interface):
    name = schema.TextLine(
        title=_("Your name"),
        max_length=NAME_LENGTH,
        constraint=validators.single_line,
        required=True,
    )
    email = schema.TextLine(
        title=_("Your email"),
        max_length=254,
        constraint=validators.email_address,
        required=True,
    )
    unit = schema.TextLine(
        title=_("Unit or municipality"),
        max_length=NAME_LENGTH,
        constraint=validators.single_line,
        required=True,
    )
    language = schema.Choice(
        title=_("Language of our emails"),
        vocabulary="vaasa.somementor.Languages",
        required=True,
    )
    consent = schema.Bool(
        title=_("I agree that my data is processed to handle my registration."),
        required=True,
        constraint=validators.consent_given,
    )


# In the order of the form.
FIELDS = ("name", "email", "unit", "language", "consent")
