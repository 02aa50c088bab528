"""The coordinators' desk: one queue of every language's loan requests, handled row by row."""

from plone import api
from plone.batching import Batch
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from vaasa.somementor.browser.filters import drop_unencodable
from vaasa.somementor.browser.loan_actions import Rows
from vaasa.somementor.browser.terms import title_map
from vaasa.somementor.browser.terms import vocabulary
from vaasa.somementor.loans import desk


class LoanDeskView(BrowserView):
    """Tabs by state with counts, filters and sorting in the URL, 15 rows a page.

    Every cell comes from catalog metadata; the steps of a row come from its
    state and the coordinator's roles, worked out once per state.
    """

    page_size = desk.PAGE_SIZE
    # Request keys that make up the page; the tabs and the sort links keep them.
    keys = ("state", "mentor", "name", "department", "language", "month", "sort", "reverse", "loan")

    def __call__(self):
        drop_unencodable(self.request)
        self.rows = Rows(self.context, self.request, self.request.get("ACTUAL_URL", ""))
        # A link names one person by key (the capacity page's); a coordinator types a name.
        # Neither lists every mentor: the page costs the same with 10 mentors as with 5,000.
        self.person = desk.person(self._text("mentor"), self.rows.language)
        self.departments = vocabulary("vaasa.somementor.Departments", self.context)
        self.language_terms = vocabulary("vaasa.somementor.Languages", self.context)
        self.chosen = {
            "state": self._choice("state", desk.STATES),
            "mentor": self.person.key if self.person else None,
            "name": self._text("name")[: desk.NAME_LENGTH] or None,
            "department": self._choice("department", [term.value for term in self.departments]),
            "language": self._choice("language", [term.value for term in self.language_terms]),
            "month": desk.valid_month(self._text("month")),
            "loan": self._text("loan") or None,
        }
        self.sort = self._choice("sort", desk.SORTS) or "age"
        self.reverse = self._text("reverse") == "1"
        filters = {key: value for key, value in self.chosen.items() if value is not None}
        self.counts = desk.counts(**filters)
        start = self._b_start()
        results = desk.queue(
            sort=self.sort,
            reverse=self.reverse,
            b_start=start,
            b_size=self.page_size,
            total=self.counts[self.chosen["state"] or "all"],
            **filters,
        )
        self.batch = Batch(results, self.page_size, start=start)
        # Known now that the filters are: a row's links come back to this very page.
        self.rows.came_from = self.came_from
        return self.index()

    def _text(self, name):
        # ``?state=a&state=b`` arrives as a list: a hand-made URL, taken as no choice.
        value = self.request.form.get(name)
        return value.strip() if isinstance(value, str) else ""

    def _choice(self, name, allowed):
        value = self._text(name)
        return value if value and value in allowed else None

    def url(self, **changes):
        """This page with some keys changed (None drops one); back to the first page."""
        params = {key: self._param(key) for key in self.keys}
        params.update(changes)
        query = urlencode({key: value for key, value in params.items() if value})
        base = self.context.absolute_url()
        return f"{base}?{query}" if query else base

    def _param(self, key):
        if key == "sort":
            return self.sort if self.sort != "age" else None
        if key == "reverse":
            return "1" if self.reverse else None
        return self.chosen.get(key)

    @property
    def came_from(self):
        """Where a step sends the coordinator back: this very page, with its batch."""
        url = self.url()
        start = self._b_start()
        if start:
            url += ("&" if "?" in url else "?") + urlencode({"b_start:int": start})
        return url

    @property
    def personal_data_url(self):
        """The requesters' rights page, for those who may use it; else None."""
        if not api.user.has_permission("vaasa.somementor: Manage personal data", obj=self.context):
            return None
        root = api.portal.get_navigation_root(self.context)
        return f"{root.absolute_url()}/@@personal-data"

    def tabs(self):
        tabs = [
            {
                "id": "all",
                "title": None,
                "count": self.counts["all"],
                "url": self.url(state=None),
                "current": self.chosen["state"] is None,
            }
        ]
        for state in desk.STATES:
            tabs.append(
                {
                    "id": state,
                    "title": self.rows.state_title(state),
                    "count": self.counts[state],
                    "url": self.url(state=state),
                    "current": self.chosen["state"] == state,
                }
            )
        return tabs

    def column(self, key):
        """A sortable column's link and its aria-sort."""
        current = self.sort == key
        reverse = not self.reverse if current else False
        return {
            "url": self.url(sort=key, reverse="1" if reverse else None),
            "sort": ("descending" if self.reverse else "ascending") if current else None,
        }

    def department_options(self):
        titles = title_map(self.departments, self.request)
        return [
            {
                "value": term.token,
                "label": titles[term.value],
                "selected": term.value == self.chosen["department"],
            }
            for term in self.departments
        ]

    def language_options(self):
        titles = title_map(self.language_terms, self.request)
        return [
            {
                "value": term.token,
                "label": titles[term.value],
                "selected": term.value == self.chosen["language"],
            }
            for term in self.language_terms
        ]

    @property
    def filtered(self):
        return any(
            self.chosen[key] is not None
            for key in ("mentor", "name", "department", "language", "month", "loan")
        )

    def items(self):
        return self.rows.rows(self.batch)

    def _b_start(self):
        try:
            return max(int(self.request.form.get("b_start") or 0), 0)
        except (TypeError, ValueError):
            return 0
