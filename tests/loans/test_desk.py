"""The coordinators' queue and "My loans", asked directly, on the demo site's three desks."""

from datetime import date
from datetime import timedelta
from factories import loan_request_fields
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from Products.ZCatalog.Catalog import Catalog
from vaasa.somementor import _
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.interfaces import ISettings
from vaasa.somementor.loans import desk
from vaasa.somementor.loans import handling
from vaasa.somementor.loans import mine
from vaasa.somementor.loans import submission
from zope.i18n import translate

import pytest


def finnish(msgid, **mapping):
    # The demo site speaks Finnish; a msgid not yet in the catalogue stays English.
    return translate(_(msgid, mapping=mapping), target_language="fi")


DESKS = {"fi": "lainapyynnot", "sv": "laneforfragningar", "en": "loan-requests"}


def ids(brains):
    return {brain.getId for brain in brains}


def person(persons, mentor_id):
    return next(p for p in persons if p.brains[0].getId == mentor_id)


class TestQueue:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_integration):
        self.portal = demo_integration["portal"]
        self.request = demo_integration["request"]
        login(self.portal, COORDINATOR["username"])
        self.persons = desk.people("fi")

    def test_one_queue_over_every_language(self):
        brains = desk.queue()
        desks = {brain.getPath().split("/")[-2] for brain in brains}
        assert desks == set(DESKS.values())
        assert "forfragan-korsholm-facebook" in ids(brains)
        assert "request-regional-library-ebooks" in ids(brains)

    def test_counts_per_state(self):
        counts = desk.counts()
        assert counts == {
            "submitted": 2,
            "approved": 1,
            "scheduled": 1,
            "completed": 1,
            "rejected": 1,
            "cancelled": 0,
            "all": 6,
        }

    def test_counts_follow_the_other_filters(self):
        assert desk.counts(language="fi")["all"] == 4
        assert desk.counts(language="fi", state="approved")["submitted"] == 1

    def test_filters(self):
        maria = person(self.persons, "maria-holm")
        assert ids(desk.queue(language="sv")) == {"forfragan-korsholm-facebook"}
        assert ids(desk.queue(mentor=maria.key)) == {"forfragan-korsholm-facebook"}
        assert ids(desk.queue(department="other-municipality")) == {"forfragan-korsholm-facebook"}
        assert ids(desk.queue(month="2027-03")) == {"pyynto-lyseo-instagram"}
        assert ids(desk.queue(state="completed")) == {"pyynto-henkilostopalvelut-teams"}
        assert ids(desk.queue(department="library")) == set()

    def test_the_mentor_filter_by_name(self):
        assert ids(desk.queue(name="Maria")) == {"forfragan-korsholm-facebook"}
        # A prefix of a name, as a coordinator types it, and any case.
        assert ids(desk.queue(name="hol")) == {"forfragan-korsholm-facebook"}
        assert ids(desk.queue(name="maria holm", department="other-municipality")) == {
            "forfragan-korsholm-facebook"
        }
        assert desk.counts(name="Maria")["all"] == 1

    @pytest.mark.parametrize(
        "hostile",
        ["Nobody Known", "(", '"', "and or not", "*", "x" * 20000, "Maria" * 5000, " "],
    )
    def test_a_name_nobody_has_finds_no_request(self, hostile):
        assert ids(desk.queue(name=hostile)) == set()
        assert desk.counts(name=hostile)["all"] == 0

    @pytest.mark.parametrize("key", ["0" * 32, "../../acl_users", "x" * 20000, "", ["a"], 12])
    def test_an_unknown_mentor_key_is_nobody(self, key):
        assert desk.person(key) is None
        assert ids(desk.queue(mentor=key)) == set()

    def test_a_link_names_the_person_by_key_or_profile(self):
        maria = person(self.persons, "maria-holm")
        assert desk.person(maria.key, "fi").title == "Maria Holm"
        assert desk.person(maria.uids[1]).key == maria.key

    def test_a_mentor_is_one_person_in_every_language(self):
        maria = person(self.persons, "maria-holm")
        assert len(maria.uids) == 3
        assert maria.title == "Maria Holm"

    def test_sorting(self):
        by_name = [b.loan_requester for b in desk.queue(sort="requester")]
        assert by_name == sorted(by_name)
        backwards = [b.loan_requester for b in desk.queue(sort="requester", reverse=True)]
        assert backwards == by_name[::-1]
        places = [b.loan_municipality for b in desk.queue(sort="municipality")]
        assert places == sorted(places)

    def test_rows_are_batched_by_fifteen(self):
        fi_desk = self.portal["fi"][DESKS["fi"]]
        with api.env.adopt_roles(["Manager"]):
            for number in range(55):
                api.content.create(
                    fi_desk,
                    "LoanRequest",
                    id=f"request-batch-{number}",
                    **loan_request_fields(requester_name=f"Pyytäjä {number:02}"),
                )
        for reverse in ("", "1"):
            every = [brain.getId for brain in desk.queue(reverse=bool(reverse))]
            assert len(every) == 61
            pages = []
            for start in range(0, 61, desk.PAGE_SIZE):
                # As a coordinator pages: 55 requests made in the same minute, each on one page.
                view = self.desk_page({"reverse": reverse, "b_start": start})
                assert view.batch.sequence_length == 61
                pages.append([brain.getId for brain in view.batch])
            assert [len(page) for page in pages] == [15, 15, 15, 15, 1]
            assert [id for page in pages for id in page] == every

    def desk_page(self, form):
        self.request.form.clear()
        self.request.form.update(form)
        view = api.content.get_view("loan-desk", self.portal["fi"][DESKS["fi"]], self.request)
        view()
        return view

    def test_row_metadata(self):
        (brain,) = desk.queue(language="sv")
        assert brain.loan_requester == "Karin Westerlund"
        assert brain.loan_organisation == "Korsholms kommun, kulturbyrån"
        assert brain.loan_municipality == "Korsholm"
        assert brain.loan_month == "2027-02"
        assert brain.loan_wished == (("2027-02-01", "2027-02-05"), ("2027-02-15", "2027-02-19"))

    def test_coordinator_steps_per_state(self):
        steps = handling.Steps(self.portal["fi"][DESKS["fi"]])
        assert set(steps("submitted")) == {"approve", "reject", "cancel"}
        assert "schedule" in steps("approved")
        assert "complete" in steps("scheduled")
        assert steps("completed") == ()

    def test_coordinator_link_lands_on_the_row(self):
        loan = self.portal["sv"][DESKS["sv"]]["forfragan-korsholm-facebook"]
        url = desk.desk_url(loan, "fi")
        assert url.startswith(self.portal["fi"][DESKS["fi"]].absolute_url() + "?loan=")
        assert url.endswith(f"#loan-{loan.UID()}")


