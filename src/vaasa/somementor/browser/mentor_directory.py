from plone.batching import Batch
from vaasa.somementor.browser.filters import FilteredListing
from vaasa.somementor.directory import facet_counts
from vaasa.somementor.directory import find_mentors
from vaasa.somementor.vocabularies.titles import language_names_in_text


class MentorDirectoryView(FilteredListing):
    """The public list of mentors: batched, with a count beside every filter value.

    Cards are made from catalog metadata only, and each vocabulary is translated
    once per request, so a page costs the same with 30 mentors or 5,000.
    """

    page_size = 24

    # Request key (as find_mentors takes it) -> vocabulary, in the form's order.
    filters = (
        ("skill", "vaasa.somementor.Skills"),
        ("language", "vaasa.somementor.Languages"),
        ("department", "vaasa.somementor.Departments"),
        ("loan_format", "vaasa.somementor.LoanFormats"),
    )

    def __call__(self):
        self.read_filters()
        self.text = self._form_text("text").strip()
        chosen = {name: value for name, value in self.chosen.items() if value is not None}
        start = self._b_start()
        results = find_mentors(
            self.context, text=self.text or None, b_start=start, b_size=self.page_size, **chosen
        )
        self.batch = Batch(results, self.page_size, start=start)
        self._counts = facet_counts(self.context, text=self.text or None, **chosen)
        return self.index()

    @property
    def total(self):
        return self.batch.sequence_length

    @property
    def filtered(self):
        return bool(self.text) or any(value is not None for value in self.chosen.values())

    def options(self, name):
        """The values of one filter, each with the number of mentors it would give."""
        counts = self._counts[name]
        titles = self._titles[name]
        options = []
        for term in self._vocabularies[name]:
            count = counts.get(term.value, 0)
            selected = term.value == self.chosen[name]
            options.append(
                {
                    "value": term.token,
                    # Read out whole by screen readers too: "Library (3)".
                    "label": f"{titles[term.value]} ({count})",
                    "selected": selected,
                    # A choice that would leave no mentor stays visible, but cannot be made.
                    "disabled": not count and not selected,
                }
            )
        return options

    def mentors(self):
        return [self._card(brain) for brain in self.batch]

    def _card(self, brain):
        url = brain.getURL()
        scales = brain.image_scales or {}
        return {
            "url": url,
            "borrow_url": f"{url}/@@borrow",
            "name": brain.Title,
            "job_title": brain.mentor_job_title,
            "description": brain.Description,
            "department": self._title("department", brain.mentor_department),
            "skills": self._title_list("skill", brain.mentor_skills),
            "languages": language_names_in_text(
                self._title_list("language", brain.mentor_languages),
                self.request.get("LANGUAGE", ""),
            ),
            "loan_formats": self._title_list("loan_format", brain.mentor_loan_formats),
            "portrait": f"{url}/@@images/portrait/thumb" if scales.get("portrait") else None,
        }

    def _title(self, name, value):
        # A value the vocabulary lost (a department removed later) is shown as stored.
        return self._titles[name].get(value, value) if value else ""

    def _title_list(self, name, values):
        return [self._title(name, value) for value in values or () if value]
