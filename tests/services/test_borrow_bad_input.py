"""POST @borrow fed hostile input: a 4xx with a message for every case, and nothing stored.

Each row is one thing an outside client may send. The answer must be the
status named, never a 500; a 400 names the field in Finnish (the desk is
Finnish); and the count of loan requests does not move.
"""

from datetime import date
from datetime import timedelta
from factories import borrow_fields
from factories import mentor_fields
from plone import api
from vaasa.somementor.loans import rate_limit

import json
import pytest
import requests
import transaction


VALID = borrow_fields()
JSON_TYPE = "application/json"
# zope.schema's English, which a Finnish visitor must never read.
LEAKS = ("wrong type", "Constraint not satisfied", "Wrong contained", "too long", "Required")


def body(**changes):
    """The valid request with ``changes``; a value of DROP leaves the field out."""
    data = {key: value for key, value in {**VALID, **changes}.items() if value is not DROP}
    return json.dumps(data).encode("utf-8")


DROP = object()


def days(count):
    return str(date.today() + timedelta(days=count))


def ranges(*pairs):
    return [{"start": start, "end": end} for start, end in pairs]


# (case, raw body, Content-Type, status, field that must be named or None)
CASES = [
    # The body itself
    ("not JSON", b"hello", JSON_TYPE, 400, None),
    ("truncated JSON", body()[:40], JSON_TYPE, 400, None),
    ("empty body", b"", JSON_TYPE, 400, None),
    ("form-encoded", b"requester_name=Elina", "application/x-www-form-urlencoded", 415, None),
    ("text/plain", body(), "text/plain", 415, None),
    ("no Content-Type", body(), "", 415, None),
    ("invalid UTF-8", b'{"need": "\xff\xfe\xfd"}', JSON_TYPE, 400, None),
    ("JSON array", b"[1, 2]", JSON_TYPE, 400, None),
    ("JSON string", b'"borrow"', JSON_TYPE, 400, None),
    ("JSON number", b"42", JSON_TYPE, 400, None),
    ("JSON null", b"null", JSON_TYPE, 400, None),
    ("nested 5,000 deep", b"[" * 5000 + b"]" * 5000, JSON_TYPE, 400, None),
    (
        "nested 5,000 deep in a field",
        body()[:-1] + b', "need": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        JSON_TYPE,
        400,
        None,
    ),
    (
        "5,000-digit number",
        body()[:-1] + b', "expected_participants": 1' + b"0" * 5000 + b"}",
        JSON_TYPE,
        400,
        None,
    ),
    ("body over 64 kB", body(need="a" * 70_000), JSON_TYPE, 413, None),
    ("1 MB name", body(requester_name="N" * 1_000_000), JSON_TYPE, 413, None),
    (
        "10,000 date ranges",
        body(preferred_dates=ranges(*[(days(9), days(9))] * 10_000)),
        JSON_TYPE,
        413,
        None,
    ),
    ("10,000 skills", body(skills_needed=["instagram"] * 10_000), JSON_TYPE, 413, None),
    # Text fields
    ("name too long", body(requester_name="N" * 201), JSON_TYPE, 400, "requester_name"),
    ("need too long", body(need="a" * 5001), JSON_TYPE, 400, "need"),
    ("organisation too long", body(organisation="O" * 201), JSON_TYPE, 400, "organisation"),
    ("phone too long", body(requester_phone="0" * 51), JSON_TYPE, 400, "requester_phone"),
    ("municipality too long", body(municipality="M" * 101), JSON_TYPE, 400, "municipality"),
    ("NUL in a name", body(requester_name="Elina\x00"), JSON_TYPE, 400, "requester_name"),
    ("newline in a name", body(requester_name="Elina\nKallio"), JSON_TYPE, 400, "requester_name"),
    ("escape in the need", body(need="Instagram\x1b[31m"), JSON_TYPE, 400, "need"),
    ("DEL in the organisation", body(organisation="Kirjasto\x7f"), JSON_TYPE, 400, "organisation"),
    ("bell in the municipality", body(municipality="Laihia\x07"), JSON_TYPE, 400, "municipality"),
    ("lone surrogate in the need", body(need="\ud800"), JSON_TYPE, 400, "need"),
    (
        "lone surrogate in a name",
        body(requester_name="Eli\udfffna"),
        JSON_TYPE,
        400,
        "requester_name",
    ),
    ("name as a list", body(requester_name=["Elina"]), JSON_TYPE, 400, "requester_name"),
    ("name as a number", body(requester_name=7), JSON_TYPE, 400, "requester_name"),
    (
        "name as an object",
        body(requester_name={"first": "Elina"}),
        JSON_TYPE,
        400,
        "requester_name",
    ),
    ("need left out", body(need=DROP), JSON_TYPE, 400, "need"),
    ("need empty", body(need=""), JSON_TYPE, 400, "need"),
    ("organisation null", body(organisation=None), JSON_TYPE, 400, "organisation"),
    # Email
    ("email without domain", body(requester_email="elina@"), JSON_TYPE, 400, "requester_email"),
    (
        "email with a space",
        body(requester_email="eli na@example.org"),
        JSON_TYPE,
        400,
        "requester_email",
    ),
    (
        "email too long",
        body(requester_email="e" * 250 + "@example.org"),
        JSON_TYPE,
        400,
        "requester_email",
    ),
    (
        "email with a newline",
        body(requester_email="a@b.org\nBcc: x@y.org"),
        JSON_TYPE,
        400,
        "requester_email",
    ),
    # Choices
    ("unknown language", body(preferred_language="de"), JSON_TYPE, 400, "preferred_language"),
    ("language as a list", body(preferred_language=["fi"]), JSON_TYPE, 400, "preferred_language"),
    ("unknown format", body(loan_format="teleport"), JSON_TYPE, 400, "loan_format"),
    ("format as an object", body(loan_format={"x": 1}), JSON_TYPE, 400, "loan_format"),
    ("unknown skill", body(skills_needed=["hacking"]), JSON_TYPE, 400, "skills_needed"),
    ("skill as an object", body(skills_needed=[{"a": 1}]), JSON_TYPE, 400, "skills_needed"),
    ("skills as a string", body(skills_needed="instagram"), JSON_TYPE, 400, "skills_needed"),
    (
        "more skills than exist",
        body(skills_needed=["instagram"] * 20),
        JSON_TYPE,
        400,
        "skills_needed",
    ),
    (
        "a skill twice",
        body(skills_needed=["instagram", "instagram"]),
        JSON_TYPE,
        400,
        "skills_needed",
    ),
    # Consent
    ("consent false", body(consent=False), JSON_TYPE, 400, "consent"),
    ("consent as a word", body(consent="yes"), JSON_TYPE, 400, "consent"),
    ("consent left out", body(consent=DROP), JSON_TYPE, 400, "consent"),
    # Numbers
    (
        "participants 10**30",
        body(expected_participants=10**30),
        JSON_TYPE,
        400,
        "expected_participants",
    ),
    (
        "participants over 1,000",
        body(expected_participants=1001),
        JSON_TYPE,
        400,
        "expected_participants",
    ),
    (
        "participants below zero",
        body(expected_participants=-1),
        JSON_TYPE,
        400,
        "expected_participants",
    ),
    (
        "participants as a word",
        body(expected_participants="many"),
        JSON_TYPE,
        400,
        "expected_participants",
    ),
    (
        "participants true",
        body(expected_participants=True),
        JSON_TYPE,
        400,
        "expected_participants",
    ),
    ("participants 2.5", body(expected_participants=2.5), JSON_TYPE, 400, "expected_participants"),
    (
        "participants NaN",
        body()[:-1] + b', "expected_participants": NaN}',
        JSON_TYPE,
        400,
        "expected_participants",
    ),
    # Wished dates
    (
        "date as YYYYMMDD",
        body(preferred_dates=ranges(("20631103", "20631105"))),
        JSON_TYPE,
        400,
        "preferred_dates",
    ),
    (
        "date as an ISO week",
        body(preferred_dates=ranges(("2027-W10-1", "2027-W10-5"))),
        JSON_TYPE,
        400,
        "preferred_dates",
    ),
    (
        "date with a time",
        body(preferred_dates=ranges((days(9) + "T10:00", days(10)))),
        JSON_TYPE,
        400,
        "preferred_dates",
    ),
    (
        "date that does not exist",
        body(preferred_dates=ranges(("2027-02-30", "2027-03-01"))),
        JSON_TYPE,
        400,
        "preferred_dates",
    ),
    (
        "date in the past",
        body(preferred_dates=ranges((days(-3), days(2)))),
        JSON_TYPE,
        400,
        "preferred_dates",
    ),
    (
        "date in year 9999",
        body(preferred_dates=ranges(("9999-01-01", "9999-01-02"))),
        JSON_TYPE,
        400,
        "preferred_dates",
    ),
    (
        "date beyond the horizon",
        body(preferred_dates=ranges((days(9), days(600)))),
        JSON_TYPE,
        400,
        "preferred_dates",
    ),
    (
        "range reversed",
        body(preferred_dates=ranges((days(12), days(9)))),
        JSON_TYPE,
        400,
        "preferred_dates",
    ),
    (
        "range without an end",
        body(preferred_dates=[{"start": days(9)}]),
        JSON_TYPE,
        400,
        "preferred_dates",
    ),
    (
        "range with an extra key",
        body(preferred_dates=[{"start": days(9), "end": days(9), "x": 1}]),
        JSON_TYPE,
        400,
        "preferred_dates",
    ),
    (
        "range dates as numbers",
        body(preferred_dates=[{"start": 20270301, "end": 20270302}]),
        JSON_TYPE,
        400,
        "preferred_dates",
    ),
    (
        "eleven ranges",
        body(preferred_dates=ranges(*[(days(9), days(9))] * 11)),
        JSON_TYPE,
        400,
        "preferred_dates",
    ),
    ("no ranges", body(preferred_dates=[]), JSON_TYPE, 400, "preferred_dates"),
    ("ranges as a string", body(preferred_dates="next week"), JSON_TYPE, 400, "preferred_dates"),
    (
        "ranges as an object",
        body(preferred_dates={"start": days(9), "end": days(9)}),
        JSON_TYPE,
        400,
        "preferred_dates",
    ),
    # The wished mentor, asked at the desk
    ("mentor as an object", body(mentor={"uid": "x"}), JSON_TYPE, 400, "mentor"),
    ("mentor as a number", body(mentor=12345), JSON_TYPE, 400, "mentor"),
    ("mentor as a list", body(mentor=["x"]), JSON_TYPE, 400, "mentor"),
    ("unknown mentor", body(mentor="0" * 32), JSON_TYPE, 400, "mentor"),
    ("mentor not a UID", body(mentor="../../acl_users"), JSON_TYPE, 400, "mentor"),
    ("mentor with a surrogate", body(mentor="\ud800" * 32), JSON_TYPE, 400, "mentor"),
    # Robots
    ("honeypot filled", body(website="http://spam.example"), JSON_TYPE, 400, None),
]


