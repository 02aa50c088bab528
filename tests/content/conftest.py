from factories import mentor_fields
from plone import api

import pytest


@pytest.fixture
def mentor(directory):
    return api.content.create(
        directory, "Mentor", title="ignored: the name fields win", **mentor_fields()
    )
