"""The demo site: sample content from the 2012 project, created once."""

from DateTime import DateTime
from plone import api
from plone.app.event.portlets.portlet_events import Assignment
from plone.app.event.portlets.portlet_events import IEventsPortlet
from plone.app.multilingual.interfaces import ITranslationManager
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from plone.portlets.interfaces import IPortletRetriever
from vaasa.somementor.demo import data
from vaasa.somementor.demo import portlets
from vaasa.somementor.privacy import privacy_statement
from vaasa.somementor.settings import setting
from zope.component import getMultiAdapter
from zope.component import getUtility

import pytest


LANGUAGES = ("fi", "sv", "en")
CONTAINERS = {
    "MentorDirectory": {"fi": "mentorit", "sv": "mentorer", "en": "mentors"},
    "TrainingProgramme": {"fi": "koulutukset", "sv": "utbildningar", "en": "trainings"},
    "LoanDesk": {"fi": "lainapyynnot", "sv": "laneforfragningar", "en": "loan-requests"},
}
PRIVACY = {"fi": "/fi/tietosuoja", "sv": "/sv/dataskydd", "en": "/en/privacy"}


def counts():
    catalog = api.portal.get_tool("portal_catalog")
    return {
        portal_type: len(catalog.unrestrictedSearchResults(portal_type=portal_type))
        for portal_type in (
            "MentorDirectory",
            "Mentor",
            "Training",
            "LoanRequest",
            "Document",
            "Folder",
            "File",
            "Link",
        )
    }


def unrestricted(path):
    return api.portal.get().unrestrictedTraverse(path.lstrip("/"))


def events_portlets(context):
    manager = getUtility(IPortletManager, name="plone.rightcolumn", context=context)
    mapping = getMultiAdapter((context, manager), IPortletAssignmentMapping)
    return [a for a in mapping.values() if IEventsPortlet.providedBy(a)]


class TestDemoContent:
    def test_two_cohorts_across_departments(self, demo_integration):
        mentors = api.content.find(portal_type="Mentor", mentor_active=True, Language="fi")
        assert len(mentors) == 7
        assert {brain.mentor_department for brain in mentors} >= {
            "library",
            "education",
            "youth-services",
            "communications",
            "other-municipality",
        }
        assert {brain.getObject().cohort for brain in mentors} == {2012, 2013}

    def test_mentors_and_trainings_are_public(self, demo_integration):
        for brain in api.content.find(portal_type=["Mentor", "Training"]):
            # Past trainings were held: completed, and still public.
            assert brain.review_state in ("published", "completed")

    def test_funded_period_matches_the_report_to_the_funder(self, demo_integration):
        period = {"query": (DateTime("2012-08-01"), DateTime("2013-07-31")), "range": "min:max"}
        trainings = api.content.find(
            portal_type="Training", start=period, training_kind="training", Language="fi"
        )
        events = api.content.find(
            portal_type="Training", start=period, training_kind="event", Language="fi"
        )
        assert len(trainings) == 12
        assert sum(brain.training_participants for brain in trainings) == 135
        assert len(events) == 0

    def test_some_day_is_an_event_with_forty_participants(self, demo_integration):
        [some_day] = api.content.find(portal_type="Training", id="some-paiva-2013")
        assert some_day.training_kind == "event"
        assert some_day.training_participants == 40

    def test_all_three_language_groups_and_formats_appear(self, demo_integration):
        trainings = api.content.find(portal_type="Training", Language="sv")
        assert {brain.training_language_group for brain in trainings} == {"fi", "sv", "regional"}
        assert {brain.training_format for brain in trainings} == {
            "in-person",
            "remote",
            "recorded",
        }

    def test_loan_requests_hidden_from_members(self, demo_integration):
        assert not api.content.find(portal_type="LoanRequest")

    def test_loan_requests_at_different_stages(self, demo_integration):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(portal_type="LoanRequest")
        loans = [brain._unrestrictedGetObject() for brain in brains]
        assert len(loans) == 6
        states = {api.content.get_state(loan) for loan in loans}
        assert states == {"submitted", "approved", "scheduled", "completed", "rejected"}
        assert {loan.preferred_language for loan in loans} == {"fi", "sv", "en"}
        assert any(loan.outcome and loan.feedback_rating for loan in loans)
        assert any(loan.scheduled_start and not loan.outcome for loan in loans)
        assert any(loan.mentor is None for loan in loans)

    def test_loan_requests_name_their_mentor(self, demo_integration):
        mentor = api.content.get(path="/fi/mentorit/sanna-makinen")
        catalog = api.portal.get_tool("portal_catalog")
        assert catalog.unrestrictedSearchResults(loan_mentor_uid=mentor.UID())

    def test_people_to_try_the_roles_with(self, demo_integration):
        coordinator = api.user.get(username="koordinaattori")
        assert "MentorCoordinator" in api.user.get_roles(user=coordinator)
        mentor = api.content.get(path="/sv/mentorer/johanna-bjork")
        assert mentor.user_id == "johanna-bjork"
        assert "Mentor" in api.user.get_roles(username="johanna-bjork", obj=mentor)

    def test_applying_again_changes_nothing(self, demo_integration):
        before = counts()
        setup = api.portal.get_tool("portal_setup")
        setup.runAllImportStepsFromProfile("profile-vaasa.somementor:demo")
        assert counts() == before


