"""Where each type may be added: items only inside their own container."""

from plone import api
from plone.api.exc import InvalidParameterError

import pytest


ITEMS_AND_HOMES = [
    ("Mentor", "directory"),
    ("Training", "programme"),
    ("LoanRequest", "desk"),
]


@pytest.mark.parametrize("portal_type,home", ITEMS_AND_HOMES)
def test_item_not_addable_at_site_root(portal, manager, portal_type, home):
    with pytest.raises(InvalidParameterError):
        api.content.create(portal, portal_type, id="x", title="x")


@pytest.mark.parametrize("portal_type,home", ITEMS_AND_HOMES)
def test_container_offers_only_its_item(request, portal_type, home):
    container = request.getfixturevalue(home)
    allowed = [fti.getId() for fti in container.allowedContentTypes()]
    # A directory also holds the mentor ring's materials folder (ring.MATERIALS_ID).
    extra = ["Folder"] if home == "directory" else []
    assert sorted(allowed) == sorted([portal_type, *extra])


@pytest.mark.parametrize("portal_type,home", ITEMS_AND_HOMES)
def test_items_not_addable_in_other_containers(request, portal_type, home):
    others = [other for _type, other in ITEMS_AND_HOMES if other != home]
    for other in others:
        container = request.getfixturevalue(other)
        with pytest.raises(InvalidParameterError):
            api.content.create(container, portal_type, id="x", title="x")


def test_containers_addable_at_site_root(portal, manager):
    addable = {fti.getId() for fti in portal.allowedContentTypes()}
    assert {"MentorDirectory", "TrainingProgramme", "LoanDesk"} <= addable
    assert not {"Mentor", "Training", "LoanRequest"} & addable
