from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from vaasa.somementor import _
from vaasa.somementor.content import validators
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer


class ITraining(model.Schema):
    """A training session or public event; dates come from plone.app.event."""

    kind = schema.Choice(
        title=_("Kind"),
        vocabulary="vaasa.somementor.TrainingKinds",
        required=True,
        default="training",
    )
    directives.widget(topics=CheckBoxFieldWidget)
    topics = schema.List(
        title=_("Topics"),
        value_type=schema.Choice(vocabulary="vaasa.somementor.Skills"),
        required=False,
        default=[],
    )
    language_group = schema.Choice(
        title=_("Language group"),
        vocabulary="vaasa.somementor.LanguageGroups",
        required=True,
    )
    training_format = schema.Choice(
        title=_("Format"),
        vocabulary="vaasa.somementor.TrainingFormats",
        required=True,
    )
    meeting_url = schema.URI(
        title=_("Meeting link"),
        description=_("The web conference address for remote participants."),
        required=False,
    )
    organiser = schema.TextLine(
        title=_("Organiser"),
        description=_("For example Vaasa Summer University."),
        required=False,
    )
    trainer = schema.TextLine(title=_("Trainer"), required=False)

    model.fieldset(
        "participation",
        label=_("Participation"),
        fields=["capacity", "participants", "materials"],
    )
    capacity = schema.Int(
        title=_("Capacity"),
        description=_("How many can take part. Leave empty if there is no limit."),
        required=False,
        constraint=validators.not_negative,
    )
    participants = schema.Int(
        title=_("Participants"),
        description=_("How many took part. Recorded after the training."),
        required=False,
        constraint=validators.not_negative,
    )
    materials = schema.List(
        title=_("Recordings and materials"),
        description=_("One web address a line."),
        value_type=schema.URI(),
        required=False,
        default=[],
    )


@implementer(ITraining)
class Training(Item):
    """A training event whose start and end come from the event behaviour."""
