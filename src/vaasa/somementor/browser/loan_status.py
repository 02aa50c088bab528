from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from vaasa.somementor import _
from vaasa.somementor.loans import requester
from vaasa.somementor.loans import tokens
from vaasa.somementor.notifications import times
from zExceptions import NotFound
from zope.i18n import translate
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class LoanStatusView(BrowserView):
    """The requester's private page: status of their request, and a way to cancel it.

    The token in the address opens this page and nothing else: it gives no role,
    and the request itself stays closed to the visitor.
    """

    token = None

    def publishTraverse(self, request, name):
        if self.token is None:
            self.token = name
            return self
        raise NotFound(name)

    def __call__(self):
        self.loan = tokens.find(self.token)
        if self.loan is None:
            raise NotFound(self.token)
        if self.request.method == "POST" and "cancel" in self.request.form:
            self._cancel()
        return self.index()

    def _cancel(self):
        CheckAuthenticator(self.request)
        comment = translate(_("Cancelled by the requester."), context=self.request)
        if requester.cancel(self.loan, comment):
            api.portal.show_message(_("Your request is cancelled."), request=self.request)

    @property
    def state(self):
        return api.content.get_state(self.loan)

    @property
    def state_title(self):
        workflow = api.portal.get_tool("portal_workflow")
        title = workflow.getTitleForStateOnType(self.state, "LoanRequest")
        return translate(title, domain="plone", context=self.request)

    @property
    def can_cancel(self):
        return requester.can_cancel(self.loan)

    @property
    def mentor_name(self):
        mentor = requester.mentor_shown(self.loan)
        return mentor.title if mentor is not None else None

    @property
    def when(self):
        loan = self.loan
        if not requester.time_settled(loan):
            return None
        language = api.portal.get_current_language(context=self.context)[:2]
        return times.span(loan.scheduled_start, loan.scheduled_end, language)

    @property
    def action_url(self):
        return f"{self.context.absolute_url()}/@@loan-status/{self.token}"
