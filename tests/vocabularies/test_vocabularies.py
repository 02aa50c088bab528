from plone import api
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

import pytest


EXPECTED = {
    "vaasa.somementor.Departments": {
        "library",
        "education",
        "youth-services",
        "communications",
        "other-city-unit",
        "other-municipality",
    },
    "vaasa.somementor.Skills": {
        "facebook",
        "instagram",
        "x-twitter",
        "youtube",
        "linkedin",
        "tiktok",
        "blogs",
        "google-tools",
        "microsoft-365",
        "online-meetings",
        "e-learning",
        "copyright-privacy",
        "information-literacy",
        "mobile-devices",
        "e-books",
        "youth-online-safety",
    },
    "vaasa.somementor.Languages": {"fi", "sv", "en"},
    "vaasa.somementor.LoanFormats": {"on-site", "remote"},
    "vaasa.somementor.LanguageGroups": {"fi", "sv", "regional"},
    "vaasa.somementor.TrainingKinds": {"training", "event", "ring-meeting"},
    "vaasa.somementor.TrainingFormats": {"in-person", "remote", "recorded"},
}


def vocabulary(name, context):
    return getUtility(IVocabularyFactory, name)(context)


@pytest.mark.parametrize("name,tokens", EXPECTED.items())
def test_vocabulary_terms(portal, name, tokens):
    assert {term.token for term in vocabulary(name, portal)} == tokens


def test_term_titles_are_readable(portal):
    skills = vocabulary("vaasa.somementor.Skills", portal)
    title = skills.getTerm("youth-online-safety").title
    assert translate(title, target_language="en") == "Young people's online safety"


def test_site_administrator_can_add_a_department(portal):
    record = "vaasa.somementor.departments"
    departments = dict(api.portal.get_registry_record(record))
    departments["korsholm"] = "Korsholm municipality"
    api.portal.set_registry_record(record, departments)
    terms = vocabulary("vaasa.somementor.Departments", portal)
    assert translate(terms.getTerm("korsholm").title) == "Korsholm municipality"


@pytest.mark.parametrize("name,tokens", EXPECTED.items())
def test_rest_api_serves_vocabulary(anon_request, name, tokens):
    response = anon_request.get(f"/@vocabularies/{name}", params={"b_size": 100})
    assert response.status_code == 200, response.text
    assert {item["token"] for item in response.json()["items"]} == tokens
