from vaasa.somementor import _
from zope import schema
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IBrowserLayer(IDefaultBrowserLayer):
    """Marker for requests on a site where vaasa.somementor is installed."""


class ISettings(Interface):
    """Site-wide settings of the mentor programme, kept in the registry."""

    coordinator_email = schema.TextLine(
        title=_("Coordinator address"),
        description=_(
            "New loan requests are announced here, besides the members of the group "
            "Mentor coordinators."
        ),
        required=False,
    )
    monthly_maximum = schema.Int(
        title=_("Default monthly maximum"),
        description=_(
            "How many times a mentor can be lent per month, unless their profile says otherwise."
        ),
        default=4,
        min=0,
    )
    reminder_days = schema.Int(
        title=_("Reminder days"),
        description=_("How many days before a scheduled loan the reminder goes out."),
        default=2,
        min=0,
    )
    waiting_days = schema.Int(
        title=_("Days a request may wait"),
        description=_(
            "The loan desk marks a submitted request that has waited longer than this "
            "for a coordinator."
        ),
        default=7,
        min=0,
    )
    booking_horizon_months = schema.Int(
        title=_("How far ahead requests may reach"),
        description=_("Months ahead within which a visitor's preferred dates must fall."),
        default=18,
        min=1,
        max=120,
    )
    submissions_per_hour = schema.Int(
        title=_("Requests per hour from one address"),
        description=_("More loan requests than this from one network address are refused."),
        default=5,
        min=1,
    )
    privacy_page = schema.TextLine(
        title=_("Privacy statement"),
        description=_(
            "Path of the privacy statement in the site's default language, such as "
            "/fi/tietosuoja. The request form links it, or its translation in the "
            "visitor's language."
        ),
        required=False,
        max_length=500,
    )
    retention_months = schema.Int(
        title=_("Months personal data is kept"),
        description=_(
            "After a loan request is completed, rejected or cancelled, or a training has "
            "ended, its requesters' and registrants' names, addresses and texts are "
            "removed once this many months have passed. The statistics stay as they were."
        ),
        default=24,
        min=1,
        max=120,
    )
    notify_coordinators = schema.Bool(
        title=_("Mail the coordinators"),
        default=True,
        required=False,
    )
    notify_requesters = schema.Bool(
        title=_("Mail the requesters"),
        default=True,
        required=False,
    )
    notify_mentors = schema.Bool(
        title=_("Mail the mentors"),
        default=True,
        required=False,
    )
