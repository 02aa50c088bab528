"""A training's links and registration deadline: web addresses only, shared by translations."""

from datetime import datetime
from plone.app.multilingual.dx.interfaces import ILanguageIndependentField
from vaasa.somementor.content.training import ITraining
from zope.i18n import translate
from zope.schema import ValidationError

import pytest


LINKS = ("meeting_url", "recording_url")


@pytest.mark.parametrize("name", LINKS)
@pytest.mark.parametrize(
    "value",
    ["javascript:alert(1)", "file:///etc/passwd", "mailto:anna@example.org", "ftp://x.org/a"],
)
def test_link_must_be_a_web_address(portal, name, value):
    with pytest.raises(ValidationError) as caught:
        ITraining[name].validate(value)
    message = translate(caught.value.doc(), target_language="en")
    assert "starts with https:// or http://" in message


@pytest.mark.parametrize("name", LINKS)
@pytest.mark.parametrize(
    "value", ["https://video.example.org/somementori/1", "http://connect.example.org/room"]
)
def test_web_address_accepted(portal, name, value):
    ITraining[name].validate(value)


def test_materials_are_web_addresses_too(portal):
    with pytest.raises(ValidationError):
        ITraining["materials"].validate(["javascript:alert(1)"])
    ITraining["materials"].validate(["https://example.org/slides.pdf"])


@pytest.mark.parametrize("name", [*LINKS, "registration_deadline"])
def test_optional_and_shared_by_the_translations(name):
    assert not ITraining[name].required
    assert ILanguageIndependentField.providedBy(ITraining[name])


def test_registration_deadline_is_a_moment(portal):
    ITraining["registration_deadline"].validate(datetime(2027, 2, 8, 16, 0))
    with pytest.raises(ValidationError):
        ITraining["registration_deadline"].validate("2027-02-08")
