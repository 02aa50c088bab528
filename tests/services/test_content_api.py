"""plone.restapi on the add-on's types: staff create and read, visitors see only what is public."""

from services.conftest import LOAN_REQUEST
from services.conftest import MENTOR
from services.conftest import TRAINING


def test_manager_creates_and_reads_a_mentor(manager_request, containers):
    response = manager_request.post(containers["MentorDirectory"], json=MENTOR)
    assert response.status_code == 201, response.text
    mentor = manager_request.get(response.json()["@id"]).json()
    assert mentor["title"] == "Erik Lindqvist"
    assert mentor["@id"].endswith("/mentorit/erik-lindqvist")
    assert mentor["department"]["token"] == "education"
    assert {term["token"] for term in mentor["languages"]} == {"sv", "fi"}


def test_manager_creates_and_reads_a_training(manager_request, containers):
    response = manager_request.post(containers["TrainingProgramme"], json=TRAINING)
    assert response.status_code == 201, response.text
    training = manager_request.get(response.json()["@id"]).json()
    assert training["title"] == "Teams-möten i praktiken"
    assert training["start"].startswith("2027-02-17")
    assert training["training_format"]["token"] == "remote"
    assert training["capacity"] == 20


def test_manager_creates_and_reads_a_loan_request(manager_request, containers):
    response = manager_request.post(containers["LoanDesk"], json=LOAN_REQUEST)
    assert response.status_code == 201, response.text
    loan = manager_request.get(response.json()["@id"]).json()
    assert loan["title"] == "Karin Westerlund (Korsholms kulturbyrå)"
    assert loan["preferred_dates"] == [{"start": "2027-02-01", "end": "2027-02-05"}]
    # The address carries no personal data.
    assert "/lainapyynnot/request-" in loan["@id"]


def test_manager_reads_the_containers(manager_request, containers):
    for path in containers.values():
        assert manager_request.get(path).status_code == 200


def test_anonymous_refused_on_the_loan_desk(anon_request, containers):
    assert anon_request.get(containers["LoanDesk"]).status_code == 401


def test_anonymous_refused_on_a_loan_request(manager_request, anon_request, containers):
    created = manager_request.post(containers["LoanDesk"], json=LOAN_REQUEST).json()
    path = created["@id"].split("/++api++")[-1]
    assert anon_request.get(path).status_code == 401


def test_anonymous_sees_a_published_mentor(manager_request, anon_request, containers):
    created = manager_request.post(containers["MentorDirectory"], json=MENTOR).json()
    path = created["@id"].split("/++api++")[-1]
    assert anon_request.get(path).status_code == 401
    manager_request.post(f"{path}/@workflow/publish")
    assert anon_request.get(path).json()["title"] == "Erik Lindqvist"


def test_bad_email_gets_the_field_message(manager_request, containers):
    response = manager_request.post(
        containers["MentorDirectory"], json=dict(MENTOR, email="erik.lindqvist")
    )
    assert response.status_code == 400
    assert "Enter a valid email address" in response.text
    assert "email" in response.text


def test_reversed_schedule_refused(manager_request, containers):
    response = manager_request.post(
        containers["LoanDesk"],
        json=dict(
            LOAN_REQUEST,
            scheduled_start="2027-02-03T12:00:00",
            scheduled_end="2027-02-03T10:00:00",
        ),
    )
    assert response.status_code == 400
    assert "The scheduled end must be after the start." in response.text


def test_mentor_not_addable_outside_the_directory(manager_request, containers):
    response = manager_request.post(containers["TrainingProgramme"], json=MENTOR)
    assert response.status_code in (400, 403)
