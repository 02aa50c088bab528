from plone.memoize import ram
from Products.Five.browser import BrowserView
from vaasa.somementor.browser.terms import term_titles
from vaasa.somementor.content.training import ITraining
from vaasa.somementor.content.validators import web_address
from zope.component import getMultiAdapter
from zope.component import queryMultiAdapter
from zope.schema import ValidationError


class _WithoutZone:
    """A training's event data as plone.app.event reads it, minus the zone name.

    plone.app.event's summary prints the zone as "(Europe/Helsinki / UTC200)": its
    offset sum turns +02:00 into "200". It leaves the zone out when the event data
    has none, so the page hands it data without one. Every training is in Vaasa,
    and the iCal file still carries the zone for calendars.
    """

    timezone = None

    def __init__(self, data):
        self._data = data

    def __getattr__(self, name):
        return getattr(self._data, name)


def _summary_key(method, view):
    """plone.app.event's summary, kept per training, edit and language.

    Formatting its dates took a tenth of the page. It says the same to every
    visitor: the when, the place, the contact and the iCal link, no user's own
    data; a training is not recurring, so "now" does not change it. Its address
    is in the key for sites served under more than one host name.
    """
    context = view.context
    return (context.absolute_url(), context.modified().micros(), view.request.get("LANGUAGE"))


class TrainingView(BrowserView):
    """A training's public page: when and where (from plone.app.event), and what it is."""

    def term_titles(self, field_name):
        return ", ".join(term_titles(self.context, self.request, ITraining, field_name))

    def recording_url(self):
        """The recording of a recorded training, if it has a link people may follow."""
        url = self.context.recording_url
        if self.context.training_format != "recorded" or not url:
            return None
        try:
            web_address(url)
        except ValidationError:
            return None  # stored before the field refused other schemes
        return url

    def registration(self):
        """The sign-up part of the page, when a view named ``training-registration`` gives one."""
        view = queryMultiAdapter((self.context, self.request), name="training-registration")
        return view() if view is not None else ""

    @ram.cache(_summary_key)
    def event_summary(self):
        summary = getMultiAdapter((self.context, self.request), name="event_summary")
        summary.data = _WithoutZone(summary.data)
        return summary()
