"""The mentor ring's page: who is in it, what it shares, and when it meets next.

Only for those with "vaasa.somementor: View mentor ring" on the directory (the
ring's mentors and the coordinators; see content/ring_roles.py), which the ZCML
registration checks. Rows come from catalog brains and each vocabulary is
translated once per request.
"""

from plone import api
from Products.Five.browser import BrowserView
from vaasa.somementor import ring
from vaasa.somementor.browser.terms import title_map
from vaasa.somementor.browser.terms import vocabulary
from vaasa.somementor.notifications import times
from vaasa.somementor.vocabularies.titles import language_names_in_text


class MentorRingView(BrowserView):
    vocabularies = {
        "department": "vaasa.somementor.Departments",
        "skill": "vaasa.somementor.Skills",
        "language": "vaasa.somementor.Languages",
    }

    def __call__(self):
        self._titles = {
            name: title_map(vocabulary(vocabulary_name, self.context), self.request)
            for name, vocabulary_name in self.vocabularies.items()
        }
        self.language = api.portal.get_current_language(context=self.context)[:2]
        return self.index()

    def cohorts(self):
        return [
            {
                "cohort": cohort,
                "departments": [
                    {
                        "title": self._title("department", department),
                        "mentors": [self._mentor(brain) for brain in brains],
                    }
                    for department, brains in departments
                ],
            }
            for cohort, departments in ring.cohorts(self.context)
        ]

    def materials(self):
        return [
            {
                "title": brain.Title or brain.getId,
                "url": brain.getURL(),
                "type": brain.portal_type,
                "description": brain.Description,
            }
            for brain in ring.materials(self.context)
        ]

    def materials_url(self):
        """Where a ring member adds material, when the folder exists and they may."""
        folder = ring.materials_folder(self.context)
        if folder is None or not api.user.has_permission("Add portal content", obj=folder):
            return None
        return folder.absolute_url()

    def meetings(self):
        return [
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "when": times.span(brain.start, brain.end, self.language),
                "location": brain.location,
            }
            for brain in ring.upcoming_meetings(self.context)
        ]

    def _mentor(self, brain):
        return {
            "name": brain.Title,
            "url": brain.getURL(),
            "job_title": brain.mentor_job_title,
            "skills": self._title_list("skill", brain.mentor_skills),
            "languages": language_names_in_text(
                self._title_list("language", brain.mentor_languages), self.language
            ),
        }

    def _title(self, name, value):
        # A value the vocabulary lost (a department removed later) is shown as stored.
        return self._titles[name].get(value, value) if value else ""

    def _title_list(self, name, values):
        return [self._title(name, value) for value in values or () if value]
