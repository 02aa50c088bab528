"""``@@registration/<token>`` on a training: the registrant's private page.

The token opens this page and nothing else. The registrant sees whether they
have a seat or their place on the waiting list, the meeting link of a remote
training once they have a seat, and may cancel; ``registrations`` decides.
"""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from vaasa.somementor import _
from vaasa.somementor.browser.loan_status import PRIVATE_HEADERS
from vaasa.somementor.browser.posted import forget_posted
from vaasa.somementor.notifications import times
from vaasa.somementor.registrations import cancel
from vaasa.somementor.registrations import store
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


STATES = {
    store.CONFIRMED: _("Confirmed"),
    store.WAITING: _("On the waiting list"),
    store.CANCELLED: _("Cancelled"),
}


@implementer(IPublishTraverse)
class RegistrationView(BrowserView):
    token = None

    def publishTraverse(self, request, name):
        if self.token is None:
            self.token = name
            return self
        raise NotFound(name)

    def __call__(self):
        for name, value in PRIVATE_HEADERS.items():
            self.request.response.setHeader(name, value)
        books = store.registrations(self.context)
        self.record = books.by_token(self.token) if books is not None and self.token else None
        if self.record is None:
            raise NotFound(self.token)
        if self.request.method == "POST" and "cancel" in self.request.form:
            CheckAuthenticator(self.request)
            if cancel.can_cancel(self.context, self.record):
                cancel.cancel(self.context, self.record["id"])
                api.portal.show_message(_("Your registration is cancelled."), request=self.request)
            # After-POST redirect: a reload does not send the form again.
            self.request.response.redirect(self.action_url, status=303)
            return ""
        forget_posted(self.request)
        return self.index()

    @property
    def language(self):
        return api.portal.get_current_language(context=self.context)[:2]

    @property
    def state(self):
        return self.record["state"]

    @property
    def state_title(self):
        return STATES[self.state]

    @property
    def position(self):
        return store.registrations(self.context).position(self.record)

    @property
    def when(self):
        start, end = getattr(self.context, "start", None), getattr(self.context, "end", None)
        return times.span(start, end, self.language) if start and end else ""

    @property
    def place(self):
        return getattr(self.context, "location", None) or ""

    @property
    def meeting_link(self):
        """For a remote training, to those with a seat only."""
        if self.state != store.CONFIRMED or self.context.training_format != "remote":
            return None
        return getattr(self.context, "meeting_url", None) or None

    @property
    def can_cancel(self):
        return cancel.can_cancel(self.context, self.record)

    @property
    def action_url(self):
        return f"{self.context.absolute_url()}/@@registration/{self.token}"
