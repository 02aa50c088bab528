"""``@@registrations`` on a training: the coordinators' list, attendance and CSV."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from vaasa.somementor import _
from vaasa.somementor.browser.exports import safe
from vaasa.somementor.browser.posted import forget_posted
from vaasa.somementor.browser.registration import STATES
from vaasa.somementor.notifications import times
from vaasa.somementor.registrations import attendance
from vaasa.somementor.registrations import store
from zope.i18n import translate

import csv
import io


ATTENDED = "attended"


class RegistrationsView(BrowserView):
    def __call__(self):
        self.request.response.setHeader("Cache-Control", "private, no-store")
        if self.request.method == "POST" and "save-attendance" in self.request.form:
            CheckAuthenticator(self.request)
            ids = self.request.form.get(ATTENDED) or []
            ids = [ids] if isinstance(ids, str) else [id for id in ids if isinstance(id, str)]
            attendance.mark(self.context, ids)
            api.portal.show_message(_("Attendance saved."), request=self.request)
            self.request.response.redirect(f"{self.context.absolute_url()}/@@registrations", 303)
            return ""
        if self.request.form.get("format") == "csv":
            return self._csv()
        forget_posted(self.request)
        return self.index()

    @property
    def language(self):
        return api.portal.get_current_language(context=self.context)[:2]

    def _rows(self, state):
        books = store.registrations(self.context)
        if books is None:
            return []
        return [
            {
                **record,
                "position": books.position(record),
                "created_text": times.moment(record["created"], self.language),
            }
            for record in books.in_state(state)
        ]

    @property
    def confirmed(self):
        return self._rows(store.CONFIRMED)

    @property
    def waiting(self):
        return self._rows(store.WAITING)

    @property
    def cancelled(self):
        return self._rows(store.CANCELLED)

    @property
    def capacity(self):
        return getattr(self.context, "capacity", None)

    @property
    def attended_count(self):
        return attendance.attended_count(self.context)

    @property
    def csv_url(self):
        return f"{self.context.absolute_url()}/@@registrations?format=csv"

    def _csv(self):
        t = lambda message: translate(message, context=self.request)  # noqa: E731
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(
            [
                t(_("Name")),
                t(_("Email")),
                t(_("Unit or municipality")),
                t(_("Language")),
                t(_("Status")),
                t(_("Waiting list number")),
                t(_("Signed up")),
                t(_("Attended")),
            ]
        )
        for state in (store.CONFIRMED, store.WAITING, store.CANCELLED):
            for row in self._rows(state):
                values = [
                    row["name"],
                    row["email"],
                    row["unit"],
                    row["language"],
                    t(STATES[state]),
                    row["position"] or "",
                    row["created"].isoformat(timespec="minutes"),
                    t(_("yes")) if row["attended"] else "",
                ]
                writer.writerow([safe(value) for value in values])
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        name = f"registrations-{self.context.getId()}.csv"
        response.setHeader("Content-Disposition", f'attachment; filename="{name}"')
        # A byte order mark, so a spreadsheet opens UTF-8 text with its ä and ö.
        return "\ufeff" + buffer.getvalue()
