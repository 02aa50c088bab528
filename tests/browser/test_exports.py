"""@@somementor-export: the period's requests and trainings open as CSV and as XLSX."""

from plone import api
from vaasa.somementor.browser.exports import safe
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD

import csv
import io
import openpyxl
import pytest
import requests
import transaction


COORDINATOR_LOGIN = (COORDINATOR["username"], DEMO_PASSWORD)
FUNDED = {"start": "2012-08-01", "end": "2013-06-30"}


@pytest.mark.parametrize(
    "value, shown",
    [
        ("=1+1", "'=1+1"),
        ("+358 40", "'+358 40"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Vaasa", "Vaasa"),
        (-2, -2),
    ],
)
def test_formula_injection_escaped(value, shown):
    assert safe(value) == shown


class TestExports:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_functional):
        self.portal = demo_functional["portal"]

    def get(self, site_url, auth=COORDINATOR_LOGIN, **params):
        return requests.get(
            f"{site_url}/fi/@@somementor-export", params=params, auth=auth, timeout=60
        )

    def test_trainings_as_csv(self, site_url):
        response = self.get(site_url, what="trainings", format="csv", **FUNDED)
        assert response.status_code == 200
        assert "attachment" in response.headers["Content-Disposition"]
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows) == 1 + 12
        assert sum(int(row[-1]) for row in rows[1:]) == 135

    def test_trainings_as_xlsx(self, site_url):
        response = self.get(site_url, what="trainings", format="xlsx", **FUNDED)
        assert response.status_code == 200
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.values)
        assert len(rows) == 1 + 12
        assert sum(row[-1] for row in rows[1:]) == 135

    def test_loans_escape_a_formula(self, site_url):
        transaction.begin()
        with api.env.adopt_roles(["Manager"]):
            [brain] = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
                portal_type="LoanRequest", id="pyynto-lyseo-instagram"
            )
            loan = brain._unrestrictedGetObject()
            loan.organisation = '=HYPERLINK("http://evil.example")'
            loan.reindexObject()
            transaction.commit()
        today = {"start": "2000-01-01", "end": "2100-12-31"}
        response = self.get(site_url, what="loans", format="csv", **today)
        assert response.status_code == 200
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows) > 2
        cells = [cell for row in rows for cell in row]
        assert '\'=HYPERLINK("http://evil.example")' in cells
        assert not any(cell.startswith("=") for cell in cells)
        heading = rows[0]
        assert "Kunta" in heading or "Municipality" in heading
        response = self.get(site_url, what="loans", format="xlsx", **today)
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        values = [cell for row in sheet.values for cell in row if isinstance(cell, str)]
        assert '\'=HYPERLINK("http://evil.example")' in values

    def test_bad_period_and_format(self, site_url):
        assert self.get(site_url, what="loans", format="csv").status_code == 400
        assert self.get(site_url, what="loans", format="pdf", **FUNDED).status_code == 400

    def test_anonymous_gets_nothing(self, site_url):
        response = self.get(site_url, auth=None, what="loans", format="csv", **FUNDED)
        assert "Tiina" not in response.text
        assert response.status_code in (200, 302, 401) and "attachment" not in response.headers.get(
            "Content-Disposition", ""
        )
