"""``@@personal-data``: a coordinator shows, exports and erases what is held about a person.

Everything is asked by POST, so the address never ends up in a link, a server
log or the browser's history. Erasing asks once more before it acts.
"""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from vaasa.somementor import _
from vaasa.somementor import audit
from vaasa.somementor import personal_data
from vaasa.somementor.browser.loan_status import PRIVATE_HEADERS
from vaasa.somementor.browser.posted import forget_posted
from vaasa.somementor.browser.registration import STATES as REGISTRATION_STATES
from vaasa.somementor.content.loan_request import assigned_mentor
from vaasa.somementor.loans import handling
from vaasa.somementor.notifications import times
from vaasa.somementor.registrations import store
from zope.i18n import translate
from zope.schema import ValidationError

import datetime
import json


SEARCH, EXPORT, CONFIRM, ERASE = "search", "export", "confirm", "erase"
# The latest removals shown; the record keeps them all.
AUDIT_SHOWN = 20
REASONS = {
    audit.ERASED: _("Erased on request"),
    audit.EXPIRED: _("Retention period over"),
}


class PersonalDataView(BrowserView):
    email = ""
    error = None
    found = None
    confirming = False

    def __call__(self):
        for name, value in PRIVATE_HEADERS.items():
            self.request.response.setHeader(name, value)
        form = self.request.form
        action = next((name for name in (SEARCH, EXPORT, CONFIRM, ERASE) if name in form), None)
        if self.request.method != "POST" or action is None:
            return self.index()
        CheckAuthenticator(self.request)
        raw = form.get("email")
        try:
            self.email = personal_data.checked_email(raw)
        except ValidationError as error:
            self.email = raw if isinstance(raw, str) else ""
            self.error = translate(error.__doc__, context=self.request)
            self.request.response.setStatus(400)
            return self._page()
        if action == ERASE:
            return self._erase()
        self.found = personal_data.find(self.email)
        if action == EXPORT:
            return self._export()
        self.confirming = action == CONFIRM and not self.found.empty
        return self._page()

    def _page(self):
        # Not before an erasure: plone.protect reads the form's token once the view is done.
        forget_posted(self.request)
        return self.index()

    def _export(self):
        data = personal_data.as_data(self.email, self.found)
        response = self.request.response
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        response.setHeader("Content-Disposition", 'attachment; filename="personal-data.json"')
        return json.dumps(data, ensure_ascii=False, indent=2)

    def _erase(self):
        loans, registrations, mails = personal_data.erase(self.email)
        message = _(
            "Erased: ${loans} loan requests, ${registrations} registrations and "
            "${mails} queued mails.",
            mapping={"loans": loans, "registrations": registrations, "mails": mails},
        )
        api.portal.show_message(message, request=self.request)
        self.request.response.redirect(self.url, 303)
        return ""

    @property
    def url(self):
        return f"{self.context.absolute_url()}/@@personal-data"

    @property
    def language(self):
        return api.portal.get_current_language(context=self.context)[:2]

    def _state_titles(self):
        workflow = handling.loan_workflow()
        return {
            state.id: translate(state.title, domain="plone", context=self.request)
            for state in workflow.states.values()
        }

    def loans(self):
        titles = self._state_titles()
        rows = []
        for loan in self.found.loans:
            mentor = assigned_mentor(loan)
            state = api.content.get_state(loan)
            rows.append(
                {
                    "title": loan.Title(),
                    "url": loan.absolute_url(),
                    "state": titles.get(state, state),
                    "created": times.moment(loan.created(), self.language),
                    "modified": times.moment(loan.modified(), self.language),
                    "mentor": mentor.Title() if mentor is not None else "",
                    "organisation": loan.organisation or "",
                    "municipality": loan.municipality or "",
                }
            )
        return rows

    def registrations(self):
        rows = []
        for training, record in self.found.registrations:
            page = store.version_in(training, self.language)
            rows.append(
                {
                    "training": page.Title(),
                    "url": f"{page.absolute_url()}/@@registrations",
                    "state": translate(REGISTRATION_STATES[record["state"]], context=self.request),
                    "created": times.moment(record["created"], self.language)
                    if record.get("created")
                    else "",
                    "name": record["name"],
                    "unit": record["unit"],
                }
            )
        return rows

    def mails(self):
        return [{"subject": mail.subject, "date": mail.date} for mail in self.found.mails]

    def audit_entries(self):
        return [
            {
                **entry,
                "when": times.moment(datetime.datetime.fromisoformat(entry["time"]), self.language),
                "reason": translate(REASONS.get(entry["reason"], ""), context=self.request),
            }
            for entry in audit.entries()[:AUDIT_SHOWN]
        ]
