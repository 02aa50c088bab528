"""ring_roles.py: the ring's mentors open the ring page and share in its materials folder."""

from factories import mentor_fields
from plone import api
from vaasa.somementor import ring

import pytest


VIEW_RING = "vaasa.somementor: View mentor ring"


@pytest.fixture
def users(portal):
    for username in ("anna-user", "member", "kaisa"):
        api.user.create(username=username, email=f"{username}@example.org", password="secret-1234")
    api.group.add_user(groupname="mentor-coordinators", username="kaisa")


@pytest.fixture
def anna(directory, users):
    mentor = api.content.create(directory, "Mentor", id="anna", **mentor_fields())
    mentor.user_id = "anna-user"
    mentor.reindexObject()
    api.content.transition(mentor, transition="publish")
    return mentor


@pytest.fixture
def materials(directory, users):
    folder = api.content.create(directory, "Folder", id=ring.MATERIALS_ID, title="Materials")
    ring.share_materials(folder)
    api.content.create(folder, "Link", id="guide", title="Guide", remoteUrl="https://e.org")
    return folder


def _can(username, permission, obj):
    return api.user.has_permission(permission, username=username, obj=obj)


def _found(username, **query):
    with api.env.adopt_user(username=username):
        return [brain.getId for brain in api.content.find(**query)]


class TestRingPage:
    def test_linked_mentor_and_coordinator_may_see_it_a_member_not(self, directory, anna):
        assert _can("anna-user", VIEW_RING, directory)
        assert _can("kaisa", VIEW_RING, directory)
        assert not _can("member", VIEW_RING, directory)

    def test_the_ring_role_opens_nothing_else_in_the_directory(self, directory, anna):
        other = api.content.create(directory, "Mentor", id="erik", **mentor_fields())
        assert "MentorRingMember" in api.user.get_roles(username="anna-user", obj=other)
        # Another mentor's private profile stays closed, and no Mentor can be added.
        assert not _can("anna-user", "View", other)
        assert not _can("anna-user", "Modify portal content", other)
        assert not _can("anna-user", "vaasa.somementor: Add Mentor", directory)

    def test_retiring_the_profile_leaves_the_ring(self, directory, anna):
        api.content.transition(anna, transition="retire")
        assert not _can("anna-user", VIEW_RING, directory)

    def test_a_profile_in_another_directory_opens_only_that_ring(self, portal, directory, anna):
        other = api.content.create(portal, "MentorDirectory", id="mentorer", title="Mentorer")
        assert not _can("anna-user", VIEW_RING, other)


class TestMaterialsFolder:
    def test_private_for_members_and_visitors(self, materials):
        assert api.content.get_state(materials) == "private"
        assert not _can("member", "View", materials)
        assert not _can("member", "View", materials["guide"])
        assert _found("member", portal_type=["Folder", "Link"]) == []

    def test_ring_mentor_reads_and_adds_files_and_links(self, anna, materials):
        assert _can("anna-user", "View", materials["guide"])
        assert _can("anna-user", "Add portal content", materials)
        assert _can("anna-user", "plone.app.contenttypes: Add Link", materials)
        assert _can("anna-user", "plone.app.contenttypes: Add File", materials)
        assert "guide" in _found("anna-user", portal_type="Link")

    def test_ring_mentor_cannot_publish_or_edit_others_material(self, anna, materials):
        assert not _can("anna-user", "Review portal content", materials["guide"])
        assert not _can("anna-user", "Modify portal content", materials["guide"])

    def test_coordinators_look_after_it(self, materials):
        assert _can("kaisa", "View", materials["guide"])
        assert _can("kaisa", "Modify portal content", materials["guide"])
        assert "guide" in _found("kaisa", portal_type="Link")

    def test_a_newly_linked_mentor_finds_the_materials_at_once(self, directory, materials, users):
        mentor = api.content.create(directory, "Mentor", id="anna", **mentor_fields())
        assert "guide" not in _found("anna-user", portal_type="Link")
        mentor.user_id = "anna-user"
        api.content.transition(mentor, transition="publish")
        assert "guide" in _found("anna-user", portal_type="Link")

    def test_another_folder_gives_nobody_a_role(self, directory, anna):
        folder = api.content.create(directory.aq_parent, "Folder", id="materials", title="M")
        assert not _can("anna-user", "View", folder)
