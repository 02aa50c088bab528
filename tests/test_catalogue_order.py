"""The add-on's plonelocales and plone catalogues win over plone.app.locales'.

Core's Swedish catalogue writes times as 13:00 and dates as 2027-02-10; Vaasa's
Finland-Swedish pages write 13.00 and 10.02.2027. Where both catalogues translate
a msgid, zope.i18n takes the first registered, so the add-on puts its own first.
"""

from DateTime import DateTime
from plone.base.i18nl10n import ulocalized_time
from zope.i18n import translate

import pytest


# In the process's own zone: DateTime.strftime, which ulocalized_time uses, formats there.
AFTERNOON = DateTime(2027, 2, 10, 13, 0)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_time_format_is_the_addons(integration, language):
    assert translate("time_format", domain="plonelocales", target_language=language) == (
        "${H}.${M}"
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_times_and_dates_in_finnish_style(integration, language):
    portal = integration["portal"]
    request = integration["request"]

    def shown(**kw):
        return ulocalized_time(
            AFTERNOON, context=portal, request=request, target_language=language, **kw
        )

    assert shown(time_only=True) == "13.00"
    assert shown() == "10.02.2027"
    assert shown(long_format=True).endswith("13.00")


def test_english_keeps_core_formats(integration):
    """English is core's alone: the add-on ships no English formats."""
    assert translate("time_format", domain="plonelocales", target_language="en") == (
        "${I}:${M} ${p}"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fi", "Tulevat tapahtumat"), ("sv", "Kommande evenemang")],
)
def test_stock_msgid_core_leaves_empty(integration, language, expected):
    """plone.app.event's portlet title, which plone.app.locales has no fi/sv text for."""
    assert translate("box_events", domain="plone", target_language=language) == expected


def test_core_still_translates_what_the_addon_does_not(integration):
    assert translate("Published", domain="plone", target_language="fi") == "Julkaistu"
    assert translate("month_feb", domain="plonelocales", target_language="sv") == "Februari"
