from Products.Five.browser import BrowserView
from vaasa.somementor.content.mentor import IMentor
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


class MentorView(BrowserView):
    """A mentor's public page: who they are, what they can help with, how to reach them."""

    def term_titles(self, field_name):
        """Titles of the vocabulary terms chosen in a list or choice field."""
        field = IMentor[field_name]
        vocabulary_name = getattr(field, "value_type", field).vocabularyName
        vocabulary = getUtility(IVocabularyFactory, vocabulary_name)(self.context)
        value = getattr(self.context, field_name, None) or []
        tokens = [value] if isinstance(value, str) else value
        return [
            translate(vocabulary.getTerm(token).title, context=self.request)
            if token in vocabulary
            else token
            for token in tokens
        ]

    @property
    def department(self):
        titles = self.term_titles("department")
        return titles[0] if titles else ""

    @property
    def portrait(self):
        images = self.context.restrictedTraverse("@@images")
        if self.context.portrait:
            return images.tag("portrait", scale="preview", css_class="img-fluid rounded")
        return None
