import datetime as dt

import pytest
from rest_framework.test import APIClient

from putright.accounts.services import user_api_token
from putright.complaints.models import Complaint
from putright.people.models import Resident
from tests.api.conftest import url
from tests.factories import log_complaint

ENDPOINT = "/api/v1/complaints/"


@pytest.fixture
def body(rosa_details):
    return {
        "resident": rosa_details,
        "received_on": "2025-11-20",
        "channel": "phone",
        "description": "Mould in the bedroom has come back after the last treatment.",
        "category": "damp_mould",
        "issue_date": "2025-09-01",
        "outcome_wanted": "A permanent fix.",
    }


def test_logging_a_complaint_answers_201_with_the_complaint(as_olivia, body):
    answer = as_olivia.post(ENDPOINT, body, format="json")

    assert answer.status_code == 201, answer.data
    data = answer.json()
    assert data["reference"].startswith("CMP-")
    assert data["status"] == "awaiting_acknowledgement"
    assert data["stage"] == 1
    assert data["received_on"] == "2025-11-20"
    assert data["channel"] == "phone"
    assert data["category"] == "damp_mould"
    assert data["code_version"]
    assert data["resident"]["name"] == "Rosa Patel"
    assert data["resident"]["tenancy_reference"] == "T-10023"
    assert data["representative"] is None
    [stage] = data["stages"]
    # Thursday 20 November + 5 working days (6.2).
    assert stage["acknowledge_by"] == "2025-11-27"
    assert stage["respond_by"] is None
    assert stage["handler"] is None
    assert stage["overdue"] is False
    assert stage["working_days_left"] == 3
    assert [e["type"] for e in data["events"]] == ["complaint_logged"]
    assert data["events"][0]["actor"] == "olivia"
    assert Complaint.objects.get(reference=data["reference"]).resident_id == data["resident"]["id"]


def test_a_representative_and_a_group_of_residents(as_olivia, body):
    body["representative"] = {
        "name": "Cllr Ann Jones",
        "relationship": "Ward councillor",
        "email": "ann.jones@council.example",
    }
    body["co_complainants"] = [{"name": "Sam Patel", "tenancy_reference": "T-10023"}]

    answer = as_olivia.post(ENDPOINT, body, format="json")

    assert answer.status_code == 201, answer.data
    assert answer.data["representative"]["relationship"] == "Ward councillor"
    assert [r["name"] for r in answer.data["co_complainants"]] == ["Sam Patel"]


def test_a_handler_who_logs_a_complaint_handles_it(as_hannah, body):
    answer = as_hannah.post(ENDPOINT, body, format="json")

    assert answer.status_code == 201
    assert answer.data["stages"][0]["handler"] == "hannah"


def test_an_existing_resident_by_id(as_olivia, body):
    rosa = Resident.objects.create(name="Rosa Patel", tenancy_reference="T-10023")
    body["resident"] = {"id": rosa.pk}

    answer = as_olivia.post(ENDPOINT, body, format="json")

    assert answer.status_code == 201, answer.data
    assert answer.data["resident"]["id"] == rosa.pk


def test_an_unknown_resident_id_is_named(as_olivia, body):
    body["resident"] = {"id": 999999, "name": "Nobody"}

    answer = as_olivia.post(ENDPOINT, body, format="json")

    assert answer.status_code == 400
    assert "resident.id" in answer.data


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("received_on", "20/11/2025"),
        ("received_on", "2025-02-30"),
        ("received_on", 20251120),
        ("channel", "fax"),
        ("category", "noise"),
        ("issue_date", "last spring"),
        ("discretion_applied", "perhaps"),
        ("resident", "Rosa Patel"),
        ("co_complainants", "Sam"),
    ],
)
def test_a_value_of_the_wrong_shape_is_named(as_olivia, body, field, value):
    body[field] = value

    answer = as_olivia.post(ENDPOINT, body, format="json")

    assert answer.status_code == 400
    assert list(answer.json()) == [field]
    assert isinstance(answer.json()[field], list)
    assert not Complaint.objects.exists()


