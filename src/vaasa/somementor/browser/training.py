from Products.Five.browser import BrowserView
from vaasa.somementor.browser.terms import term_titles
from vaasa.somementor.content.training import ITraining


class TrainingView(BrowserView):
    """A training's public page: when and where (from plone.app.event), and what it is."""

    def term_titles(self, field_name):
        return ", ".join(term_titles(self.context, self.request, ITraining, field_name))
