"""A mentor's fi and sv profiles are one person with one calendar."""

from datetime import datetime
from factories import loan_request_fields
from loans.test_rules import refused
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from vaasa.somementor.content.mentor import IMentor
from vaasa.somementor.loans import bookings
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

import itertools
import pytest


# Far from the demo's own loans, so only this test's loans count.
MONTH = "2027-09"
ids = itertools.count()


@pytest.fixture
def maria(demo_integration):
    """Maria Holm lends one loan a month; her Finnish and Swedish profiles are linked."""
    finnish = api.content.get(path="/fi/mentorit/maria-holm")
    swedish = ITranslationManager(finnish).get_translation("sv")
    assert swedish is not None and swedish.UID() != finnish.UID()
    with api.env.adopt_roles(["Manager"]):
        yield finnish, swedish


def loan_for(profile, month=MONTH, **fields):
    desk = api.content.get(path="/fi/lainapyynnot")
    values = loan_request_fields(
        profile, preferred_dates=[{"start": f"{month}-06", "end": f"{month}-10"}], **fields
    )
    return api.content.create(desk, "LoanRequest", id=f"request-calendar-{next(ids)}", **values)


def schedule(loan, start, end):
    loan.scheduled_start, loan.scheduled_end, loan.place = start, end, "Vasa stadsbibliotek"
    loan.reindexObject()
    api.content.transition(loan, transition="schedule")


def lends(profile, maximum):
    """A coordinator's edit of the monthly maximum, which Plone copies to every language."""
    profile.max_loans_per_month = maximum
    notify(ObjectModifiedEvent(profile, Attributes(IMentor, "max_loans_per_month")))


def approved_through_each_profile(finnish, swedish):
    """Two approved loans of one person, one asked through each language."""
    lends(finnish, 3)
    loans = loan_for(finnish), loan_for(swedish)
    for loan in loans:
        api.content.transition(loan, transition="approve")
    return loans


def at(hour, day=7):
    return datetime(2027, 9, day, hour)


class TestOneCalendar:
    def test_profiles_are_one_person(self, maria):
        finnish, swedish = maria
        assert bookings.person(finnish) == bookings.person(swedish)
        versions = ITranslationManager(finnish).get_translations()
        assert set(versions) == {"fi", "sv", "en"}
        assert set(bookings.profiles(finnish)) == {version.UID() for version in versions.values()}

    def test_monthly_maximum_counts_every_language(self, maria):
        finnish, swedish = maria
        api.content.transition(loan_for(finnish), transition="approve")
        assert "(1)" in refused(loan_for(swedish), "approve")

    def test_no_double_booking_across_languages(self, maria):
        first, second = approved_through_each_profile(*maria)
        schedule(first, at(9), at(11))
        second.scheduled_start, second.scheduled_end = at(10), at(12)
        second.place = "Teams"
        second.reindexObject()
        # The refusal names the loan already in the calendar.
        assert first.Title() in refused(second, "schedule")

    def test_back_to_back_loans_do_not_clash(self, maria):
        first, second = approved_through_each_profile(*maria)
        schedule(first, at(9), at(11))
        schedule(second, at(11), at(13))
        assert api.content.get_state(second) == "scheduled"

    def test_a_scheduled_loan_still_takes_its_place_in_the_month(self, maria):
        # Breaks if scheduled loans stop counting as booked.
        finnish, swedish = maria
        first = loan_for(finnish)
        api.content.transition(first, transition="approve")
        schedule(first, at(9), at(11))
        assert "(1)" in refused(loan_for(swedish), "approve")

    def test_a_loan_counts_in_the_month_it_is_scheduled_for(self, maria):
        # Wished for August, held in September: it takes September's place, not August's.
        finnish, swedish = maria
        first = loan_for(finnish, month="2027-08")
        api.content.transition(first, transition="approve")
        schedule(first, at(9), at(11))
        assert "9/2027" in refused(loan_for(swedish, month="2027-09"), "approve")
        api.content.transition(loan_for(swedish, month="2027-08"), transition="approve")

    def test_monthly_maximum_is_shared_by_the_profiles(self, maria):
        finnish, swedish = maria
        lends(finnish, 2)
        assert swedish.max_loans_per_month == 2
        api.content.transition(loan_for(finnish), transition="approve")
        api.content.transition(loan_for(swedish), transition="approve")
        assert "(2)" in refused(loan_for(swedish), "approve")