class TestEveryLanguage:
    """The English root is as complete as the Finnish and Swedish ones."""

    @pytest.mark.parametrize("portal_type", sorted(CONTAINERS))
    def test_each_root_has_the_container_linked_to_the_others(self, demo_integration, portal_type):
        ids = CONTAINERS[portal_type]
        versions = {language: unrestricted(f"/{language}/{ids[language]}") for language in ids}
        assert {obj.portal_type for obj in versions.values()} == {portal_type}
        # Unrestricted: the desks are for staff only.
        linked = ITranslationManager(versions["fi"]).get_translations()
        assert {language: obj.getId() for language, obj in linked.items()} == ids
        assert {obj.Language() for obj in versions.values()} == set(LANGUAGES)

    def test_english_mentors_are_the_same_people(self, demo_integration):
        english = api.content.find(portal_type="Mentor", Language="en")
        assert len(english) == len(data.MENTORS)
        for brain in english:
            linked = ITranslationManager(brain.getObject()).get_translations()
            assert set(linked) == set(LANGUAGES)
            assert {obj.getId() for obj in linked.values()} == {brain.getId}
            assert len({obj.email for obj in linked.values()}) == 1
        anna = api.content.get(path="/en/mentors/anna-virtanen")
        assert anna.job_title == "Librarian"
        assert "Borrow Anna for your unit" in anna.bio.output

    def test_english_trainings_are_linked(self, demo_integration):
        english = api.content.find(portal_type="Training", Language="en")
        assert len(english) == len(data.TRAININGS) + len(data.RING_MEETINGS)
        google = api.content.get(path="/en/trainings/google-tools")
        assert google.organiser == "Vaasa Summer University"
        linked = ITranslationManager(google).get_translations()
        assert linked["fi"].getId() == "googlen-tyokalut"
        assert linked["sv"].title == "Googles verktyg"

    def test_english_request_waits_at_the_english_desk(self, demo_integration):
        catalog = api.portal.get_tool("portal_catalog")
        [brain] = catalog.unrestrictedSearchResults(id="request-regional-library-ebooks")
        assert brain.getPath().endswith("/en/loan-requests/request-regional-library-ebooks")

    def test_shared_folders_named_in_their_language(self, demo_integration):
        titles = {language: unrestricted(f"/{language}/assets").Title() for language in LANGUAGES}
        assert titles == {"fi": "Aineistot", "sv": "Material", "en": "Assets"}


class TestPrivacyStatement:
    def test_published_in_three_languages_and_linked(self, demo_integration):
        pages = {language: api.content.get(path=path) for language, path in PRIVACY.items()}
        assert {language: page.Title() for language, page in pages.items()} == {
            "fi": "Tietosuojaseloste",
            "sv": "Dataskyddsbeskrivning",
            "en": "Privacy statement",
        }
        assert {api.content.get_state(page) for page in pages.values()} == {"published"}
        linked = ITranslationManager(pages["fi"]).get_translations()
        assert {language: obj.UID() for language, obj in linked.items()} == {
            language: page.UID() for language, page in pages.items()
        }

    @pytest.mark.parametrize(
        ("language", "words"),
        [
            ("fi", ["nimesi", "sähköpostiosoitteesi", "puhelinnumerosi", "organisaatiosi"]),
            ("sv", ["ditt namn", "e-postadress", "telefonnummer", "organisation"]),
            ("en", ["name", "email", "phone", "organisation", "erase"]),
        ],
    )
    def test_says_what_a_request_stores(self, demo_integration, language, words):
        text = api.content.get(path=PRIVACY[language]).text.output
        for word in words:
            assert word in text
        assert data.COORDINATOR["email"] in text

    def test_the_request_form_finds_it_in_each_language(self, demo_integration):
        assert setting("privacy_page") == "/fi/tietosuoja"
        for language, path in PRIVACY.items():
            assert "/".join(privacy_statement(language).getPhysicalPath()).endswith(path)


