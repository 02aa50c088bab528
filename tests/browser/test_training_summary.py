"""A training's "when" summary: kept between visits, told anew once the training changes."""

from datetime import timedelta
from plone import api
from plone.app.testing import logout
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest


class TestTrainingSummary:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_integration):
        self.request = demo_integration["request"]
        self.training = api.content.get(path="/fi/koulutukset/googlen-tyokalut")
        logout()

    def summary(self):
        view = api.content.get_view("training-view", self.training, self.request)
        return view.event_summary()

    def test_the_summary_tells_the_time(self):
        assert "13.00" in self.summary()
        assert "16.00" in self.summary()

    def test_an_edited_training_tells_its_new_time(self):
        before = self.summary()
        with api.env.adopt_roles(["Manager"]):
            self.training.start += timedelta(hours=1)
            self.training.end += timedelta(hours=1)
            # What the edit form does: the training is modified, and says so.
            notify(ObjectModifiedEvent(self.training))
        after = self.summary()
        assert after != before
        assert "14.00" in after
        assert "17.00" in after

    def test_each_training_has_its_own_summary(self):
        other = api.content.get(path="/sv/utbildningar/googles-verktyg")
        view = api.content.get_view("training-view", other, self.request)
        assert view.event_summary() != self.summary()