def test_every_missing_field_is_named(as_olivia):
    answer = as_olivia.post(ENDPOINT, {}, format="json")

    assert answer.status_code == 400
    assert set(answer.json()) == {"resident", "received_on", "channel", "description"}


def test_nested_fields_are_named_as_the_services_name_them(as_olivia, body):
    body["resident"] = {"name": "Rosa Patel", "email": "not-an-address"}
    body["representative"] = {"name": "Ann Jones"}

    answer = as_olivia.post(ENDPOINT, body, format="json")

    assert answer.status_code == 400
    assert set(answer.json()) == {"resident.email", "representative.relationship"}


def test_a_resident_without_a_name_is_refused(as_olivia, body):
    body["resident"] = {"email": "rosa@example.org"}

    answer = as_olivia.post(ENDPOINT, body, format="json")

    assert answer.status_code == 400
    assert "resident.name" in answer.json()


@pytest.mark.parametrize("received_on", ["2025-11-25", "2026-01-01"])
def test_a_complaint_cannot_be_received_in_the_future(as_olivia, body, received_on):
    body["received_on"] = received_on

    answer = as_olivia.post(ENDPOINT, body, format="json")

    assert answer.status_code == 400
    assert "received_on" in answer.json()
    assert not Complaint.objects.exists()


def test_received_today_is_accepted(as_olivia, body, today):
    body["received_on"] = today.isoformat()

    assert as_olivia.post(ENDPOINT, body, format="json").status_code == 201


def test_the_issue_cannot_arise_after_the_complaint(as_olivia, body):
    body["issue_date"] = "2025-11-21"

    answer = as_olivia.post(ENDPOINT, body, format="json")

    assert answer.status_code == 400
    assert "issue_date" in answer.json()


def test_a_related_complaint_before_the_stage_1_response_joins_it(as_olivia, body, olivia):
    earlier = log_complaint(user=olivia, received_on=dt.date(2025, 11, 3))
    body["related_to"] = earlier.reference
    body["description"] = "Also, the extractor fan in the kitchen does not work."

    answer = as_olivia.post(ENDPOINT, body, format="json")

    assert answer.status_code == 200, answer.data
    assert answer.data["reference"] == earlier.reference
    assert [i["description"] for i in answer.data["related_issues"]] == [body["description"]]
    assert "related_issue_added" in [e["type"] for e in answer.data["events"]]
    assert Complaint.objects.count() == 1


def test_a_related_complaint_after_the_stage_1_response_is_a_new_one(as_olivia, body, responded):
    body["related_to"] = responded.reference

    answer = as_olivia.post(ENDPOINT, body, format="json")

    assert answer.status_code == 201, answer.data
    assert answer.data["reference"] != responded.reference
    assert answer.data["related_to"] == responded.reference


def test_related_to_an_unknown_reference_is_named(as_olivia, body):
    body["related_to"] = "CMP-999999"

    answer = as_olivia.post(ENDPOINT, body, format="json")

    assert answer.status_code == 400
    assert "related_to" in answer.json()


def test_governance_users_cannot_log_complaints(as_grace, body):
    answer = as_grace.post(ENDPOINT, body, format="json")

    assert answer.status_code == 403
    assert not Complaint.objects.exists()


def test_governance_users_hear_403_even_for_a_bad_body(as_grace):
    assert as_grace.post(ENDPOINT, {"channel": "fax"}, format="json").status_code == 403


def test_signing_in_is_required(anonymous, body):
    assert anonymous.post(ENDPOINT, body, format="json").status_code == 401
    assert anonymous.get(ENDPOINT).status_code == 401


def test_a_token_signs_in(olivia, body):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {user_api_token(user=olivia)}")

    answer = client.post(ENDPOINT, body, format="json")

    assert answer.status_code == 201
    assert answer.data["events"][0]["actor"] == "olivia"
    assert client.get(url(answer.data["reference"])).status_code == 200


def test_a_wrong_token_is_refused(db, body):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    assert client.post(ENDPOINT, body, format="json").status_code == 401
