from factories import mentor_fields
from plone import api

import pytest


@pytest.fixture
def manager(portal):
    with api.env.adopt_roles(["Manager"]):
        yield


@pytest.fixture
def directory(portal, manager):
    return api.content.create(portal, "MentorDirectory", id="mentorit", title="Mentorit")


@pytest.fixture
def programme(portal, manager):
    return api.content.create(portal, "TrainingProgramme", id="koulutukset", title="Koulutukset")


@pytest.fixture
def desk(portal, manager):
    return api.content.create(portal, "LoanDesk", id="lainapyynnot", title="Lainapyynnöt")


@pytest.fixture
def mentor(directory):
    return api.content.create(
        directory, "Mentor", title="ignored: the name fields win", **mentor_fields()
    )