class TestTakingSteps:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_integration):
        self.portal = demo_integration["portal"]
        self.request = demo_integration["request"]
        login(self.portal, COORDINATOR["username"])
        self.desk = self.portal["fi"][DESKS["fi"]]
        self.mentors = self.portal["fi"]["mentorit"]

    def _new(self, mentor_id="maria-holm", month="2027-02"):
        with api.env.adopt_roles(["Manager"]):
            return api.content.create(
                self.desk,
                "LoanRequest",
                id=f"request-{mentor_id}-{month}",
                **loan_request_fields(
                    self.mentors[mentor_id],
                    preferred_dates=[{"start": f"{month}-08", "end": f"{month}-12"}],
                ),
            )

    def test_approve_with_the_chosen_mentor(self):
        loan = self._new()
        anna = self.mentors["anna-virtanen"]
        assert handling.take(loan, "approve", {"mentor": anna.UID()}) is None
        assert api.content.get_state(loan) == "approved"
        assert loan.mentor.to_object == anna

    def test_refused_at_the_monthly_maximum_stores_nothing(self):
        loan = self._new()
        refusal = handling.take(loan, "approve", {"mentor": self.mentors["maria-holm"].UID()})
        assert refusal.message == finnish(
            "${name} has reached the monthly maximum of loans (${maximum}) in ${month}.",
            name="Maria Holm",
            maximum=1,
            month="2/2027",
        )
        assert api.content.get_state(loan) == "submitted"

    def test_capacity_reads_only_the_loans_of_the_people_on_the_page(self, monkeypatch):
        maria = person(desk.people("fi"), "maria-holm")
        for number in range(2):
            loan = self._new(mentor_id="anna-virtanen")
            api.content.rename(loan, new_id=f"request-anna-{number}")
            assert handling.take(loan, "approve", {}) is None
        read = []
        original = Catalog.__getitem__

        def reading(catalog, rid):
            read.append(rid)
            return original(catalog, rid)

        monkeypatch.setattr(Catalog, "__getitem__", reading)
        capacity = desk.Capacity()
        capacity.expect(maria.uids)
        # Anna's two loans in Maria's month are not read to count Maria's one.
        assert capacity(maria, "2027-02") == (1, 1)
        assert len(read) == 1
        # Someone the page did not announce is counted on asking, and Maria not twice.
        anna = person(desk.people("fi"), "anna-virtanen")
        assert capacity(anna, "2027-02") == (2, anna.maximum)
        assert capacity(maria, "2027-02") == (1, 1)

    def test_refused_mentor_change_is_undone(self):
        # Erik's month is empty, Maria's full: a refusal for Maria leaves Erik's wish alone.
        loan = self._new(mentor_id="erik-lindqvist")
        refusal = handling.take(loan, "approve", {"mentor": self.mentors["maria-holm"].UID()})
        assert refusal is not None
        assert loan.mentor.to_object == self.mentors["erik-lindqvist"]
        catalog = api.portal.get_tool("portal_catalog")
        (brain,) = catalog(UID=loan.UID())
        assert brain.loan_mentor_uid == self.mentors["erik-lindqvist"].UID()

    def test_field_values_meet_the_schema(self):
        loan = self._new(mentor_id="anna-virtanen")
        assert handling.take(loan, "approve", {}) is None
        refusal = handling.take(
            loan,
            "schedule",
            {"scheduled_start": "tomorrow", "scheduled_end": "", "place": "Sali"},
        )
        assert refusal.field == "scheduled_start"
        refusal = handling.take(
            loan,
            "schedule",
            {
                "scheduled_start": "2027-02-10T10:00",
                "scheduled_end": "2027-02-10T09:00",
                "place": "Sali",
            },
        )
        assert refusal.message == finnish("The scheduled end must be after the start.")
        assert loan.scheduled_start is None
        assert (
            handling.take(
                loan,
                "schedule",
                {
                    "scheduled_start": "2027-02-10T10:00",
                    "scheduled_end": "2027-02-10T12:00",
                    "place": "Sali",
                },
            )
            is None
        )
        assert loan.scheduled_start.hour == 10
        refusal = handling.take(loan, "complete", {"outcome": "Hyvin meni", "hours_spent": "200"})
        assert refusal.field == "hours_spent"
        assert (
            handling.take(loan, "complete", {"outcome": "Hyvin meni", "hours_spent": "2,5"}) is None
        )
        assert loan.hours_spent == 2.5

    def test_reject_asks_for_the_reason(self):
        loan = self._new()
        refusal = handling.take(loan, "reject", {"comment": " "})
        assert refusal.message == finnish("Give the reason for the rejection as the comment.")
        assert handling.take(loan, "reject", {"comment": "Ei tänä keväänä."}) is None

    def test_a_step_the_state_does_not_offer(self):
        loan = self._new()
        refusal = handling.take(loan, "complete", {"outcome": "x", "hours_spent": "1"})
        assert refusal.message == finnish("This step is not possible for this request now.")


