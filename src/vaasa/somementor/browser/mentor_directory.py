from Products.Five.browser import BrowserView
from vaasa.somementor.browser.terms import titles
from vaasa.somementor.browser.terms import vocabulary
from vaasa.somementor.directory import find_mentors


class MentorDirectoryView(BrowserView):
    """The public list of mentors, filtered by skill, language and department."""

    filters = (
        ("skill", "vaasa.somementor.Skills"),
        ("language", "vaasa.somementor.Languages"),
        ("department", "vaasa.somementor.Departments"),
    )

    def __call__(self):
        self._vocabularies = {
            name: vocabulary(vocabulary_name, self.context)
            for name, vocabulary_name in self.filters
        }
        return self.index()

    def selected(self, name):
        value = self.request.form.get(name)
        return value if value in self._vocabularies[name] else None

    def options(self, name):
        selected = self.selected(name)
        terms = list(self._vocabularies[name])
        names = self._titles(name, [term.token for term in terms])
        return [
            {"value": term.token, "title": title, "selected": term.token == selected}
            for term, title in zip(terms, names, strict=True)
        ]

    def mentors(self):
        brains = find_mentors(
            self.context,
            skill=self.selected("skill"),
            language=self.selected("language"),
            department=self.selected("department"),
            text=self.request.form.get("text") or None,
        )
        return [self._card(brain) for brain in brains]

    def _card(self, brain):
        url = brain.getURL()
        scales = brain.image_scales or {}
        return {
            "url": url,
            "name": brain.Title,
            "job_title": brain.mentor_job_title,
            "description": brain.Description,
            "department": ", ".join(self._titles("department", [brain.mentor_department])),
            "skills": self._titles("skill", brain.mentor_skills or ()),
            "languages": self._titles("language", brain.mentor_languages or ()),
            "portrait": f"{url}/@@images/portrait/thumb" if scales.get("portrait") else None,
        }

    def _titles(self, name, tokens):
        return titles(self._vocabularies[name], [token for token in tokens if token], self.request)
