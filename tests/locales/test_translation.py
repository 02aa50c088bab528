"""Plone really loads the catalogues: messages come out in Finnish and Swedish.

The .mo files are not in git; zope.i18n compiles them from the .po files when
Zope reads the ZCML, if the environment variable zope_i18n_compile_mo_files is
set by then (vaasa.somementor.testing sets it for the test layers).
"""

from vaasa.somementor import _
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

import pytest


NOT_LOADED = (
    "The {domain} catalogue for {language} is not loaded: zope.i18n compiles .po to .mo "
    "only when the environment variable zope_i18n_compile_mo_files is set before the ZCML "
    'is read, e.g. os.environ.setdefault("zope_i18n_compile_mo_files", "true") at the '
    "top of src/vaasa/somementor/testing.py."
)


def check(message, language, expected, domain="vaasa.somementor"):
    result = translate(message, domain=domain, target_language=language)
    assert result != str(message), NOT_LOADED.format(domain=domain, language=language)
    assert result == expected


@pytest.mark.parametrize(("language", "expected"), [("sv", "Förnamn"), ("fi", "Etunimi")])
def test_field_title(integration, language, expected):
    check(_("First name"), language, expected)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("sv", "Antal mentorer som hittades: 3."), ("fi", "Löytyneitä mentoreita: 3.")],
)
def test_mapping(integration, language, expected):
    check(_("Mentors found: ${count}.", mapping={"count": 3}), language, expected)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("sv", "Arbetsflöde för låneförfrågningar"), ("fi", "Lainapyyntöjen työnkulku")],
)
def test_workflow_title_in_plone_domain(integration, language, expected):
    check("Loan desk workflow", language, expected, domain="plone")


def test_plone_core_still_translates_its_own_words(integration):
    """Our plone.po adds to Plone's catalogue and does not replace it."""
    assert translate("Published", domain="plone", target_language="sv") == "Publicerad"


@pytest.mark.parametrize(
    ("language", "expected"), [("sv", "Undervisningsväsendet"), ("fi", "Opetustoimi")]
)
def test_department_from_registry(integration, language, expected):
    """Department names live in the registry and come from manual.pot."""
    portal = integration["portal"]
    vocabulary = getUtility(IVocabularyFactory, "vaasa.somementor.Departments")(portal)
    check(vocabulary.getTerm("education").title, language, expected)