class TestMyLoans:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_integration):
        self.portal = demo_integration["portal"]
        self.request = demo_integration["request"]

    def test_mentor_sees_their_loans_by_group(self):
        login(self.portal, "johanna-bjork")
        groups = mine.as_mentor("johanna-bjork")
        assert ids(groups["upcoming"]) == {"pyynto-nuorisotalo-youtube"}
        assert not groups["to_schedule"] and not groups["done"]

    def test_wished_but_not_lent_is_not_a_loan(self):
        login(self.portal, "sanna-makinen")
        groups = mine.as_mentor("sanna-makinen")
        assert not any(groups.values())

    def test_groups(self):
        login(self.portal, "maria-holm")
        assert ids(mine.as_mentor("maria-holm")["to_schedule"]) == {"forfragan-korsholm-facebook"}
        login(self.portal, "erik-lindqvist")
        assert ids(mine.as_mentor("erik-lindqvist")["done"]) == {"pyynto-henkilostopalvelut-teams"}
        login(self.portal, "johanna-bjork")
        later = mine.as_mentor("johanna-bjork", now=api.portal.get().created() + 100000)
        assert ids(later["to_complete"]) == {"pyynto-nuorisotalo-youtube"}

    def test_mentor_steps_are_schedule_and_complete(self):
        login(self.portal, "maria-holm")
        steps = handling.Steps(self.portal["fi"])
        assert steps("approved", "Mentor") == ("schedule",)
        assert steps("scheduled", "Mentor") == ("complete",)
        assert "approve" not in steps("submitted", "Mentor")

    def test_member_sees_their_own_requests(self):
        api.user.create(username="elina", email="elina@example.org", password="secret-123456")
        login(self.portal, "elina")
        soon = date.today() + timedelta(weeks=6)
        fields = {
            key: value
            for key, value in loan_request_fields(
                preferred_dates=[{"start": soon.isoformat(), "end": soon.isoformat()}]
            ).items()
            if key in submission.VISITOR_FIELDS
        }
        fields["preferred_dates"] = [{"start": soon.isoformat(), "end": soon.isoformat()}]
        loan = submission.submit(self.portal["fi"], fields, "10.0.0.1")
        (brain,) = mine.as_requester("elina")
        assert loan.UID() == brain.UID
        assert "cancel" in handling.Steps(self.portal["fi"])("submitted", "Owner")
        assert handling.take(loan, "cancel", {}) is None
        assert api.content.get_state(loan) == "cancelled"
        logout()
        assert mine.as_requester("koordinaattori") == []


class TestWaiting:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_integration):
        self.portal = demo_integration["portal"]
        login(self.portal, COORDINATOR["username"])

    def test_marked_when_waiting_longer_than_the_setting(self):
        (brain,) = desk.queue(month="2027-03")
        created = brain.created.asdatetime().date()
        assert desk.waited_too_long(brain, today=created + timedelta(days=7)) == (7, False)
        assert desk.waited_too_long(brain, today=created + timedelta(days=8)) == (8, True)
        api.portal.set_registry_record("waiting_days", 10, interface=ISettings)
        assert desk.waited_too_long(brain, today=created + timedelta(days=8)) == (8, False)

    def test_only_a_request_still_waiting_is_marked(self):
        (brain,) = desk.queue(state="completed")
        later = brain.created.asdatetime().date() + timedelta(days=100)
        assert desk.waited_too_long(brain, today=later) == (100, False)
