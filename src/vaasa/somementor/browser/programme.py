"""The programme's pages: the list (upcoming and past), the month calendar, the iCal feed.

All three ask ``vaasa.somementor.programme`` for brains and build their rows from
catalog metadata, so no Training object is loaded for a listing. Filters travel in
the URL of a GET form, so every view works without JavaScript and can be linked.
"""

from plone.base.i18nl10n import monthname_msgid
from plone.base.i18nl10n import ulocalized_time
from plone.base.i18nl10n import weekdayname_msgid
from plone.base.i18nl10n import weekdayname_msgid_abbr
from plone.batching import Batch
from urllib.parse import urlencode
from vaasa.somementor import programme
from vaasa.somementor.browser.filters import FilteredListing
from vaasa.somementor.zone import local
from vaasa.somementor.zone import today
from zope.i18n import translate

import calendar
import datetime


_PLONELOCALES = "plonelocales"


class _Programme(FilteredListing):
    """What the list and the calendar share: the filters and the rows."""

    # Request key (as programme.find_trainings takes it) -> vocabulary, in the form's order.
    filters = (
        ("kind", "vaasa.somementor.TrainingKinds"),
        ("language_group", "vaasa.somementor.LanguageGroups"),
        ("format", "vaasa.somementor.TrainingFormats"),
    )

    def _read_filters(self):
        self.read_filters()
        self._weekdays = {}
        self._formatted = {}

    @property
    def filtered(self):
        return any(value is not None for value in self.chosen.values())

    def options(self, name):
        return [
            {
                "value": term.token,
                "label": self._titles[name][term.value],
                "selected": term.value == self.chosen[name],
            }
            for term in self._vocabularies[name]
            if name != "kind" or term.value in programme.KINDS
        ]

    def url(self, view="", **params):
        """A link to ``view`` of the programme with the chosen filters and ``params``."""
        query = {name: value for name, value in self.chosen.items() if value is not None}
        query.update(params)
        query = {name: value for name, value in query.items() if value is not None}
        base = self.context.absolute_url() + (f"/@@{view}" if view else "")
        return f"{base}?{urlencode(query)}" if query else base

    def _chosen(self, name):
        value = super()._chosen(name)
        # Ring meetings are the ring's: the public programme does not list them.
        if name == "kind" and value not in programme.KINDS:
            return None
        return value

    def _query(self):
        return {name: value for name, value in self.chosen.items() if value is not None}

    # Rows

    def row(self, brain, over=False):
        start, end = local(brain.start), local(brain.end)
        seats = None if over else programme.free_seats(brain)
        participants = brain.training_participants if over else None
        return {
            "url": brain.getURL(),
            "title": brain.Title,
            "description": brain.Description,
            "location": brain.location or "",
            "day": self.day(start),
            "hours": self._hours(start, end),
            "start_time": self.time(start),
            "start_iso": start.isoformat(),
            "end_iso": end.isoformat(),
            "kind": self._titles["kind"].get(brain.training_kind, brain.training_kind),
            "format": self._titles["format"].get(brain.training_format, brain.training_format),
            "language_group": self._titles["language_group"].get(
                brain.training_language_group, brain.training_language_group
            ),
            "cancelled": brain.review_state == "cancelled",
            "seats": seats,
            "full": seats == 0,
            "participants": participants if isinstance(participants, int) else None,
        }

    def day(self, moment):
        """'ke 10.02.2027': the weekday and plonelocales' short date (10.02.2027 in fi, sv)."""
        return f"{self._weekday(moment)} {self._format(moment)}"

    def time(self, moment):
        """'13.00' in fi and sv: plonelocales' time format, as plone.app.event's pages use."""
        return self._format(moment, time_only=True)

    def _hours(self, start, end):
        if start.date() == end.date():
            return f"{self.time(start)}–{self.time(end)}"
        return f"{self.time(start)} – {self.day(end)} {self.time(end)}"

    def _format(self, moment, **options):
        # Vaasa's wall time, naive: DateTime.strftime would turn an aware time into the
        # server's zone (UTC on most servers), and 13.00 would read 11.00.
        if isinstance(moment, datetime.datetime):
            moment = local(moment).replace(tzinfo=None)
        else:
            moment = datetime.datetime.combine(moment, datetime.time(12))
        if options.get("time_only"):
            # "13.00" says nothing of the day: one formatting per time of day on the page.
            moment = datetime.datetime.combine(datetime.date(2000, 1, 1), moment.time())
        elif not options.get("long_format"):
            # "10.02.2027" says nothing of the hour: one formatting per day.
            moment = datetime.datetime.combine(moment.date(), datetime.time(12))
        key = (moment, tuple(sorted(options.items())))
        if key not in self._formatted:
            # ulocalized_time translates its format on every call: a fifth of the page.
            self._formatted[key] = ulocalized_time(
                moment, context=self.context, request=self.request, **options
            )
        return self._formatted[key]

    def _weekday(self, moment):
        # plonelocales counts from Sunday = 0, Python from Monday = 0.
        number = (moment.weekday() + 1) % 7
        if number not in self._weekdays:
            self._weekdays[number] = self._plonelocales(weekdayname_msgid_abbr(number))
        return self._weekdays[number]

    def _plonelocales(self, msgid):
        return translate(msgid, domain=_PLONELOCALES, context=self.request)


