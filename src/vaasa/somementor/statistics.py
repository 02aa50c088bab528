"""The programme's figures for a period: what the funder is told, and the tables behind it.

One function, ``figures(period)``, feeds the statistics page and the
``@somementor-statistics`` endpoint. It reads catalog brains only.

- A period is two dates, both included, in the site's zone (Vaasa).
- A training or event belongs to the period of the day it starts, and counts when it
  was held (``completed``), once for all its language versions (TranslationGroup).
  Other kinds (a mentor ring meeting) are neither for the funder.
- A loan request counts in a step (requested, approved, ...) on the first day it
  reached that state (``loan_steps`` metadata), so a figure once reported does not
  move when the request moves on. Hours, ratings and the rows by municipality and by
  mentor are those of the loans *completed* in the period, when the work was done.
- A mentor is one person across language versions; mentors by cohort and active
  mentors are counted as they are now, not as they were in the period.

The search is unrestricted: whoever may see the figures (``View statistics``) sees
the whole programme's, whichever language root they ask at.
"""

from collections import Counter
from collections import defaultdict
from DateTime import DateTime
from plone import api
from vaasa.somementor import _
from vaasa.somementor import zone
from vaasa.somementor.vocabularies import fixed

import datetime


# The two kinds the funder asks about; anything else is no training and no event.
TRAINING = "training"
EVENT = "event"
# The steps of a request counted for a period, in the workflow's order.
LOAN_STEPS = ("submitted", "approved", "scheduled", "completed", "rejected", "cancelled")
# The funded period of the seed's report: autumn 2012 to spring 2013.
FUNDED_PERIOD = (datetime.date(2012, 8, 1), datetime.date(2013, 6, 30))


class BadPeriod(ValueError):
    """The period cannot be read, or ends before it starts; ``message`` says which."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def period(start, end):
    """``(start, end)`` dates from two ``YYYY-MM-DD`` texts, or BadPeriod."""
    try:
        first = datetime.date.fromisoformat((start or "").strip())
        last = datetime.date.fromisoformat((end or "").strip())
    except (TypeError, ValueError, AttributeError):
        raise BadPeriod(
            _("Give the start and the end of the period as dates (YYYY-MM-DD).")
        ) from None
    if last < first:
        raise BadPeriod(_("The period must end on or after the day it starts."))
    return first, last


def months(first, last):
    """Every month the period touches, as ``YYYY-MM``, in order."""
    year, month = first.year, first.month
    result = []
    while (year, month) <= (last.year, last.month):
        result.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def _bounds(first, last):
    """The first and last moment of the period in the site's zone, as Zope DateTimes."""
    tz = zone.site_zone()
    begin = tz.localize(datetime.datetime.combine(first, datetime.time.min))
    finish = tz.localize(datetime.datetime.combine(last, datetime.time.max))
    return DateTime(begin), DateTime(finish)


def local_day(moment):
    """The day of ``moment`` in Vaasa; brains hold Zope DateTimes or (``start``) datetimes."""
    if isinstance(moment, DateTime):
        moment = moment.asdatetime()
    return zone.local(moment).date()


def _search(**query):
    return api.portal.get_tool("portal_catalog").unrestrictedSearchResults(**query)


def number(value):
    # A brain catalogued before a column existed holds Missing.Value.
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _person(brain):
    """The key that is one for every language version of the same item."""
    return getattr(brain, "TranslationGroup", None) or brain.UID


def _one_per_group(brains, language=None):
    """One brain per translation group, the one in ``language`` when there is one."""
    chosen = {}
    for brain in brains:
        key = _person(brain)
        if key not in chosen or (language and brain.Language == language):
            chosen[key] = brain
    return list(chosen.values())


def _zero():
    return {"count": 0, "participants": 0}


def _tally(keys):
    # Every known value shows, with a nought if nothing matched it.
    return {key: _zero() for key in keys}


def _add(row, participants):
    row["count"] += 1
    row["participants"] += participants


def _held(kind, first, last, language):
    """Completed trainings of ``kind`` that started in the period, with their breakdowns."""
    begin, finish = _bounds(first, last)
    brains = _one_per_group(
        _search(
            portal_type="Training",
            training_kind=kind,
            review_state="completed",
            start={"query": (begin, finish), "range": "min:max"},
            sort_on="start",
        ),
        language,
    )
    total = _zero()
    groups = _tally(term.value for term in fixed.language_groups())
    formats = _tally(term.value for term in fixed.training_formats())
    by_month = _tally(months(first, last))
    items = []
    for brain in sorted(brains, key=lambda brain: brain.start):
        participants = number(brain.training_participants) or 0
        day = local_day(brain.start)
        _add(total, participants)
        _add(groups.setdefault(brain.training_language_group, _zero()), participants)
        _add(formats.setdefault(brain.training_format, _zero()), participants)
        _add(by_month.setdefault(day.strftime("%Y-%m"), _zero()), participants)
        items.append(
            {
                "uid": brain.UID,
                "url": brain.getURL(),
                "title": brain.Title,
                "date": day.isoformat(),
                "language_group": brain.training_language_group,
                "format": brain.training_format,
                "participants": participants,
            }
        )
    return {
        **total,
        "by_language_group": groups,
        "by_format": formats,
        "by_month": by_month,
        "items": items,
    }


