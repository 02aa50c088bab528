from datetime import datetime
from datetime import timedelta
from plone import api
from vaasa.somementor.loans import rate_limit

import pytest
import pytz


@pytest.fixture(autouse=True)
def forget_rate_limit():
    rate_limit.reset()
    yield
    rate_limit.reset()


@pytest.fixture
def make_training(programme):
    def make(id="teams", capacity=2, days=30, **fields):
        start = pytz.timezone("Europe/Helsinki").localize(
            datetime.now().replace(microsecond=0) + timedelta(days=days)
        )
        training = api.content.create(
            programme,
            "Training",
            id=id,
            title="Teams meetings in practice",
            start=start,
            end=start + timedelta(hours=3),
            language_group="fi",
            training_format=fields.pop("training_format", "remote"),
            capacity=capacity,
            meeting_url="https://meet.example.org/teams",
            **fields,
        )
        api.content.transition(training, to_state="published")
        return training

    return make


@pytest.fixture
def training(make_training):
    return make_training()
