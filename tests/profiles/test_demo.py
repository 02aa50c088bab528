"""The demo site: sample content from the 2012 project, created once."""

from DateTime import DateTime
from plone import api


def counts():
    catalog = api.portal.get_tool("portal_catalog")
    return {
        portal_type: len(catalog.unrestrictedSearchResults(portal_type=portal_type))
        for portal_type in ("MentorDirectory", "Mentor", "Training", "LoanRequest")
    }


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
            assert brain.review_state == "published"

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
