from plone.app.content.interfaces import INameFromTitle
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.schema import JSONField
from plone.supermodel import model
from plone.uuid.interfaces import IUUID
from vaasa.somementor import _
from vaasa.somementor.content import validators
from vaasa.somementor.content.derived_title import derived_title
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant

import datetime
import json


DATE_RANGES_SCHEMA = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "start": {"type": "string", "format": "date"},
                "end": {"type": "string", "format": "date"},
            },
            "required": ["start", "end"],
        },
    }
)


class ILoanRequest(model.Schema):
    """A unit's wish to borrow a mentor, and how the loan went."""

    # Read-only, so REST clients get a title but never set it.
    directives.omitted("title")
    title = schema.TextLine(title=_("Title"), readonly=True, required=False)
    requester_name = schema.TextLine(title=_("Your name"), required=True)
    requester_email = schema.TextLine(
        title=_("Your email"),
        required=True,
        constraint=validators.email_address,
    )
    requester_phone = schema.TextLine(title=_("Your phone"), required=False)
    organisation = schema.TextLine(
        title=_("Organisation or unit"),
        required=True,
    )
    municipality = schema.TextLine(
        title=_("Municipality"),
        required=True,
        default="Vaasa",
    )
    mentor = RelationChoice(
        title=_("Wished mentor"),
        description=_("Leave empty if any mentor will do."),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    # Chosen by the requester, then only a coordinator moves the loan to another mentor:
    # approving checks the mentor's month, which a silent swap would skip.
    directives.write_permission(mentor="vaasa.somementor.ReviewLoan")
    directives.widget(
        "mentor",
        RelatedItemsFieldWidget,
        pattern_options={"selectableTypes": ["Mentor"], "basePath": "/"},
    )
    directives.widget(skills_needed=CheckBoxFieldWidget)
    skills_needed = schema.List(
        title=_("Skills needed"),
        value_type=schema.Choice(vocabulary="vaasa.somementor.Skills"),
        required=False,
        default=[],
    )
    need = schema.Text(
        title=_("What do you need help with?"),
        required=True,
    )
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
    preferred_dates = JSONField(
        title=_("Preferred dates"),
        description=_(
            'One or more date ranges, for example [{"start": "2026-03-02", "end": "2026-03-06"}].'
        ),
        schema=DATE_RANGES_SCHEMA,
        required=True,
        constraint=validators.at_least_one_date_range,
    )
    expected_participants = schema.Int(
        title=_("Expected participants"),
        required=False,
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
    place = schema.TextLine(
        title=_("Place or meeting link"),
        required=False,
    )
    outcome = schema.Text(title=_("Outcome"), required=False)
    hours_spent = schema.Float(
        title=_("Hours spent"),
        required=False,
        constraint=validators.not_negative,
    )
    feedback_rating = schema.Int(
        title=_("Feedback rating"),
        description=_("From 1 (poor) to 5 (excellent)."),
        required=False,
        constraint=validators.rating,
    )
    feedback_comment = schema.Text(title=_("Feedback comment"), required=False)

    @invariant
    def scheduled_end_after_start(data):
        validators.end_after_start(
            getattr(data, "scheduled_start", None),
            getattr(data, "scheduled_end", None),
            _("The scheduled end must be after the start."),
        )

    @invariant
    def preferred_ranges_in_order(data):
        for dates in getattr(data, "preferred_dates", None) or []:
            try:
                start = datetime.date.fromisoformat(dates["start"])
                end = datetime.date.fromisoformat(dates["end"])
            except (KeyError, TypeError, ValueError):
                raise Invalid(_("Give each preferred date as YYYY-MM-DD.")) from None
            if end < start:
                raise Invalid(_("A preferred date range must not end before it starts."))


def _requester(loan):
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
        self.title = f"request-{IUUID(context)[:8]}"
