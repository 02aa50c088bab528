"""GET @my-loans: the signed-in user's loans as mentor and as requester, with their steps.

The same queries as the "My loans" page (``loans/mine.py``) and the same steps as
the desk (``loans/handling.Steps``), read from catalog metadata: a client takes a
step with ``POST <loan>/@workflow/<step>``.
"""

from plone import api
from plone.restapi.services import Service
from vaasa.somementor import _
from vaasa.somementor.loans import handling
from vaasa.somementor.loans import mine
from zope.i18n import translate


def _iso(value):
    return value.ISO8601() if value is not None else None


class MyLoansGet(Service):
    def reply(self):
        if api.user.is_anonymous():
            self.request.response.setStatus(401)
            message = translate(_("Sign in to see your loans."), context=self.request)
            return {"error": {"type": "Unauthorized", "message": message}}
        user_id = api.user.get_current().getId()
        self.steps = handling.Steps(self.context)
        workflow = handling.loan_workflow()
        self.state_titles = {
            state.id: translate(state.title, domain="plone", context=self.request)
            for state in workflow.states.values()
        }
        self.step_titles = {}
        grouped = mine.as_mentor(user_id)
        return {
            "@id": f"{self.context.absolute_url()}/@my-loans",
            "is_mentor": mine.is_mentor(user_id),
            # The user is the mentor of every loan here: the steps are the Mentor role's.
            "as_mentor": {
                name: [self._item(brain, "Mentor") for brain in grouped[name]]
                for name in mine.GROUPS
            },
            "as_requester": [self._item(brain, "Owner") for brain in mine.as_requester(user_id)],
        }

    def _step_title(self, step):
        if step not in self.step_titles:
            self.step_titles[step] = handling.title(step)
        return self.step_titles[step]

    def _item(self, brain, role):
        url = brain.getURL()
        return {
            "@id": url,
            "UID": brain.UID,
            "title": brain.Title,
            "review_state": brain.review_state,
            "state_title": self.state_titles.get(brain.review_state, brain.review_state),
            "language": brain.loan_language,
            "month": brain.loan_month,
            "start": _iso(brain.loan_start),
            "end": _iso(brain.loan_end),
            "transitions": [
                {"@id": f"{url}/@workflow/{step}", "title": self._step_title(step)}
                for step in self.steps(brain.review_state, role)
            ],
        }