def count_requests():
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    return len(catalog.unrestrictedSearchResults(portal_type="LoanRequest"))


def post(url, raw, content_type, **headers):
    if content_type:
        headers["Content-Type"] = content_type
    return requests.post(
        f"{url}/@borrow", data=raw, headers={"Accept": "application/json", **headers}, timeout=60
    )


class TestBadInput:
    @pytest.fixture
    def desk_url(self, site_url):
        rate_limit.reset()
        return f"{site_url}/++api++/fi/lainapyynnot"

    @pytest.mark.parametrize(
        "raw,content_type,status,field",
        [case[1:] for case in CASES],
        ids=[case[0] for case in CASES],
    )
    def test_refused_and_nothing_stored(self, desk_url, raw, content_type, status, field):
        before = count_requests()
        response = post(desk_url, raw, content_type)
        assert response.status_code == status, response.text[:500]
        payload = response.json()
        # The site refuses a body nested too deep before @borrow runs, in plone.restapi's shape.
        error = payload.get("error", payload)
        assert error["message"]
        if field is not None:
            named = {item["field"]: item["message"] for item in error["errors"]}
            assert field in named, named
            assert not any(leak in named[field] for leak in LEAKS), named[field]
            assert None not in named
        assert count_requests() == before

    def test_the_table_is_long_enough(self):
        assert len(CASES) >= 60

    def test_the_valid_request_is_stored(self, desk_url):
        # The table's base request itself is fine: each row breaks one thing only.
        before = count_requests()
        assert post(desk_url, body(), JSON_TYPE).status_code == 201
        assert count_requests() == before + 1


