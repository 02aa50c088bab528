"""The coordinators' queue: every loan request of the site, whichever desk it came to.

Requests wait at the desk of their language, but one coordinator handles them
all, so the queue searches the whole site. Rows, counts and filters are
catalog queries and brain metadata; no request is loaded to list it.
"""

from BTrees.IIBTree import intersection
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.base.utils import munge_search_term
from Products.ZCTextIndex.ParseTree import ParseError
from vaasa.somementor import record_ids
from vaasa.somementor import zone
from vaasa.somementor.loans import bookings
from vaasa.somementor.settings import setting

import collections
import contextlib
import re


STATES = ("submitted", "approved", "scheduled", "completed", "rejected", "cancelled")
# Still waiting for a coordinator: the age mark is for these.
WAITING_STATES = ("submitted",)
# Sort key as the page names it -> catalog index; the first is the default.
SORTS = {
    "age": "created",
    "requester": "sortable_title",
    "municipality": "loan_municipality",
    "dates": "loan_month",
    "language": "loan_language",
    "state": "review_state",
}
PAGE_SIZE = 15
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_UID = re.compile(r"^[0-9a-f]{32}$")
# A translation group or a profile UID: letters, digits and dashes, never a path or a query.
_KEY = re.compile(r"^[0-9A-Za-z-]{1,64}$")
# Longer than any name: a pasted essay is cut, not searched word by word.
NAME_LENGTH = 100


def valid_month(value):
    return value if isinstance(value, str) and _MONTH.match(value) else None


class Person:
    """One mentor in every language: their profiles' UIDs and a name to show."""

    def __init__(self, key, brains):
        self.key = key
        self.brains = brains
        self.uids = tuple(brain.UID for brain in brains)
        self.title = brains[0].Title
        self.department = brains[0].mentor_department
        # Language independent: every profile of the person holds the same.
        # Read softly: a site not yet upgraded to 1005 has no such column, and gets the default.
        self.maximum = bookings.maximum_of(getattr(brains[0], "mentor_max_loans_per_month", None))

    @property
    def taking(self):
        """Whether any profile still takes new loans."""
        return any(brain.mentor_active and brain.review_state != "retired" for brain in self.brains)

    def profile_for(self, language):
        """The UID of the profile in ``language``, else of the first one."""
        for brain in self.brains:
            if brain.Language == language:
                return brain.UID
        return self.uids[0]


def people(language=None):
    """Every mentor as one person, named as in ``language`` where a profile exists."""
    catalog = api.portal.get_tool("portal_catalog")
    # Unrestricted: a loan may name a retired mentor, who still has to be shown by name.
    brains = catalog.unrestrictedSearchResults(portal_type="Mentor", sort_on="sortable_title")
    return _as_persons(brains, language)


def named(uids, language=None):
    """The persons of these mentor profiles, each with every language version.

    Two catalog queries however many mentors the site has: a page asks only for
    the people its rows name.
    """
    uids = sorted({uid for uid in uids if uid})
    if not uids:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    own = catalog.unrestrictedSearchResults(portal_type="Mentor", UID=uids)
    groups = sorted({brain.TranslationGroup for brain in own if brain.TranslationGroup})
    others = (
        catalog.unrestrictedSearchResults(portal_type="Mentor", TranslationGroup=groups)
        if groups
        else ()
    )
    found = {brain.UID: brain for brain in (*own, *others)}
    return _as_persons(found.values(), language)


def _as_persons(brains, language):
    groups = {}
    for brain in brains:
        groups.setdefault(brain.TranslationGroup or brain.UID, []).append(brain)
    found = []
    for key, members in groups.items():
        members.sort(key=lambda brain: brain.Language != language)
        found.append(Person(key, members))
    return sorted(found, key=lambda person: person.title.lower())


def by_profile(persons):
    """The person of each mentor profile UID."""
    return {uid: person for person in persons for uid in person.uids}


def person(key, language=None):
    """The mentor a link names by key (translation group) or profile UID; else None."""
    if not isinstance(key, str) or not _KEY.match(key):
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Mentor", TranslationGroup=key)
    # A profile's UID stands for the whole person, in every language.
    found = _as_persons(brains, language) if brains else named([key], language)
    return found[0] if found else None


def _mentor_uids(mentor=None, department=None, name=None):
    """The mentor profiles the filters leave, looked up only for the filters that are set."""
    catalog = api.portal.get_tool("portal_catalog")
    mentors = {"portal_type": "Mentor"}
    if mentor is not None:
        chosen = person(mentor)
        if chosen is None:
            return []
        mentors["UID"] = list(chosen.uids)
    if department is not None:
        mentors["mentor_department"] = department
    if name is not None:
        terms = munge_search_term(name[:NAME_LENGTH])
        if not terms:
            return []
        mentors["Title"] = terms
    try:
        # Unrestricted: a loan may name a retired mentor, whose requests are still found.
        brains = catalog.unrestrictedSearchResults(**mentors)
    except ParseError:
        return []
    return [brain.UID for brain in brains]


