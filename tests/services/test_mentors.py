"""GET @mentors: the directory's mentors, filters and counts for a headless client."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest
import requests


HEADERS = {"Accept": "application/json"}


def mentors(url, auth=None, **params):
    return requests.get(f"{url}/@mentors", params=params, headers=HEADERS, auth=auth, timeout=30)


@pytest.fixture
def api_url(site_url):
    return site_url.replace("/plone", "/plone/++api++")


class TestMentors:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_functional):
        self.portal = demo_functional["portal"]

    def test_anonymous_gets_published_active_mentors_with_facets(self, api_url):
        response = mentors(f"{api_url}/fi/mentorit")
        assert response.status_code == 200, response.text
        answer = response.json()
        names = [item["title"] for item in answer["items"]]
        assert "Anna Virtanen" in names
        # Not taking loans, and so not listed.
        assert "Pekka Laine" not in names
        assert answer["items_total"] == len(names)
        assert all(item["review_state"] == "published" for item in answer["items"])
        assert {"skill", "language", "department", "format"} == set(answer["facets"])
        library = next(t for t in answer["facets"]["department"] if t["token"] == "library")
        assert library["title"] == "Kirjasto"
        assert library["count"] == sum(
            1 for item in answer["items"] if item["department"]["token"] == "library"
        )

    def test_filter_narrows_items_and_keeps_other_counts(self, api_url):
        everyone = mentors(f"{api_url}/fi/mentorit").json()
        swedish = mentors(f"{api_url}/fi/mentorit", language="sv").json()
        assert 0 < swedish["items_total"] < everyone["items_total"]
        assert all(
            "sv" in [term["token"] for term in item["languages"]] for item in swedish["items"]
        )
        # The language facet's own counts stay those of the other filters.
        assert swedish["facets"]["language"] == [
            {**term, "selected": term["token"] == "sv"} for term in everyone["facets"]["language"]
        ]

    def test_text_and_format_filters(self, api_url):
        found = mentors(f"{api_url}/sv/mentorer", q="Virtanen").json()
        assert [item["title"] for item in found["items"]] == ["Anna Virtanen"]
        assert found["items"][0]["job_title"]
        remote = mentors(f"{api_url}/sv/mentorer", format="remote").json()
        assert all(
            "remote" in [term["token"] for term in item["loan_formats"]] for item in remote["items"]
        )

    def test_batching(self, api_url):
        first = mentors(f"{api_url}/fi/mentorit", b_size="2").json()
        assert len(first["items"]) == 2
        assert "next" in first["batching"]
        second = mentors(f"{api_url}/fi/mentorit", b_size="2", b_start="2").json()
        assert {item["UID"] for item in first["items"]}.isdisjoint(
            item["UID"] for item in second["items"]
        )

    @pytest.mark.parametrize(
        "params",
        [
            {"b_size": "abc"},
            {"b_size": "0"},
            {"b_size": "100000"},
            {"b_start": "-1"},
            {"q": "x" * 500},
            {"skill": ["facebook", "instagram"]},
        ],
    )
    def test_bad_query_is_a_translated_400(self, api_url, params):
        response = mentors(f"{api_url}/fi/mentorit", **params)
        assert response.status_code == 400, response.text
        assert response.json()["error"]["message"]

    @pytest.mark.parametrize("text", ["(", "not", "*", '"', "AND OR"])
    def test_search_text_never_fails(self, api_url, text):
        assert mentors(f"{api_url}/fi/mentorit", q=text).status_code == 200

    def test_language_root_lists_its_language(self, api_url):
        answer = mentors(f"{api_url}/en").json()
        assert answer["items"] and {item["language"] for item in answer["items"]} == {"en"}

    def test_coordinator_also_sees_private_mentors(self, api_url):
        manager = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        everyone = mentors(f"{api_url}/fi/mentorit", auth=manager, b_size="100").json()
        anonymous = mentors(f"{api_url}/fi/mentorit", b_size="100").json()
        assert everyone["items_total"] >= anonymous["items_total"]


class TestBorrowDescribed:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_functional):
        self.portal = demo_functional["portal"]

    def test_anonymous_reads_the_form_translated(self, api_url):
        response = requests.get(
            f"{api_url}/sv/mentorer/anna-virtanen/@borrow", headers=HEADERS, timeout=30
        )
        assert response.status_code == 200, response.text
        form = response.json()
        assert form["mentor"]["title"] == "Anna Virtanen"
        assert "mentor" not in form["properties"]
        assert "requester_name" in form["required"]
        dates = form["properties"]["preferred_dates"]
        assert dates["type"] == "array"
        assert set(dates["items"]["properties"]) == {"start", "end"}
        language = form["properties"]["preferred_language"]
        assert ["sv", "Svenska"] in language["choices"]
        assert form["properties"]["municipality"]["default"] == "Vaasa"
        assert form["honeypot"] == "website"

    def test_language_root_offers_the_mentors(self, api_url):
        form = requests.get(f"{api_url}/fi/@borrow", headers=HEADERS, timeout=30).json()
        names = [title for _token, title in form["properties"]["mentor"]["choices"]]
        assert "Anna Virtanen" in names
        assert "Pekka Laine" not in names

    def test_mentor_not_lending_is_not_found(self, api_url):
        response = requests.get(
            f"{api_url}/fi/mentorit/pekka-laine/@borrow", headers=HEADERS, timeout=30
        )
        assert response.status_code == 404

    def test_borrow_at_a_language_root_with_a_chosen_mentor(self, api_url):
        from factories import borrow_fields
        from vaasa.somementor.loans import rate_limit

        rate_limit.reset()
        form = requests.get(f"{api_url}/sv/@borrow", headers=HEADERS, timeout=30).json()
        uid = next(t for t, title in form["properties"]["mentor"]["choices"] if "Erik" in title)
        response = requests.post(
            f"{api_url}/sv/@borrow",
            json=borrow_fields(mentor=uid, requester_name="Rootborrower"),
            headers={**HEADERS, "Content-Type": "application/json"},
            timeout=30,
        )
        assert response.status_code == 201, response.text

    def test_types_describe_the_wished_dates_as_rows(self, api_url):
        manager = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        schema = requests.get(
            f"{api_url}/@types/LoanRequest", headers=HEADERS, auth=manager, timeout=30
        ).json()
        dates = schema["properties"]["preferred_dates"]
        assert dates["type"] == "array"
        assert dates["items"]["properties"]["start"]["widget"] == "date"
        volto = dates["widgetOptions"]["frontendOptions"]
        assert volto["widget"] == "object_list"
        row = volto["widgetProps"]["schema"]
        assert row["fieldsets"][0]["fields"] == ["start", "end"]
        assert row["required"] == ["start", "end"]
        skills = schema["properties"]["skills_needed"]
        assert skills["widgetOptions"]["frontendOptions"]["widget"] == "checkbox_group"
