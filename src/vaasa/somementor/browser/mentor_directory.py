from Products.Five.browser import BrowserView
from vaasa.somementor.directory import find_mentors
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


class MentorDirectoryView(BrowserView):
    """The public list of mentors, filtered by skill, language and department."""

    filters = (
        ("skill", "vaasa.somementor.Skills"),
        ("language", "vaasa.somementor.Languages"),
        ("department", "vaasa.somementor.Departments"),
    )

    def __call__(self):
        self._vocabularies = {
            name: getUtility(IVocabularyFactory, vocabulary)(self.context)
            for name, vocabulary in self.filters
        }
        return self.index()

    def selected(self, name):
        value = self.request.form.get(name)
        return value if value in self._vocabularies[name] else None

    def options(self, name):
        selected = self.selected(name)
        return [
            {"value": term.token, "title": self._title(term), "selected": term.token == selected}
            for term in self._vocabularies[name]
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
            "department": self._term_title("department", brain.mentor_department),
            "skills": [self._term_title("skill", s) for s in brain.mentor_skills or ()],
            "languages": [self._term_title("language", s) for s in brain.mentor_languages or ()],
            "portrait": f"{url}/@@images/portrait/thumb" if scales.get("portrait") else None,
        }

    def _term_title(self, name, token):
        vocabulary = self._vocabularies[name]
        return self._title(vocabulary.getTerm(token)) if token in vocabulary else token

    def _title(self, term):
        return translate(term.title, context=self.request)
