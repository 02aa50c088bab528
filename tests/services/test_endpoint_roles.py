"""Every endpoint of the add-on as Anonymous, a Member, a Mentor and a Coordinator."""

from plone import api
from vaasa.somementor.demo.data import COORDINATOR
from vaasa.somementor.demo.data import DEMO_PASSWORD

import pytest
import requests
import transaction


LOGINS = {
    "anonymous": None,
    "member": ("plain-member", "plain-member-secret"),
    "mentor": ("anna-virtanen", DEMO_PASSWORD),
    "coordinator": (COORDINATOR["username"], DEMO_PASSWORD),
}
FUNDED = "start=2012-08-01&end=2013-06-30"
# Endpoint -> the status each role gets.
EXPECTED = {
    "fi/mentorit/@mentors": {"anonymous": 200, "member": 200, "mentor": 200, "coordinator": 200},
    "fi/mentorit/anna-virtanen/@borrow": {
        "anonymous": 200,
        "member": 200,
        "mentor": 200,
        "coordinator": 200,
    },
    "fi/@my-loans": {"anonymous": 401, "member": 200, "mentor": 200, "coordinator": 200},
    f"fi/@somementor-statistics?{FUNDED}": {
        "anonymous": 401,
        "member": 401,
        "mentor": 401,
        "coordinator": 200,
    },
}
CASES = [(path, role, status) for path, roles in EXPECTED.items() for role, status in roles.items()]


class TestEndpointRoles:
    @pytest.fixture(autouse=True)
    def _member(self, demo_functional):
        if api.user.get(username="plain-member") is None:
            api.user.create(
                username="plain-member", email="member@example.org", password="plain-member-secret"
            )
            transaction.commit()

    @pytest.mark.parametrize(("path", "role", "status"), CASES)
    def test_status(self, site_url, path, role, status):
        response = requests.get(
            f"{site_url}/++api++/{path}",
            headers={"Accept": "application/json"},
            auth=LOGINS[role],
            timeout=30,
        )
        # plone.restapi answers 401 for a signed-in user without the permission, too.
        assert response.status_code == status, (path, role, response.text[:300])
