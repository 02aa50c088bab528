from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from vaasa.somementor import _
from vaasa.somementor.browser.posted import forget_posted
from vaasa.somementor.content.loan_readers import wished_dates
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.loans import comments
from vaasa.somementor.loans import feedback
from vaasa.somementor.loans import requester
from vaasa.somementor.loans import tokens
from vaasa.somementor.notifications import ics
from vaasa.somementor.notifications import times
from zExceptions import NotFound
from zope.i18n import translate
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


# The sub-path of the status link that downloads the loan for a calendar.
CALENDAR = "ics"

# The token is the key to the page: no other site may learn it from a Referer
# header, and no shared cache or browser history on disk may keep the page.
PRIVATE_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex, nofollow",
}

RATINGS = (
    ("1", _("1 – poor")),
    ("2", _("2 – fair")),
    ("3", _("3 – good")),
    ("4", _("4 – very good")),
    ("5", _("5 – excellent")),
)


@implementer(IPublishTraverse)
class LoanStatusView(BrowserView):
    """The requester's private page: their request, its state, and what they may do now.

    The token in the address opens this page and nothing else: it gives no role,
    and the request itself stays closed to the visitor. What may be done is
    asked of ``loans.requester`` and ``loans.feedback``; the page only shows it.
    """

    token = None
    subpath = None
    notice = None  # a refusal that concerns the whole page
    form_message = None  # the feedback form's summary of its errors
    errors = {}
    typed = {}

    def publishTraverse(self, request, name):
        if self.token is None:
            self.token = name
            return self
        if self.subpath is None and name == CALENDAR:
            self.subpath = name
            return self
        raise NotFound(name)

    def __call__(self):
        for name, value in PRIVATE_HEADERS.items():
            self.request.response.setHeader(name, value)
        self.loan = tokens.find(self.token)
        if self.loan is None:
            raise NotFound(self.token)
        if self.subpath == CALENDAR:
            return self._calendar()
        if self.request.method == "POST":
            if "cancel" in self.request.form:
                self._cancel()
            elif "feedback" in self.request.form and self._feedback():
                # After-POST redirect: reloading the thanks does not send the form again.
                self.request.response.redirect(f"{self.action_url}#{feedback.ANCHOR}", status=303)
                return ""
        forget_posted(self.request)
        return self.index()

    def _cancel(self):
        CheckAuthenticator(self.request)
        # Stored untranslated: each mail's reader gets it in their own language.
        if requester.cancel(self.loan, comments.stored(comments.CANCELLED_BY_REQUESTER)):
            api.portal.show_message(_("Your request is cancelled."), request=self.request)

    def _feedback(self):
        CheckAuthenticator(self.request)
        form = self.request.form
        rating, comment = form.get(feedback.RATING), form.get(feedback.COMMENT)
        self.typed = {
            feedback.RATING: rating if isinstance(rating, str) else "",
            feedback.COMMENT: comment if isinstance(comment, str) else "",
        }
        try:
            feedback.give_feedback(self.loan, rating, comment)
        except feedback.Refused as refused:
            if refused.reason == feedback.INVALID:
                self.form_message, self.errors = refused.message, refused.errors
            else:
                self.notice = refused.message
            return False
        return True

    def _calendar(self):
        if not requester.calendar_offered(self.loan):
            raise NotFound(CALENDAR)
        response = self.request.response
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader("Content-Disposition", 'attachment; filename="somementor.ics"')
        return ics.for_requester(self.loan, self.language)

    @property
    def language(self):
        return api.portal.get_current_language(context=self.context)[:2]

    @property
    def state(self):
        return api.content.get_state(self.loan)

    @property
    def state_title(self):
        workflow = api.portal.get_tool("portal_workflow")
        title = workflow.getTitleForStateOnType(self.state, "LoanRequest")
        return translate(title, domain="plone", context=self.request)

    @property
    def sent(self):
        return times.moment(self.loan.created(), self.language)

    @property
    def wished(self):
        return [times.days(start, end, self.language) for start, end in wished_dates(self.loan)]

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
        return times.span(loan.scheduled_start, loan.scheduled_end, self.language)

    @property
    def place(self):
        return self.loan.place or ""

    @property
    def meeting_link(self):
        return requester.meeting_link_shown(self.loan)

    @property
    def calendar_url(self):
        if not requester.calendar_offered(self.loan):
            return None
        return f"{self.action_url}/{CALENDAR}"

    @property
    def action_url(self):
        return f"{self.context.absolute_url()}/@@loan-status/{self.token}"

    # The feedback form

    feedback_anchor = feedback.ANCHOR
    rating_name = feedback.RATING
    comment_name = feedback.COMMENT

    @property
    def feedback_shown(self):
        return self.state == feedback.OPEN_STATE

    @property
    def can_give_feedback(self):
        return feedback.can_give_feedback(self.loan)

    @property
    def feedback_given(self):
        return feedback.given(self.loan)

    @property
    def given_rating(self):
        return getattr(self.loan, feedback.RATING, None)

    @property
    def given_comment(self):
        return getattr(self.loan, feedback.COMMENT, None) or ""

    @property
    def ratings(self):
        typed = self.typed.get(feedback.RATING, "")
        return [
            {
                "value": value,
                "label": label,
                "id": f"feedback-rating-{value}",
                "checked": value == typed,
            }
            for value, label in RATINGS
        ]

    @property
    def comment_max_length(self):
        return ILoanRequest[feedback.COMMENT].max_length

    def error(self, name):
        return self.errors.get(name)

    @property
    def first_error(self):
        """The control that takes the focus when the page opens again with errors."""
        for name, _read in feedback.READERS:
            if name in self.errors:
                return name
        return None
