"""GET @mentors: the directory for headless clients, with the page's filters and counts.

The same two domain functions as the directory page (``find_mentors`` and
``facet_counts``), so a client sees the mentors and the counts a visitor sees.
Items are made from catalog metadata; vocabularies are translated once per call.
"""

from plone.restapi.batching import HypermediaBatch
from plone.restapi.services import Service
from vaasa.somementor import _
from vaasa.somementor.directory import facet_counts
from vaasa.somementor.directory import find_mentors
from vaasa.somementor.vocabularies.titles import title_map
from vaasa.somementor.vocabularies.titles import vocabulary
from zope.i18n import translate


# REST parameter -> (the directory's filter keyword, vocabulary).
FILTERS = {
    "skill": ("skill", "vaasa.somementor.Skills"),
    "language": ("language", "vaasa.somementor.Languages"),
    "department": ("department", "vaasa.somementor.Departments"),
    "format": ("loan_format", "vaasa.somementor.LoanFormats"),
}
MAX_BATCH = 100
MAX_TEXT = 200


class BadQuery(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


class MentorsGet(Service):
    def reply(self):
        try:
            text, chosen = self._query()
        except BadQuery as bad:
            self.request.response.setStatus(400)
            message = translate(bad.message, context=self.request)
            return {"error": {"type": "BadRequest", "message": message}}
        self._titles = {
            name: title_map(vocabulary(vocabulary_name, self.context), self.request)
            for name, (_keyword, vocabulary_name) in FILTERS.items()
        }
        keywords = {FILTERS[name][0]: value for name, value in chosen.items()}
        form = self.request.form
        brains = find_mentors(
            self.context,
            text=text,
            b_start=int(form.get("b_start", "0")),
            b_size=int(form.get("b_size", "25")),
            **keywords,
        )
        batch = HypermediaBatch(self.request, brains)
        counts = facet_counts(self.context, text=text, **keywords)
        answer = {
            "@id": batch.canonical_url,
            "items_total": batch.items_total,
            "items": [self._item(brain) for brain in batch],
            "facets": {
                name: self._facet(name, counts[keyword], chosen.get(name))
                for name, (keyword, _vocabulary) in FILTERS.items()
            },
        }
        if batch.links:
            answer["batching"] = batch.links
        return answer

    def _query(self):
        form = self.request.form
        for name in ("b_start", "b_size"):
            value = form.get(name, "0" if name == "b_start" else "25")
            if not (isinstance(value, str) and value.isdigit()):
                raise BadQuery(_("${name} must be a whole number.", mapping={"name": name}))
        if not 1 <= int(form.get("b_size", "25")) <= MAX_BATCH:
            raise BadQuery(
                _("b_size must be from 1 to ${maximum}.", mapping={"maximum": MAX_BATCH})
            )
        text = form.get("q") or None
        if text is not None and (not isinstance(text, str) or len(text) > MAX_TEXT):
            raise BadQuery(
                _(
                    "q must be one text of at most ${maximum} characters.",
                    mapping={"maximum": MAX_TEXT},
                )
            )
        chosen = {}
        for name in FILTERS:
            value = form.get(name)
            if value in (None, ""):
                continue
            if not isinstance(value, str):
                raise BadQuery(_("Give ${name} once.", mapping={"name": name}))
            chosen[name] = value
        return text, chosen

    def _term(self, name, token):
        return {"token": token, "title": self._titles[name].get(token, token)}

    def _terms(self, name, tokens):
        return [self._term(name, token) for token in tokens or () if token]

    def _item(self, brain):
        url = brain.getURL()
        scales = brain.image_scales or {}
        return {
            "@id": url,
            "@type": brain.portal_type,
            "UID": brain.UID,
            "title": brain.Title,
            "description": brain.Description,
            "review_state": brain.review_state,
            "language": brain.Language,
            "job_title": brain.mentor_job_title,
            "department": self._term("department", brain.mentor_department)
            if brain.mentor_department
            else None,
            "skills": self._terms("skill", brain.mentor_skills),
            "languages": self._terms("language", brain.mentor_languages),
            "loan_formats": self._terms("format", brain.mentor_loan_formats),
            "portrait": f"{url}/@@images/portrait/thumb" if scales.get("portrait") else None,
            "borrow": f"{url}/@borrow",
        }

    def _facet(self, name, counts, selected):
        return [
            {
                **self._term(name, token),
                "count": counts.get(token, 0),
                "selected": token == selected,
            }
            for token in self._titles[name]
        ]
