"""@@somementor-export: the loan requests or the trainings of a period, as CSV or XLSX.

Rows are written to the response as they are made, so an export of tens of
thousands of requests never sits whole in memory: CSV in chunks, XLSX through
openpyxl's write-only workbook in a temporary file. Every field of a request is
wanted, so each request is loaded, and the ZODB cache is trimmed as it goes.
"""

from openpyxl import Workbook
from plone import api
from Products.Five.browser import BrowserView
from vaasa.somementor import _
from vaasa.somementor import statistics
from vaasa.somementor.content.loan_readers import wished_dates
from vaasa.somementor.content.loan_request import assigned_mentor
from vaasa.somementor.content.loan_request import ILoanRequest
from vaasa.somementor.vocabularies import fixed
from zope.i18n import translate
from zope.schema import getFieldsInOrder

import csv
import datetime
import io
import tempfile


CHUNK = 500  # rows per write to the response, and per trim of the object cache
# A spreadsheet runs a cell that starts like this as a formula (CSV injection).
FORMULA = ("=", "+", "-", "@", "\t", "\r")
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# Read by the mentor, never by the export: the relation is written as the mentor's name.
SKIPPED = ("consent",)


def safe(value):
    """A text cell that a spreadsheet shows as text, never runs."""
    if isinstance(value, str) and value.startswith(FORMULA):
        return "'" + value
    return value


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(item) for item in value)
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return str(value)


class ExportView(BrowserView):
    """``?what=loans|trainings&format=csv|xlsx&start=…&end=…``, for coordinators."""

    def __call__(self):
        form = self.request.form
        what, kind = form.get("what"), form.get("format")
        try:
            first, last = statistics.period(form.get("start"), form.get("end"))
        except statistics.BadPeriod as bad:
            return self._refuse(bad.message)
        if what not in ("loans", "trainings") or kind not in FORMATS:
            return self._refuse(_("Choose what to export and the file format."))
        rows = self._loans(first, last) if what == "loans" else self._trainings(first, last)
        name = f"somementor-{what}-{first.isoformat()}-{last.isoformat()}.{kind}"
        response = self.request.response
        response.setHeader("Content-Type", FORMATS[kind])
        response.setHeader("Content-Disposition", f'attachment; filename="{name}"')
        response.setHeader("Cache-Control", "private, no-store")
        if kind == "csv":
            self._csv(rows)
        else:
            self._xlsx(rows)
        return ""

    def _refuse(self, message):
        self.request.response.setStatus(400)
        self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return translate(message, context=self.request)

    def t(self, message, domain=None):
        return translate(message, domain=domain, context=self.request)

    # Rows: the first is the heading.

    def _loans(self, first, last):
        fields = [
            (name, field) for name, field in getFieldsInOrder(ILoanRequest) if name not in SKIPPED
        ]
        states = {
            state.getId(): state.title
            for state in api.portal.get_tool(
                "portal_workflow"
            ).somementor_loan_workflow.states.objectValues()
        }
        steps = statistics.LOAN_STEPS
        yield (
            [self.t(_("Address")), self.t(_("State"))]
            + [self.t(field.title) for _name, field in fields]
            + [
                self.t(
                    _("Date: ${step}", mapping={"step": self.t(states.get(step, step), "plone")})
                )
                for step in steps
            ]
        )
        for count, (brain, days) in enumerate(statistics.loans_in(first, last), 1):
            loan = brain._unrestrictedGetObject()
            values = []
            for name, _field in fields:
                if name == "mentor":
                    mentor = assigned_mentor(loan)
                    values.append(mentor.title if mentor is not None else "")
                elif name == "preferred_dates":
                    values.append("; ".join(f"{start}–{end}" for start, end in wished_dates(loan)))
                else:
                    values.append(_cell(getattr(loan, name, None)))
            state = states.get(brain.review_state, brain.review_state)
            yield (
                [brain.getURL(), self.t(state, "plone")]
                + values
                + [days.get(step, "") for step in steps]
            )
            if count % CHUNK == 0:
                loan._p_jar.cacheGC()

    def _trainings(self, first, last):
        kinds = {term.value: term.title for term in fixed.training_kinds()}
        groups = {term.value: term.title for term in fixed.language_groups()}
        formats = {term.value: term.title for term in fixed.training_formats()}
        yield [
            self.t(_("Address")),
            self.t(_("Date")),
            self.t(_("Title")),
            self.t(_("Type")),
            self.t(_("Language group")),
            self.t(_("Format")),
            self.t(_("Participants")),
        ]
        for brain in statistics.held_in(first, last, self.context.Language() or None):
            yield [
                brain.getURL(),
                statistics.local_day(brain.start).isoformat(),
                brain.Title,
                self.t(kinds.get(brain.training_kind, brain.training_kind)),
                self.t(groups.get(brain.training_language_group, "")),
                self.t(formats.get(brain.training_format, "")),
                statistics.number(brain.training_participants) or 0,
            ]

    # Writers: what has been made goes out before the next rows are made.

    def _csv(self, rows):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        response = self.request.response
        # A byte order mark, so a spreadsheet opens UTF-8 text with its ä and ö.
        response.write("\ufeff".encode())
        for count, row in enumerate(rows, 1):
            writer.writerow([safe(value) for value in row])
            if count % CHUNK == 0:
                response.write(buffer.getvalue().encode())
                buffer.seek(0)
                buffer.truncate()
        response.write(buffer.getvalue().encode())

    def _xlsx(self, rows):
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        for row in rows:
            sheet.append([safe(value) for value in row])
        response = self.request.response
        with tempfile.TemporaryFile() as file:
            workbook.save(file)
            response.setHeader("Content-Length", str(file.tell()))
            file.seek(0)
            while chunk := file.read(64 * 1024):
                response.write(chunk)
