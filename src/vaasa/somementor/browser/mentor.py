from Products.Five.browser import BrowserView
from vaasa.somementor.browser.terms import term_titles
from vaasa.somementor.content.mentor import IMentor


class MentorView(BrowserView):
    """A mentor's public page: who they are, what they can help with, how to reach them."""

    def term_titles(self, field_name):
        return term_titles(self.context, self.request, IMentor, field_name)

    @property
    def department(self):
        titles = self.term_titles("department")
        return titles[0] if titles else ""

    @property
    def borrow_url(self):
        return f"{self.context.absolute_url()}/@@borrow"

    @property
    def portrait(self):
        if self.context.portrait:
            images = self.context.restrictedTraverse("@@images")
            return images.tag("portrait", scale="preview", css_class="img-fluid rounded")
        return None