class ProgrammeView(_Programme):
    """The programme's default view: upcoming and past trainings, filtered and batched."""

    page_size = 20

    def __call__(self):
        self._read_filters()
        self.mode = programme.PAST if self._form_text("mode") == "past" else programme.UPCOMING
        self.month = programme.parse_month(self._form_text("month"))
        self.month_text = self._form_text("month") if self.month else ""
        results = programme.find_trainings(
            self.context, when=self.mode, month=self.month, **self._query()
        )
        self.batch = Batch(results, self.page_size, start=self._b_start())
        return self.index()

    @property
    def past(self):
        return self.mode == programme.PAST

    @property
    def total(self):
        return self.batch.sequence_length

    def trainings(self):
        return [self.row(brain, over=self.past) for brain in self.batch]

    def tab_url(self, mode):
        return self.url(
            mode=mode if mode == programme.PAST else None, month=self.month_text or None
        )

    def clear_url(self):
        base = self.context.absolute_url()
        return f"{base}?mode=past" if self.past else base

    def calendar_url(self):
        first = self.month or today().replace(day=1)
        return self.url("programme-calendar", month=first.strftime("%Y-%m"))

    def feed_url(self):
        return f"{self.context.absolute_url()}/@@programme.ics"


class ProgrammeCalendarView(_Programme):
    """One month of the programme as a table of weeks, Monday to Sunday."""

    def __call__(self):
        self._read_filters()
        self.first = programme.parse_month(self._form_text("month")) or today().replace(day=1)
        self._by_day = {}
        now = datetime.datetime.now(datetime.UTC)
        for brain in programme.month_trainings(self.context, self.first, **self._query()):
            row = self.row(brain, over=programme.is_over(brain, now))
            self._by_day.setdefault(local(brain.start).date(), []).append(row)
        return self.index()

    @property
    def title(self):
        """'helmikuu 2027' in fi, 'februari 2027' in sv."""
        return f"{self._plonelocales(monthname_msgid(self.first.month))} {self.first.year}"

    @property
    def count(self):
        return sum(len(rows) for rows in self._by_day.values())

    def weekdays(self):
        """Monday first, as the week runs in Finland: (short, full) names."""
        return [
            {
                "short": self._plonelocales(weekdayname_msgid_abbr(number)),
                "full": self._plonelocales(weekdayname_msgid(number)),
            }
            for number in (1, 2, 3, 4, 5, 6, 0)
        ]

    def weeks(self):
        this_month = self.first.month
        return [
            [
                {
                    "number": day.day,
                    "iso": day.isoformat(),
                    "in_month": day.month == this_month,
                    "today": day == today(),
                    "label": self.day(day),
                    "trainings": self._by_day.get(day, []) if day.month == this_month else [],
                }
                for day in week
            ]
            for week in calendar.Calendar(firstweekday=0).monthdatescalendar(
                self.first.year, this_month
            )
        ]

    def month_url(self, first):
        return self.url("programme-calendar", month=first.strftime("%Y-%m"))

    def previous_url(self):
        return self.month_url(programme.previous_month(self.first))

    def next_url(self):
        return self.month_url(programme.next_month(self.first))

    def previous_title(self):
        first = programme.previous_month(self.first)
        return f"{self._plonelocales(monthname_msgid(first.month))} {first.year}"

    def next_title(self):
        first = programme.next_month(self.first)
        return f"{self._plonelocales(monthname_msgid(first.month))} {first.year}"

    def list_url(self):
        return self.url(month=self.first.strftime("%Y-%m"))
