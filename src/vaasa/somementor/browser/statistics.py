"""@@somementor-statistics: the funder's four figures of a period, then the tables and charts.

The figures come from ``vaasa.somementor.statistics``; this view only picks the
period from the address, names things in the page's language and draws the charts.
"""

from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from vaasa.somementor import _
from vaasa.somementor import statistics
from vaasa.somementor import zone
from vaasa.somementor.vocabularies import fixed
from zope.i18n import translate

import datetime
import pygal
import re


# The funder's words, as the report form has them (fi "koulutustilaisuudet", sv
# "utbildningstillfällen" ...): the page's catalogue gives them in its language.
FUNDER = (
    ("training_events", _("Training events")),
    ("training_participants", _("Training participants")),
    ("events", _("Events")),
    ("event_participants", _("Event participants")),
)

LOAN_STEPS = (
    ("requested", _("Requested")),
    ("approved", _("Approved")),
    ("scheduled", _("Scheduled")),
    ("completed", _("Completed")),
    ("rejected", _("Rejected")),
    ("cancelled", _("Withdrawn")),
)

# pygal still writes its settings in an inline script; the page needs none.
SCRIPT = re.compile(r"<script\b.*?</script>", re.S)


def _svg(chart, label):
    svg = SCRIPT.sub("", chart.render(is_unicode=True))
    # Named as an image; the table beside it holds the same figures as text.
    return svg.replace("<svg ", f'<svg role="img" aria-label="{_attribute(label)}" ', 1)


def _day(day):
    # As Finns and Finland-Swedes write a date; the page is for the programme's staff.
    return f"{day.day}.{day.month}.{day.year}"


def _attribute(text):
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