def _mentors(language):
    """Every mentor person: ``{profile UID: person}`` and ``{person: brain to show}``."""
    brains = list(_search(portal_type="Mentor"))
    people = {brain.UID: _person(brain) for brain in brains}
    shown = {_person(brain): brain for brain in _one_per_group(brains, language)}
    return people, shown


def _loan_steps(brain):
    steps = getattr(brain, "loan_steps", None)
    if isinstance(steps, dict):
        return steps
    # Catalogued before the column existed: at least the day it was asked for.
    return {"submitted": local_day(brain.created).isoformat()}


def loans_in(first, last):
    """``(brain, {step: day})`` of every request with a step in the period, oldest first."""
    begin, finish = first.isoformat(), last.isoformat()
    # Nothing happens to a request before it exists, so later ones can be left out.
    brains = _search(
        portal_type="LoanRequest",
        created={"query": _bounds(first, last)[1], "range": "max"},
        sort_on="created",
    )
    for brain in brains:
        days = _loan_steps(brain)
        if any(begin <= day <= finish for day in days.values()):
            yield brain, days


def held_in(first, last, language=None):
    """Brains of the trainings and events held in the period, one per translation group."""
    begin, finish = _bounds(first, last)
    brains = _search(
        portal_type="Training",
        training_kind=(TRAINING, EVENT),
        review_state="completed",
        start={"query": (begin, finish), "range": "min:max"},
    )
    return sorted(_one_per_group(brains, language), key=lambda brain: brain.start)


def _loans(first, last, people, shown):
    begin, finish = first.isoformat(), last.isoformat()
    brains = loans_in(first, last)
    steps = Counter()
    places = defaultdict(lambda: {"requested": 0, "completed": 0, "hours": 0.0})
    mentors = defaultdict(lambda: {"requested": 0, "completed": 0, "hours": 0.0})
    hours, ratings = 0.0, []
    for brain, days in brains:
        within = {step for step, day in days.items() if begin <= day <= finish}
        steps.update(within & set(LOAN_STEPS))
        place = getattr(brain, "loan_municipality", None)
        place = place.strip() if isinstance(place, str) else ""
        person = people.get(brain.loan_mentor_uid) if brain.loan_mentor_uid else None
        rows = [places[place]] + ([mentors[person]] if person else [])
        if "submitted" in within:
            for row in rows:
                row["requested"] += 1
        if "completed" in within:
            spent = number(brain.loan_hours) or 0.0
            hours += spent
            for row in rows:
                row["completed"] += 1
                row["hours"] += spent
            rating = number(brain.loan_rating)
            if rating is not None:
                ratings.append(rating)
    return {
        "requested": steps["submitted"],
        **{step: steps[step] for step in LOAN_STEPS[1:]},
        "hours": hours,
        "ratings": len(ratings),
        "average_rating": round(sum(ratings) / len(ratings), 2) if ratings else None,
        "by_municipality": [
            {"municipality": place, **row}
            for place, row in sorted(places.items(), key=lambda item: item[0].lower())
        ],
        "by_mentor": [
            {
                "mentor": shown[person].UID if person in shown else None,
                "title": shown[person].Title if person in shown else "",
                **row,
            }
            for person, row in sorted(
                mentors.items(),
                key=lambda item: shown[item[0]].Title.lower() if item[0] in shown else "",
            )
        ],
    }


def _ring(shown, lending):
    cohorts = Counter()
    active = 0
    for brain in shown.values():
        cohort = number(getattr(brain, "mentor_cohort", None))
        cohorts[str(cohort) if cohort is not None else ""] += 1
        # As loans.rules.taking_loans: the profile says so and the mentor is not retired.
        if brain.mentor_active is True and brain.review_state != "retired":
            active += 1
    return {
        "total": len(shown),
        "active": active,
        "lending": lending,
        "by_cohort": dict(sorted(cohorts.items())),
    }


def figures(first, last, language=None):
    """Every figure of the period ``first``–``last`` (dates, both included).

    ``language`` chooses which language version names a training or a mentor in the
    rows; the counts are the same in every language.
    """
    trainings = _held(TRAINING, first, last, language)
    events = _held(EVENT, first, last, language)
    people, shown = _mentors(language)
    loans = _loans(first, last, people, shown)
    lending = sum(1 for row in loans["by_mentor"] if row["completed"])
    return {
        "period": {"start": first.isoformat(), "end": last.isoformat()},
        "funder": {
            "training_events": trainings["count"],
            "training_participants": trainings["participants"],
            "events": events["count"],
            "event_participants": events["participants"],
        },
        "trainings": trainings,
        "events": events,
        "loans": loans,
        "mentors": _ring(shown, lending),
    }
