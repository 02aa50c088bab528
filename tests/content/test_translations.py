"""Mentors and trainings exist in Finnish and Swedish, linked, sharing their facts."""

from factories import loan_request_fields
from plone import api
from plone.app.multilingual.interfaces import ITranslatable
from plone.app.multilingual.interfaces import ITranslationManager
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent


def translations(path):
    return ITranslationManager(api.content.get(path=path)).get_translations()


class TestTranslations:
    def test_mentor_linked_to_its_swedish_page(self, demo_integration):
        linked = translations("/fi/mentorit/anna-virtanen")
        assert linked["sv"].absolute_url().endswith("/sv/mentorer/anna-virtanen")
        assert linked["sv"].job_title == "Bibliotekarie"
        assert linked["fi"].job_title == "Kirjastonhoitaja"

    def test_training_linked_to_its_swedish_page(self, demo_integration):
        linked = translations("/fi/koulutukset/googlen-tyokalut")
        assert linked["sv"].title == "Googles verktyg"
        assert "/sv/utbildningar/" in linked["sv"].absolute_url()

    def test_containers_linked_across_languages(self, demo_integration):
        assert translations("/fi/mentorit")["sv"].getId() == "mentorer"
        assert translations("/fi/koulutukset")["sv"].getId() == "utbildningar"

    def test_each_language_root_has_its_own_containers(self, demo_integration):
        portal = demo_integration["portal"]
        assert portal["fi"]["mentorit"].portal_type == "MentorDirectory"
        assert portal["sv"]["mentorer"].portal_type == "MentorDirectory"
        assert portal["sv"]["utbildningar"].portal_type == "TrainingProgramme"

    def test_content_language_follows_its_root(self, demo_integration):
        assert api.content.get(path="/fi/mentorit/anna-virtanen").Language() == "fi"
        assert api.content.get(path="/sv/mentorer/anna-virtanen").Language() == "sv"

    def test_mentor_contact_edit_reaches_the_translation(self, demo_integration):
        finnish = api.content.get(path="/fi/mentorit/anna-virtanen")
        with api.env.adopt_roles(["Manager"]):
            finnish.email = "anna.virtanen@vaasa.fi"
            finnish.skills = ["facebook", "instagram"]
            finnish.job_title = "Informaatikko"
            notify(ObjectModifiedEvent(finnish))
        swedish = api.content.get(path="/sv/mentorer/anna-virtanen")
        assert swedish.email == "anna.virtanen@vaasa.fi"
        assert swedish.skills == ["facebook", "instagram"]
        # A job title is worded per language, so it stays as it was.
        assert swedish.job_title == "Bibliotekarie"

    def test_training_dates_and_counts_reach_the_translation(self, demo_integration):
        finnish = api.content.get(path="/fi/koulutukset/googlen-tyokalut")
        swedish = translations("/fi/koulutukset/googlen-tyokalut")["sv"]
        with api.env.adopt_roles(["Manager"]):
            finnish.participants = 13
            finnish.start = finnish.start.replace(day=11)
            notify(ObjectModifiedEvent(finnish))
        assert swedish.participants == 13
        assert swedish.start.day == 11
        assert swedish.title == "Googles verktyg"


class TestLoanRequestNotTranslated:
    def test_loan_request_is_not_translatable(self, portal):
        with api.env.adopt_roles(["Manager"]):
            desk = api.content.create(portal, "LoanDesk", id="desk", title="Desk")
            loan = api.content.create(desk, "LoanRequest", id="request-1", **loan_request_fields())
        assert not ITranslatable.providedBy(loan)
        assert ITranslatable.providedBy(desk)
        # It records the language the requester used.
        assert loan.preferred_language == "sv"