class StatisticsView(BrowserView):
    """For coordinators (``View statistics``), at the site or a language root."""

    error = None
    figures = None
    first = last = None

    def __call__(self):
        self.first, self.last = self._period()
        if self.error is None:
            self.figures = statistics.figures(self.first, self.last, self._language())
        else:
            self.request.response.setStatus(400)
        return self.index()

    def _language(self):
        return self.context.Language() or None

    def t(self, message):
        return translate(message, context=self.request)

    def _period(self):
        form = self.request.form
        if not form.get("start") and not form.get("end"):
            year = zone.today().year
            return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        try:
            return statistics.period(form.get("start"), form.get("end"))
        except statistics.BadPeriod as bad:
            self.error = self.t(bad.message)
            today = zone.today()
            return datetime.date(today.year, 1, 1), today

    def url(self, first, last):
        query = urlencode({"start": first.isoformat(), "end": last.isoformat()})
        return f"{self.context.absolute_url()}/@@somementor-statistics?{query}"

    def presets(self):
        year = zone.today().year
        choices = (
            (_("This year"), (datetime.date(year, 1, 1), datetime.date(year, 12, 31))),
            (_("Last year"), (datetime.date(year - 1, 1, 1), datetime.date(year - 1, 12, 31))),
            (_("The funded period 2012–2013"), statistics.FUNDED_PERIOD),
        )
        return [
            {
                "title": self.t(title),
                "period": period,
                "url": self.url(*period),
                "current": period == (self.first, self.last) and self.error is None,
            }
            for title, period in choices
        ]

    def period_text(self):
        return f"{_day(self.first)}–{_day(self.last)}"

    def funder(self):
        figures = self.figures["funder"]
        return [{"label": self.t(label), "value": figures[key]} for key, label in FUNDER]

    def _titles(self, vocabulary, key):
        terms = {term.value: term.title for term in vocabulary()}
        return self.t(terms[key]) if key in terms else key

    def breakdown(self, name, vocabulary=None):
        """Rows of trainings and events side by side, by language group, format or month."""
        trainings, events = self.figures["trainings"][name], self.figures["events"][name]
        rows = []
        for key in dict.fromkeys([*trainings, *events]):
            training = trainings.get(key, {"count": 0, "participants": 0})
            event = events.get(key, {"count": 0, "participants": 0})
            rows.append(
                {
                    "title": self._titles(vocabulary, key) if vocabulary else self._month(key),
                    "trainings": training["count"],
                    "training_participants": training["participants"],
                    "events": event["count"],
                    "event_participants": event["participants"],
                }
            )
        return rows

    def by_language_group(self):
        return self.breakdown("by_language_group", fixed.language_groups)

    def by_format(self):
        return self.breakdown("by_format", fixed.training_formats)

    def by_month(self):
        return self.breakdown("by_month")

    def tables(self):
        return (
            (self.t(_("By language group")), self.by_language_group()),
            (self.t(_("By format")), self.by_format()),
            (self.t(_("By month")), self.by_month()),
        )

    def _month(self, key):
        year, month = key.split("-")
        return f"{int(month)}/{year}"

    def held(self):
        kinds = {term.value: self.t(term.title) for term in fixed.training_kinds()}
        items = []
        for kind in ("trainings", "events"):
            for item in self.figures[kind]["items"]:
                day = datetime.date.fromisoformat(item["date"])
                items.append(
                    {
                        **item,
                        "kind": kinds[
                            statistics.TRAINING if kind == "trainings" else statistics.EVENT
                        ],
                        "day": _day(day),
                        "group": self._titles(fixed.language_groups, item["language_group"]),
                        "format_title": self._titles(fixed.training_formats, item["format"]),
                    }
                )
        return sorted(items, key=lambda item: item["date"])

    def loan_steps(self):
        loans = self.figures["loans"]
        return [{"label": self.t(label), "value": loans[key]} for key, label in LOAN_STEPS]

    def hours(self, value):
        return f"{value:.1f}".replace(".", "," if self._language() in ("fi", "sv") else ".")

    def rating(self):
        average = self.figures["loans"]["average_rating"]
        return self.hours(average) if average is not None else "–"

    def municipalities(self):
        unnamed = self.t(_("(not given)"))
        return [
            {**row, "municipality": row["municipality"] or unnamed}
            for row in self.figures["loans"]["by_municipality"]
        ]

    def cohorts(self):
        unnamed = self.t(_("(not given)"))
        return [
            {"cohort": cohort or unnamed, "count": count}
            for cohort, count in self.figures["mentors"]["by_cohort"].items()
        ]

    # Charts: drawn here, so the page needs no script and prints as it shows.

    def _chart(self, kind, title, **options):
        return kind(
            js=[],
            disable_xml_declaration=True,
            title=title,
            height=360,
            legend_at_bottom=True,
            print_values=False,
            **options,
        )

    def chart_months(self):
        title = self.t(_("Trainings and participants per month"))
        rows = self.by_month()
        chart = self._chart(pygal.Bar, title, x_labels=[row["title"] for row in rows])
        chart.add(self.t(_("Training events")), [row["trainings"] for row in rows])
        chart.add(
            self.t(_("Training participants")), [row["training_participants"] for row in rows]
        )
        return _svg(chart, title)

    def chart_loans(self):
        title = self.t(_("Loan requests by state"))
        steps = self.loan_steps()
        chart = self._chart(pygal.Bar, title, x_labels=[step["label"] for step in steps])
        chart.add(self.t(_("Loan requests")), [step["value"] for step in steps])
        return _svg(chart, title)

    def chart_hours(self):
        title = self.t(_("Mentoring hours by municipality"))
        rows = self.municipalities()
        chart = self._chart(
            pygal.HorizontalBar, title, x_labels=[row["municipality"] for row in rows]
        )
        chart.add(self.t(_("Hours")), [row["hours"] for row in rows])
        return _svg(chart, title)

    def exports(self):
        period = {"start": self.first.isoformat(), "end": self.last.isoformat()}
        base = f"{self.context.absolute_url()}/@@somementor-export"
        return [
            {
                "title": self.t(title),
                "links": [
                    {
                        "label": kind.upper(),
                        "url": f"{base}?{urlencode({'what': what, 'format': kind, **period})}",
                    }
                    for kind in ("csv", "xlsx")
                ],
            }
            for what, title in (
                ("loans", _("Loan requests of the period")),
                ("trainings", _("Trainings and events of the period")),
            )
        ]
