from factories import loan_request_json

import pytest


MENTOR = {
    "@type": "Mentor",
    "first_name": "Erik",
    "last_name": "Lindqvist",
    "department": "education",
    "languages": ["sv", "fi"],
    "skills": ["e-learning", "online-meetings"],
    "email": "erik.lindqvist@example.org",
}

# The loan request as JSON: the shared valid fields (no relation, so JSON-ready).
LOAN_REQUEST = {"@type": "LoanRequest", **loan_request_json()}

TRAINING = {
    "@type": "Training",
    "title": "Teams-möten i praktiken",
    "start": "2027-02-17T13:00:00+02:00",
    "end": "2027-02-17T16:00:00+02:00",
    "language_group": "sv",
    "training_format": "remote",
    "kind": "training",
    "capacity": 20,
}


@pytest.fixture
def containers(manager_request):
    urls = {}
    for portal_type, id in (
        ("MentorDirectory", "mentorit"),
        ("TrainingProgramme", "koulutukset"),
        ("LoanDesk", "lainapyynnot"),
    ):
        response = manager_request.post("/", json={"@type": portal_type, "id": id, "title": id})
        assert response.status_code == 201, response.text
        urls[portal_type] = f"/{id}"
    for path in (urls["MentorDirectory"], urls["TrainingProgramme"]):
        manager_request.post(f"{path}/@workflow/publish")
    return urls
