from collective.z3cform.datagridfield.row import DictRow
from plone import api
from plone.app.content.interfaces import INameFromTitle
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from plone.uuid.interfaces import IUUID
from vaasa.somementor import _
from vaasa.somementor import zone
from vaasa.somementor.content import validators
from vaasa.somementor.content.anonymised import anonymised
from vaasa.somementor.content.anonymised import neutral_title
from vaasa.somementor.content.derived_title import derived_title
from vaasa.somementor.content.mentor import IMentor
from vaasa.somementor.content.mentor import lendable
from vaasa.somementor.content.wished_dates import WishedDatesFieldWidget
from vaasa.somementor.vocabularies import fixed
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.relationfield.interfaces import IRelationValue
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import invariant
from zope.schema import ValidationError


class IDateRange(Interface):
    """One period that would suit the requester."""

    start = schema.Date(title=_("From"), required=True)
    end = schema.Date(title=_("To"), required=True)


# IDateRange as a Volto object_list row form; the titles are the schema's own.
DATE_RANGE_FORM = {
    "title": _("Dates"),
    "fieldsets": [{"id": "default", "title": "Default", "fields": ["start", "end"]}],
    "properties": {
        name: {"title": IDateRange[name].title, "widget": "date"} for name in ("start", "end")
    },
    "required": ["start", "end"],
}


# Generous for any real name, need or report; a megabyte of text is a script.
NAME_LENGTH = 200
LINE_LENGTH = 500
TEXT_LENGTH = 5000
MAX_PARTICIPANTS = 1000
MAX_HOURS = 100.0


class NotLendable(ValidationError):
    # One message for a mentor that is unknown, hidden, retired or not lending:
    # a visitor learns nothing about profiles they cannot see.
    __doc__ = _("Choose a mentor from the directory.")


def lendable_mentor(value):
    """A visitor may name a published, lending mentor; a coordinator any mentor."""
    mentor = value.to_object if IRelationValue.providedBy(value) else value
    if not IMentor.providedBy(mentor):
        raise NotLendable(value)
    coordinator = api.user.has_permission("vaasa.somementor: Review loan requests", obj=mentor)
    if not (coordinator or lendable(mentor)):
        raise NotLendable(value)
    return True


def _line(title, length=NAME_LENGTH, **kw):
    return schema.TextLine(title=title, max_length=length, constraint=validators.single_line, **kw)


def _text(title, **kw):
    return schema.Text(title=title, max_length=TEXT_LENGTH, constraint=validators.paragraphs, **kw)


