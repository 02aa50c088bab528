"""ring.py: the ring's mentors by cohort and department, its materials and its meetings."""

from datetime import datetime
from datetime import timedelta
from factories import mentor_fields
from factories import training_fields
from plone import api
from plone.api.exc import InvalidParameterError
from vaasa.somementor import ring

import pytest
import pytz


def _mentor(directory, id, state="published", **fields):
    mentor = api.content.create(directory, "Mentor", id=id, **mentor_fields(**fields))
    for transition in {"published": ("publish",), "retired": ("retire",)}.get(state, ()):
        api.content.transition(mentor, transition=transition)
    return mentor


def _names(groups):
    return [
        (cohort, [(department, [brain.Title for brain in brains]) for department, brains in deps])
        for cohort, deps in groups
    ]


@pytest.fixture
def ring_directory(directory):
    _mentor(directory, "anna", first_name="Anna", last_name="A", cohort=2012)
    _mentor(
        directory, "erik", first_name="Erik", last_name="E", cohort=2012, department="education"
    )
    _mentor(directory, "bo", first_name="Bo", last_name="B", cohort=2012, department="education")
    _mentor(directory, "maria", first_name="Maria", last_name="M", cohort=2013)
    _mentor(directory, "nils", first_name="Nils", last_name="N")
    _mentor(directory, "pekka", first_name="Pekka", last_name="P", cohort=2013, active=False)
    _mentor(directory, "ritva", state="retired", first_name="Ritva", last_name="R", cohort=2013)
    return directory


class TestCohorts:
    def test_newest_cohort_first_then_departments_then_names(self, ring_directory):
        assert _names(ring.cohorts(ring_directory)) == [
            (2013, [("library", ["Maria M"])]),
            (2012, [("education", ["Bo B", "Erik E"]), ("library", ["Anna A"])]),
            (None, [("library", ["Nils N"])]),
        ]

    def test_inactive_and_retired_mentors_are_left_out(self, ring_directory):
        names = {b.Title for _, deps in ring.cohorts(ring_directory) for _, bs in deps for b in bs}
        assert "Pekka P" not in names
        assert "Ritva R" not in names

    def test_only_mentors_of_this_directory(self, ring_directory, portal, manager):
        other = api.content.create(portal, "MentorDirectory", id="mentorer", title="Mentorer")
        _mentor(other, "linda", first_name="Linda", last_name="L", cohort=2013)
        [(cohort, [(department, brains)])] = ring.cohorts(other)
        assert (cohort, department, [b.Title for b in brains]) == (2013, "library", ["Linda L"])

    def test_rows_carry_what_the_page_shows(self, ring_directory):
        [(_, [(_, [maria])]), *_] = ring.cohorts(ring_directory)
        assert maria.mentor_skills == []
        assert maria.mentor_languages == ["fi", "sv"]
        assert maria.mentor_cohort == 2013


class TestMembers:
    def test_linked_profiles_that_are_not_retired(self, directory):
        _mentor(directory, "anna", user_id="anna-user")
        _mentor(directory, "pekka", active=False, user_id="pekka-user")
        _mentor(directory, "ritva", state="retired", user_id="ritva-user")
        _mentor(directory, "nils")
        assert ring.member_ids(directory) == ["anna-user", "pekka-user"]
        assert ring.is_member(directory, "anna-user")
        assert not ring.is_member(directory, "ritva-user")
        assert not ring.is_member(directory, None)


class TestMaterialsAndMeetings:
    def test_materials_are_the_files_and_links_of_the_folder(self, directory):
        assert ring.materials(directory) == []
        folder = api.content.create(directory, "Folder", id=ring.MATERIALS_ID, title="M")
        ring.share_materials(folder)
        api.content.create(folder, "Link", id="guide", title="Guide", remoteUrl="https://e.org")
        with pytest.raises(InvalidParameterError):
            # Files and Links only.
            api.content.create(folder, "Document", id="page", title="Page")
        assert [b.getId for b in ring.materials(directory)] == ["guide"]

    def test_share_materials_twice_changes_nothing(self, directory):
        folder = api.content.create(directory, "Folder", id=ring.MATERIALS_ID, title="M")
        ring.share_materials(folder)
        roles = dict(folder.get_local_roles())
        ring.share_materials(folder)
        assert dict(folder.get_local_roles()) == roles
        assert set(roles["mentor-coordinators"]) == {"Editor", "Contributor", "Reader"}

    def test_upcoming_ring_meetings_only(self, programme, directory):
        now = datetime.now(pytz.utc)

        def training(id, kind, days):
            start = now + timedelta(days=days)
            fields = training_fields(kind=kind, start=start, end=start + timedelta(hours=2))
            return api.content.create(programme, "Training", id=id, **fields)

        training("later", "ring-meeting", 30)
        training("soon", "ring-meeting", 3)
        training("past", "ring-meeting", -3)
        training("course", "training", 5)
        assert [b.getId for b in ring.upcoming_meetings(directory)] == ["soon", "later"]
