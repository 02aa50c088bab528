""" "My loans": a mentor's loans by what they need next, and a member's own requests."""

from AccessControl import Unauthorized
from plone import api
from Products.Five.browser import BrowserView
from vaasa.somementor import _
from vaasa.somementor.browser.loan_actions import Rows
from vaasa.somementor.loans import mine


GROUP_TITLES = {
    "to_schedule": _("To schedule"),
    "upcoming": _("Upcoming"),
    "to_complete": _("To complete"),
    "done": _("Done"),
}


class MyLoansView(BrowserView):
    """For any signed-in user; the steps are the desk's, in the same small forms."""

    def __call__(self):
        if api.user.is_anonymous():
            # Plone answers with the login form, and comes back here after it.
            raise Unauthorized("My loans is for signed-in users.")
        user_id = api.user.get_current().getId()
        self.rows = Rows(self.context, self.request, self.came_from)
        self.is_mentor = mine.is_mentor(user_id)
        grouped = mine.as_mentor(user_id)
        # The user is the mentor of every loan listed here: the steps are the Mentor role's.
        self.groups = [
            {
                "id": name,
                "title": GROUP_TITLES[name],
                "rows": self.rows.rows(grouped[name], "Mentor"),
            }
            for name in mine.GROUPS
        ]
        self.requests = self.rows.rows(mine.as_requester(user_id), "Owner")
        return self.index()

    @property
    def came_from(self):
        return f"{self.context.absolute_url()}/@@my-loans"

    @property
    def empty(self):
        return not self.requests and not any(group["rows"] for group in self.groups)
