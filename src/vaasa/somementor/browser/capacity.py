"""A mentor's month at a glance: the loans that take a place in it, as the approval rule counts."""

from plone import api
from Products.Five.browser import BrowserView
from vaasa.somementor import zone
from vaasa.somementor.browser.loan_actions import Rows
from vaasa.somementor.loans import bookings
from vaasa.somementor.loans import desk


def _shift(month, months):
    year, number = (int(part) for part in month.split("-"))
    number += months
    year, number = year + (number - 1) // 12, (number - 1) % 12 + 1
    return f"{year:04d}-{number:02d}"


class MentorCapacityView(BrowserView):
    """``?month=YYYY-MM`` (this month by default), over every language version of the mentor."""

    def __call__(self):
        month = self.request.form.get("month")
        self.month = desk.valid_month(month) or zone.today().strftime("%Y-%m")
        mentor = self.context
        self.name = mentor.title
        self.booked = bookings.booked_in_month(mentor, self.month)
        self.maximum = bookings.monthly_maximum(mentor)
        self.rows = Rows(self.context, self.request, self.request.get("ACTUAL_URL", ""))
        return self.index()

    @property
    def month_title(self):
        year, number = self.month.split("-")
        return f"{int(number)}/{year}"

    def month_url(self, months):
        return f"{self.context.absolute_url()}/@@mentor-capacity?month={_shift(self.month, months)}"

    @property
    def full(self):
        return len(self.booked) >= self.maximum

    def loans(self):
        return [
            {
                "url": brain.getURL(),
                "requester": brain.loan_requester or brain.Title,
                "organisation": brain.loan_organisation or "",
                "state_title": self.rows.state_title(brain.review_state),
                "dates": self.rows.dates(brain),
            }
            for brain in self.booked
        ]

    @property
    def desk_url(self):
        """The queue of this person's requests at the desk of the page's language."""
        catalog = api.portal.get_tool("portal_catalog")
        root = api.portal.get_navigation_root(self.context)
        desks = catalog.searchResults(portal_type="LoanDesk", path="/".join(root.getPhysicalPath()))
        if not desks:
            return None
        return f"{desks[0].getURL()}?mentor={bookings.person(self.context)}"