class TestHiddenMentors:
    """Unpublished, retired, inactive and unknown mentors get one answer that tells nothing."""

    @pytest.fixture
    def hidden(self, demo_functional):
        directory = api.content.get(path="/fi/mentorit")
        with api.env.adopt_roles(["Manager"]):
            private = api.content.create(
                directory, "Mentor", id="luonnos", **mentor_fields(first_name="Luonnos")
            )
            retired = api.content.create(
                directory, "Mentor", id="eläkkeellä", **mentor_fields(first_name="Eläkkeellä")
            )
            api.content.transition(retired, to_state="published")
            api.content.transition(retired, to_state="retired")
            inactive = api.content.get(path="/fi/mentorit/pekka-laine")
            # Staff only: the desk is not even visible to the test's own user.
            desk = api.content.get(path="/fi/lainapyynnot")
        transaction.commit()
        return {
            "private": private.UID(),
            "retired": retired.UID(),
            "inactive": inactive.UID(),
            "unknown": "f" * 32,
            "not a mentor": desk.UID(),
        }

    @pytest.fixture
    def site_api(self, site_url):
        rate_limit.reset()
        return f"{site_url}/++api++"

    def test_by_uid_at_the_desk(self, hidden, site_api):
        before = count_requests()
        answers = {
            kind: post(f"{site_api}/fi/lainapyynnot", body(mentor=uid), JSON_TYPE)
            for kind, uid in hidden.items()
        }
        assert {response.status_code for response in answers.values()} == {400}
        errors = {kind: response.json()["error"]["errors"] for kind, response in answers.items()}
        assert len({json.dumps(found, sort_keys=True) for found in errors.values()}) == 1
        assert errors["private"] == [
            {"field": "mentor", "message": "Valitse mentori mentorihakemistosta."}
        ]
        assert count_requests() == before

    def test_by_address(self, hidden, site_api):
        before = count_requests()
        for path in ("luonnos", "eläkkeellä", "pekka-laine", "no-such-mentor"):
            response = post(f"{site_api}/fi/mentorit/{path}", body(), JSON_TYPE)
            assert response.status_code == 404, (path, response.text[:300])
            assert "Pekka" not in response.text and "Eläkkeellä" not in response.text
        assert count_requests() == before

    def test_a_coordinator_may_name_any_mentor(self, hidden, site_api):
        from vaasa.somementor.demo.data import COORDINATOR
        from vaasa.somementor.demo.data import DEMO_PASSWORD

        response = requests.post(
            f"{site_api}/fi/lainapyynnot/@borrow",
            data=body(mentor=hidden["private"]),
            headers={"Accept": JSON_TYPE, "Content-Type": JSON_TYPE},
            auth=(COORDINATOR["username"], DEMO_PASSWORD),
            timeout=60,
        )
        assert response.status_code == 201, response.text


class TestRateLimit:
    def test_too_many_gets_429_with_retry_after(self, site_url):
        rate_limit.reset()
        url = f"{site_url}/++api++/fi/lainapyynnot"
        answers = [post(url, body(), JSON_TYPE) for _ in range(6)]
        assert [answer.status_code for answer in answers] == [201] * 5 + [429]
        retry_after = int(answers[-1].headers["Retry-After"])
        assert 3500 <= retry_after <= 3600
        assert answers[-1].json()["error"]["message"].startswith("Liian monta")
