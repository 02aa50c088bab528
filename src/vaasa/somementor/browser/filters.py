"""Listings filtered from the address: the directory and the programme read it alike.

Each filter is a request key and a vocabulary. A token the vocabulary does not
know, a key given twice (``?skill=a&skill=b``, a hand-made URL) or a broken
``b_start`` count as no choice, never as an error page.
"""

from Products.Five.browser import BrowserView
from vaasa.somementor.vocabularies.titles import title_map
from vaasa.somementor.vocabularies.titles import vocabulary


def _encodable(value):
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def drop_unencodable(request):
    """Forget address values that were not UTF-8 (they arrive as lone surrogates).

    Plone's batch links and language links copy the whole query string: one such
    value there fails the page with a UnicodeEncodeError, a 500 for a hand-made URL.
    """
    form = request.form
    for name, value in list(form.items()):
        values = value if isinstance(value, list | tuple) else [value]
        if not _encodable(name) or any(isinstance(v, str) and not _encodable(v) for v in values):
            del form[name]


class FilteredListing(BrowserView):
    # Request key -> vocabulary name, in the form's order.
    filters = ()

    def read_filters(self):
        drop_unencodable(self.request)
        self._vocabularies = {
            name: vocabulary(vocabulary_name, self.context)
            for name, vocabulary_name in self.filters
        }
        # Each vocabulary translated once per request, not once per row.
        self._titles = {
            name: title_map(terms, self.request) for name, terms in self._vocabularies.items()
        }
        self.chosen = {name: self._chosen(name) for name, _ in self.filters}

    def _chosen(self, name):
        """The value chosen for a filter, or None for a missing or unknown token."""
        token = self._form_text(name)
        try:
            return self._vocabularies[name].getTermByToken(token).value if token else None
        except LookupError:
            return None

    def _form_text(self, name):
        value = self.request.form.get(name)
        return value if isinstance(value, str) else ""

    def _b_start(self):
        # Plone's batch links send ``b_start:int``, which Zope hands over as an int.
        try:
            return max(int(self.request.form.get("b_start") or 0), 0)
        except (TypeError, ValueError):
            return 0