class TestNoEventsPortlet:
    """The programme lists its trainings itself; plone.app.event's portlet cost every page."""

    def test_not_site_wide(self, demo_integration):
        assert not events_portlets(demo_integration["portal"])

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_not_on_the_programme(self, demo_integration, language):
        programme = api.content.get(path=f"/{language}/{CONTAINERS['TrainingProgramme'][language]}")
        assert not events_portlets(programme)

    def test_applying_again_removes_the_programmes_portlet_of_an_older_demo(self, demo_integration):
        programme = api.content.get(path="/sv/utbildningar")
        mapping = portlets._assignments(programme)
        mapping["upcoming-trainings"] = Assignment(count=5, search_base_uid=programme.UID())
        setup = api.portal.get_tool("portal_setup")
        setup.runAllImportStepsFromProfile("profile-vaasa.somementor:demo")
        assert not events_portlets(programme)


def left_column(context, request):
    """The portlets a visitor of ``context`` gets in the left column."""
    manager = getUtility(IPortletManager, name="plone.leftcolumn", context=context)
    return getMultiAdapter((context, manager), IPortletRetriever).getPortlets()


class TestNoNavigationTreeOfOnePage:
    """A mentor's or a training's page had a navigation tree holding only itself."""

    @pytest.mark.parametrize(
        "path",
        ["/fi/mentorit/anna-virtanen", "/sv/utbildningar/googles-verktyg", "/en/mentors"],
    )
    def test_no_navigation_portlet_in_the_directory_or_programme(self, demo_integration, path):
        assert left_column(api.content.get(path=path), demo_integration["request"]) == []

    def test_other_pages_keep_it(self, demo_integration):
        privacy = api.content.get(path=PRIVACY["fi"])
        names = [portlet["name"] for portlet in left_column(privacy, demo_integration["request"])]
        assert names == ["navigation"]


class TestMentorRing:
    """The ring's private materials in each directory, and its next meetings."""

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_private_materials_folder_in_each_directory(self, demo_integration, language):
        directory = CONTAINERS["MentorDirectory"][language]
        folder = unrestricted(f"/{language}/{directory}/materials")
        assert folder.portal_type == "Folder"
        assert api.content.get_state(folder) == "private"
        assert folder.Language() == language
        items = {obj.getId(): obj for obj in folder.objectValues()}
        assert {obj.portal_type for obj in items.values()} == {"File", "Link"}
        assert set(items) == {spec["id"] for spec in data.RING_MATERIALS[language]}
        [checklist] = [obj for obj in items.values() if obj.portal_type == "File"]
        assert checklist.file.contentType == "text/plain"
        assert checklist.file.data.decode("utf-8").startswith(checklist.title)

    def test_materials_folders_linked_across_languages(self, demo_integration):
        folder = unrestricted("/fi/mentorit/materials")
        linked = ITranslationManager(folder).get_translations()
        assert {language: obj.getId() for language, obj in linked.items()} == dict.fromkeys(
            LANGUAGES, "materials"
        )

    def test_materials_hidden_from_visitors(self, demo_integration):
        with api.env.adopt_roles(["Anonymous"]):
            assert not api.content.find(portal_type=["Folder", "File", "Link"])

    def test_both_cohorts_in_the_ring(self, demo_integration):
        from vaasa.somementor import ring

        directory = api.content.get(path="/fi/mentorit")
        assert [cohort for cohort, _ in ring.cohorts(directory)] == [2013, 2012]
        assert set(ring.member_ids(directory)) == set(data.MENTOR_USERS)

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_upcoming_ring_meetings_in_each_language(self, demo_integration, language):
        meetings = api.content.find(
            portal_type="Training",
            training_kind="ring-meeting",
            start={"query": DateTime(), "range": "min"},
            Language=language,
        )
        assert len(meetings) == len(data.RING_MEETINGS) == 2
        assert {brain.review_state for brain in meetings} == {"published"}
        assert {brain.Title for brain in meetings} == {
            spec["title"][language] for spec in data.RING_MEETINGS
        }