class ILoanRequest(model.Schema):
    """A unit's wish to borrow a mentor, and how the loan went."""

    # Read-only, so REST clients get a title but never set it.
    directives.omitted("title")
    title = schema.TextLine(title=_("Title"), readonly=True, required=False)
    # Who asks and what they agreed to: the requester's own while the request is
    # submitted, then only the coordinators' (the workflow grants it); never the mentor's.
    directives.write_permission(
        requester_name="vaasa.somementor.EditRequesterData",
        requester_email="vaasa.somementor.EditRequesterData",
        requester_phone="vaasa.somementor.EditRequesterData",
        organisation="vaasa.somementor.EditRequesterData",
        municipality="vaasa.somementor.EditRequesterData",
        need="vaasa.somementor.EditRequesterData",
        consent="vaasa.somementor.EditRequesterData",
    )
    requester_name = _line(_("Your name"), required=True)
    requester_email = schema.TextLine(
        title=_("Your email"),
        required=True,
        max_length=254,
        constraint=validators.email_address,
    )
    requester_phone = _line(_("Your phone"), length=50, required=False)
    organisation = _line(_("Organisation or unit"), required=True)
    municipality = _line(_("Municipality"), length=100, required=True, default="Vaasa")
    mentor = RelationChoice(
        title=_("Preferred mentor"),
        description=_("Leave empty if any mentor will do."),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
        constraint=lendable_mentor,
    )
    # Chosen by the requester, then only a coordinator moves the loan to another mentor:
    # approving checks the mentor's month, which a silent swap would skip.
    directives.write_permission(mentor="vaasa.somementor.ReviewLoan")
    directives.widget(
        "mentor",
        RelatedItemsFieldWidget,
        pattern_options={"selectableTypes": ["Mentor"], "basePath": "/"},
    )
    directives.widget(
        "skills_needed", CheckBoxFieldWidget, frontendOptions={"widget": "checkbox_group"}
    )
    skills_needed = schema.List(
        title=_("Skills needed"),
        value_type=schema.Choice(vocabulary="vaasa.somementor.Skills"),
        required=False,
        default=[],
        unique=True,
        max_length=len(fixed.skills()),
    )
    need = _text(_("What do you need help with?"), required=True)
    # Not "language": that attribute is the content language Plone keeps for every item.
    preferred_language = schema.Choice(
        title=_("Preferred language"),
        vocabulary="vaasa.somementor.Languages",
        required=True,
    )
    loan_format = schema.Choice(
        title=_("Format"),
        vocabulary="vaasa.somementor.LoanFormats",
        required=True,
    )
    directives.widget(
        "preferred_dates",
        WishedDatesFieldWidget,
        allow_reorder=False,
        auto_append=False,
        # For schema-driven front ends (Volto): rows of two dates, as the table here.
        frontendOptions={"widget": "object_list", "widgetProps": {"schema": DATE_RANGE_FORM}},
    )
    preferred_dates = schema.List(
        title=_("Preferred dates"),
        description=_("One or more periods that would suit you. Add a row for each."),
        value_type=DictRow(title=_("Dates"), schema=IDateRange),
        required=True,
        constraint=validators.date_ranges,
    )
    expected_participants = schema.Int(
        title=_("Expected participants"),
        required=False,
        max=MAX_PARTICIPANTS,
        constraint=validators.not_negative,
    )
    consent = schema.Bool(
        title=_("I agree that my data is processed to handle this request."),
        required=True,
        constraint=validators.consent_given,
    )

    # Only the assigned mentor and the coordinators plan and report a loan.
    directives.write_permission(
        scheduled_start="vaasa.somementor.ScheduleLoan",
        scheduled_end="vaasa.somementor.ScheduleLoan",
        place="vaasa.somementor.ScheduleLoan",
        outcome="vaasa.somementor.ScheduleLoan",
        hours_spent="vaasa.somementor.ScheduleLoan",
    )
    model.fieldset(
        "handling",
        label=_("Handling"),
        fields=[
            "scheduled_start",
            "scheduled_end",
            "place",
            "outcome",
            "hours_spent",
            "feedback_rating",
            "feedback_comment",
        ],
    )
    scheduled_start = schema.Datetime(title=_("Scheduled start"), required=False)
    scheduled_end = schema.Datetime(title=_("Scheduled end"), required=False)
    place = _line(_("Place or meeting link"), length=LINE_LENGTH, required=False)
    outcome = _text(_("Outcome"), required=False)
    hours_spent = schema.Float(
        title=_("Hours spent"),
        required=False,
        max=MAX_HOURS,
        constraint=validators.not_negative,
    )
    feedback_rating = schema.Int(
        title=_("Feedback rating"),
        description=_("From 1 (poor) to 5 (excellent)."),
        required=False,
        constraint=validators.rating,
    )
    feedback_comment = _text(_("Feedback comment"), required=False)

    @invariant
    def scheduled_end_after_start(data):
        start = getattr(data, "scheduled_start", None)
        end = getattr(data, "scheduled_end", None)
        # A form gives naive times and REST aware ones; both mean a moment in Vaasa.
        validators.end_after_start(
            start and zone.local(start),
            end and zone.local(end),
            _("The scheduled end must be after the start."),
        )


def assigned_mentor(loan):
    """The Mentor the request names, or None (none chosen, or the profile is gone)."""
    relation = getattr(loan, "mentor", None)
    if relation is None or relation.isBroken():
        return None
    return relation.to_object


def _requester(loan):
    if anonymised(loan):
        return neutral_title(loan)
    name = getattr(loan, "requester_name", None) or ""
    organisation = getattr(loan, "organisation", None)
    return f"{name} ({organisation})" if organisation else name


@implementer(ILoanRequest)
class LoanRequest(Item):
    """Never translated: it keeps the language the requester used."""

    title = derived_title(_requester)


@implementer(INameFromTitle)
@adapter(ILoanRequest)
class LoanRequestName:
    """Request addresses carry no personal data, unlike a name-based id."""

    def __init__(self, context):
        # The whole UUID: eight characters collide once requests run into the tens of thousands.
        self.title = f"request-{IUUID(context).replace('-', '')}"