def query(
    state=None, mentor=None, department=None, name=None, language=None, month=None, loan=None
):
    """The catalog query of the queue; the filters left None are not applied.

    ``mentor`` is a person's key, ``name`` words of a mentor's name.
    """
    found = {"portal_type": "LoanRequest"}
    if state in STATES:
        found["review_state"] = state
    if mentor is not None or department is not None or name is not None:
        # No match is no match, not "any mentor": a query for [] would ignore the index.
        found["loan_mentor_uid"] = _mentor_uids(mentor, department, name) or ["-"]
    if language:
        found["loan_language"] = language
    if valid_month(month):
        found["loan_month"] = month
    if isinstance(loan, str) and _UID.match(loan):
        found["UID"] = loan
    return found


def queue(sort="age", reverse=False, b_start=0, b_size=None, total=None, **filters):
    """The requests the current user may see, over every language's desk.

    By age the oldest comes first: the request that has waited longest is handled first.
    With ``b_size``, an ascending page in the first half of the ``total``
    requests is sorted alone and made into brains, as in
    ``directory.find_mentors``; the result still says the full length. Other
    pages sort every request. ZCatalog's sort of one batch keeps, among equal
    keys (``created`` keeps minutes: requests of one minute tie), the lowest
    record ids: ascending that is the full sort's order, but descending, or
    from the middle on (where ZCatalog sorts from the other end), one request
    would show on two pages and another on none.
    """
    index = SORTS.get(sort, SORTS["age"])
    catalog = api.portal.get_tool("portal_catalog")
    early = b_size and not reverse and total is not None and b_start <= total / 2
    batch = {"b_start": b_start, "b_size": b_size} if early else {}
    return catalog.searchResults(
        sort_on=index,
        sort_order="descending" if reverse else "ascending",
        **batch,
        **query(**filters),
    )


def counts(**filters):
    """How many requests each state tab holds under the other filters, and "all"."""
    catalog = api.portal.get_tool("portal_catalog")
    filters.pop("state", None)
    # The mentors are looked up once, not once per tab.
    mentor_filters = {key: filters.pop(key, None) for key in ("mentor", "department", "name")}
    if any(value is not None for value in mentor_filters.values()):
        uids = _mentor_uids(**mentor_filters) or ["-"]
    else:
        uids = None
    everything = query(**filters)
    if uids is not None:
        everything["loan_mentor_uid"] = uids
    # One search; each tab is its ids intersected with the state's row of the index.
    found = record_ids.found(catalog, everything)
    index = catalog._catalog.getIndex("review_state")
    tabs = {
        state: len(intersection(found, record_ids.row(index, state))) if found else 0
        for state in STATES
    }
    tabs["all"] = sum(tabs.values())
    return tabs


def waited_too_long(brain, today=None):
    """Days since the request came, and whether that is longer than the setting allows."""
    today = today or zone.today()
    days = (today - brain.created.asdatetime().date()).days
    return days, brain.review_state in WAITING_STATES and days > setting("waiting_days")


class Capacity:
    """ "2 of 3" for a person and a month, counted as the approval rule counts.

    One catalog query for the people and months the page names (told beforehand
    with ``expect``): the loans of everyone else are never read, so a page costs
    the same with 10 mentors and 100 requests a month as with 5,000 and
    thousands. No mentor and no request is loaded.
    """

    def __init__(self):
        self._uids = set()
        self._months = set()
        self._booked = collections.Counter()  # (month, mentor profile UID) -> loans
        self._counted = set()  # the (month, UID) pairs already in _booked

    def expect(self, uids=(), months=()):
        """These profiles and months will be asked about: count them in the first query."""
        self._uids.update(uid for uid in uids if uid)
        self._months.update(month for month in months if month)

    def _count(self, months, uids):
        pairs = {(month, uid) for month in months for uid in uids} - self._counted
        catalog = api.portal.get_tool("portal_catalog")
        # Unrestricted: the approval rule counts loans the reader cannot open too.
        brains = catalog.unrestrictedSearchResults(
            portal_type="LoanRequest",
            review_state=bookings.BOOKED_STATES,
            loan_month=sorted(months),
            loan_mentor_uid=sorted(uids),
        )
        # Only pairs not counted before: a later query may find loans counted already.
        self._booked.update(
            pair for pair in ((b.loan_month, b.loan_mentor_uid) for b in brains) if pair in pairs
        )
        self._counted.update(pairs)

    def __call__(self, person, month):
        if any((month, uid) not in self._counted for uid in person.uids):
            self._count(self._months | {month}, self._uids | set(person.uids))
        return sum(self._booked[month, uid] for uid in person.uids), person.maximum


def desk_url(loan, language=None):
    """Where a coordinator handles ``loan``: the desk in their language, on that one row."""
    desk = loan.__parent__
    if language:
        # A desk that is not translatable stays the one the request came to.
        with contextlib.suppress(TypeError):
            desk = ITranslationManager(desk).get_translation(language) or desk
    return f"{desk.absolute_url()}?loan={loan.UID()}#loan-{loan.UID()}"
