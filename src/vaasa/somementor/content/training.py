from plone.app.event.dx.behaviors import IEventBasic
from plone.app.multilingual.dx.directives import languageindependent
from plone.app.multilingual.dx.interfaces import ILanguageIndependentField
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from vaasa.somementor import _
from vaasa.somementor.content import validators
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import alsoProvides
from zope.interface import implementer


class ITraining(model.Schema):
    """A training session or public event; dates come from plone.app.event."""

    # Shared by all translations of a training: an edit in one language reaches the others.
    languageindependent(
        "kind",
        "topics",
        "language_group",
        "training_format",
        "meeting_url",
        "recording_url",
        "registration_deadline",
        "trainer",
        "capacity",
        "participants",
        "materials",
    )

    kind = schema.Choice(
        title=_("Type"),
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
    # Never shown on the public page: registered participants get it privately.
    meeting_url = schema.URI(
        title=_("Meeting link"),
        description=_(
            "The web conference address for remote participants. Only registered "
            "participants see it."
        ),
        required=False,
        constraint=validators.web_address,
    )
    recording_url = schema.URI(
        title=_("Recording"),
        description=_("The web address where the recorded training can be watched."),
        required=False,
        constraint=validators.web_address,
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
        fields=["capacity", "registration_deadline", "participants", "materials"],
    )
    capacity = schema.Int(
        title=_("Capacity"),
        description=_("How many can take part. Leave empty if there is no limit."),
        required=False,
        constraint=validators.not_negative,
    )
    # A naive value, read as Vaasa time like the rest of the site's forms.
    registration_deadline = schema.Datetime(
        title=_("Registration deadline"),
        description=_(
            "Registration closes at the start of the training, or at this time if it is earlier."
        ),
        required=False,
    )
    participants = schema.Int(
        title=_("Participants"),
        description=_("How many took part. Recorded after the training."),
        required=False,
        constraint=validators.not_negative,
    )
    materials = schema.List(
        title=_("Recordings and materials"),
        description=_("One web address per line."),
        value_type=schema.URI(constraint=validators.web_address),
        required=False,
        default=[],
    )


@implementer(ITraining)
class Training(Item):
    """A training event whose start and end come from the event behaviour."""


# A training happens once, whatever the language of its page. The event behaviour
# belongs to plone.app.event, so its date fields are marked here rather than in a
# schema; this also keeps the dates of translated stock Events in step.
for _name in ("start", "end", "whole_day", "open_end"):
    alsoProvides(IEventBasic[_name], ILanguageIndependentField)
