"""A mentor's public page shows the profile, not the editing fields."""

from plone import api
from vaasa.somementor.interfaces import IBrowserLayer
from zope.interface import alsoProvides


class TestMentorPage:
    def render(self, layer, path):
        request = layer["request"]
        alsoProvides(request, IBrowserLayer)
        mentor = api.content.get(path=path)
        return mentor.restrictedTraverse(mentor.getLayout())()

    def test_profile_shows_who_and_what(self, demo_integration):
        html = self.render(demo_integration, "/mentorit/anna-virtanen")
        assert "Anna Virtanen" in html
        assert "Kirjastonhoitaja, Library" in html
        assert "E-books and library e-services" in html
        assert "Tablets and smartphones" in html
        assert "mailto:anna.virtanen@example.org" in html
        assert ">2012<" in html

    def test_profile_hides_editing_fields(self, demo_integration):
        html = self.render(demo_integration, "/mentorit/anna-virtanen")
        for internal in ("Linked user", "Versioning", "Maximum loans a month", "Short name"):
            assert internal not in html

    def test_inactive_mentor_is_marked(self, demo_integration):
        html = self.render(demo_integration, "/mentorit/pekka-laine")
        assert "cannot be borrowed at the moment" in html
