"""Every person a request could be lent to, on the request's own page.

A row of the desk offers only the wished mentor, so the desk costs the same
with 10 mentors as with 5,000; choosing someone else happens here, one request
at a time. The list and each person's month come from catalog metadata.
"""

from plone import api
from Products.Five.browser import BrowserView
from vaasa.somementor.browser.loan_actions import Rows
from vaasa.somementor.browser.loan_actions import same_site
from vaasa.somementor.loans import desk
from vaasa.somementor.loans import handling


class ChooseMentorView(BrowserView):
    """The approve step with the whole choice of person; it posts to ``@@loan-transition``."""

    def __call__(self):
        loan = self.context
        came_from = self.request.form.get("came_from")
        if not same_site(came_from, self.request):
            language = api.portal.get_current_language(context=loan)[:2]
            came_from = desk.desk_url(loan, language)
        self.came_from = came_from
        self.rows = Rows(loan, self.request, came_from)
        self.authenticator = self.rows.authenticator
        catalog = api.portal.get_tool("portal_catalog")
        (self.brain,) = catalog.unrestrictedSearchResults(UID=loan.UID())
        self.approvable = "approve" in self.rows.steps(self.brain.review_state)
        self.step_title = handling.title("approve")
        return self.index()

    def options(self):
        """Everyone who takes loans, and the request's own mentor even if they no longer do."""
        brain = self.brain
        chosen = brain.loan_mentor_uid
        month = brain.loan_month
        options = []
        for person in desk.people(self.rows.language):
            mine = chosen in person.uids
            if not (mine or person.taking):
                continue
            uid = chosen if mine else person.profile_for(brain.loan_language)
            options.append(self.rows.option(person, uid, month, selected=mine))
        return options
