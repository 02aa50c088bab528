"""The staff's page of one loan request: what was asked, how it is handled, what happened."""

from plone import api
from Products.Five.browser import BrowserView
from vaasa.somementor import _
from vaasa.somementor.browser.terms import term_titles
from vaasa.somementor.content.loan_readers import meeting_link
from vaasa.somementor.content.loan_readers import wished_dates
from vaasa.somementor.content.loan_request import assigned_mentor
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.loans import comments
from vaasa.somementor.notifications import times
from zope.i18n import translate


WORKFLOW = "somementor_loan_workflow"
# Filled in while the loan is handled; shown only once they hold something.
HANDLING_FIELDS = ("place", "outcome", "hours_spent", "feedback_rating", "feedback_comment")


class LoanRequestView(BrowserView):
    @property
    def language(self):
        return api.portal.get_current_language(context=self.context)[:2]

    def titles(self, field_name):
        return ", ".join(term_titles(self.context, self.request, ILoanRequest, field_name))

    @property
    def state_title(self):
        workflow = api.portal.get_tool("portal_workflow")
        state = api.content.get_state(self.context)
        title = workflow.getTitleForStateOnType(state, self.context.portal_type)
        return translate(title, domain="plone", context=self.request)

    @property
    def mentor(self):
        mentor = assigned_mentor(self.context)
        if mentor is None:
            return None
        return {"title": mentor.title, "url": mentor.absolute_url()}

    @property
    def wished(self):
        return [times.days(start, end, self.language) for start, end in wished_dates(self.context)]

    @property
    def submitted(self):
        return times.moment(self.context.created(), self.language)

    @property
    def scheduled(self):
        loan = self.context
        if not (loan.scheduled_start and loan.scheduled_end):
            return None
        return times.span(loan.scheduled_start, loan.scheduled_end, self.language)

    @property
    def place_link(self):
        return meeting_link(self.context.place)

    def handling(self):
        """The handling fields that hold something, with their labels."""
        fields = []
        for name in HANDLING_FIELDS:
            value = getattr(self.context, name, None)
            if value in (None, ""):
                continue
            label = translate(ILoanRequest[name].title, context=self.request)
            fields.append({"name": name, "label": label, "value": value})
        return fields

    def history(self):
        """Every step of the loan workflow: who did what, when, and what they wrote."""
        workflow = api.portal.get_tool("portal_workflow")
        transitions = workflow[WORKFLOW].transitions
        steps = []
        for entry in reversed(self.context.workflow_history.get(WORKFLOW, ())):
            transition = transitions.get(entry.get("action") or "")
            if transition is not None:
                action = translate(transition.title, domain="plone", context=self.request)
            else:
                action = translate(_("Request sent"), context=self.request)
            actor = entry.get("actor") or ""
            user = api.user.get(userid=actor) if actor else None
            steps.append(
                {
                    "action": action,
                    "actor": (user.getProperty("fullname", "") if user else "") or actor,
                    "time": times.moment(entry["time"], self.language),
                    "comment": comments.localized(entry.get("comments"), self.language),
                }
            )
        return steps
