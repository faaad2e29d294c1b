"""/api/v1/surveys/: enter and list responses, the follow-up queue, record a follow-up. 400
names the field, 409 the provision, 403 for governance writes."""

import pytest
from rest_framework.test import APIClient

from putright.complaints.models import Complaint
from putright.surveys.models import SurveyResponse

BODY = {
    "provider_response_id": "API-1",
    "responded_on": "2025-11-03",
    "tenure": "lcho",
    "complained_last_12_months": True,
    "satisfaction": "fairly_dissatisfied",
    "comment": "The letter did not say what happens next.",
}


@pytest.fixture
def api():
    def make(user):
        client = APIClient()
        client.force_authenticate(user=user)
        return client

    return make


def test_enter_a_response_and_find_it_in_the_queue(api, olivia):
    answer = api(olivia).post("/api/v1/surveys/", BODY, format="json")
    assert answer.status_code == 201, answer.json()
    body = answer.json()
    assert body["tenure"] == "lcho" and body["dissatisfied_comment"] is True
    assert body["complaint"] is None and body["follow_ups"] == []
    queue = api(olivia).get("/api/v1/surveys/follow-ups/").json()
    assert [s["id"] for s in queue["results"]] == [body["id"]]
    assert (
        api(olivia).get(f"/api/v1/surveys/{body['id']}/").json()["provider_response_id"] == "API-1"
    )


def test_a_bad_body_names_each_field(api, olivia):
    answer = api(olivia).post(
        "/api/v1/surveys/",
        {**BODY, "tenure": "leasehold", "responded_on": "2025-12-01", "complaint": "CMP-404"},
        format="json",
    )
    assert answer.status_code == 400
    assert "tenure" in answer.json()
    answer = api(olivia).post(
        "/api/v1/surveys/",
        {**BODY, "responded_on": "2025-12-01", "complaint": "CMP-404"},
        format="json",
    )
    assert answer.status_code == 400
    assert set(answer.json()) == {"responded_on", "complaint"}


def test_governance_reads_but_cannot_write(api, grace, olivia):
    assert api(grace).post("/api/v1/surveys/", BODY, format="json").status_code == 403
    assert api(grace).get("/api/v1/surveys/").status_code == 200


def test_record_a_follow_up_that_raises_a_complaint(api, hannah):
    survey = api(hannah).post("/api/v1/surveys/", BODY, format="json").json()
    url = f"/api/v1/surveys/{survey['id']}/follow-ups/"
    bad = api(hannah).post(
        url,
        {
            "offered_on": "2025-11-20",
            "method": "phone",
            "choice": "raise_complaint",
            "complaint": {"channel": "phone"},
        },
        format="json",
    )
    assert bad.status_code == 400 and "complaint.name" in bad.json()
    answer = api(hannah).post(
        url,
        {
            "offered_on": "2025-11-20",
            "method": "phone",
            "choice": "raise_complaint",
            "complaint": {"channel": "phone", "name": "Sam Okoro"},
        },
        format="json",
    )
    assert answer.status_code == 201, answer.json()
    reference = answer.json()["complaint"]
    assert Complaint.objects.get(reference=reference).resident.name == "Sam Okoro"
    assert answer.json()["recorded_by"] == "hannah"
    assert api(hannah).get("/api/v1/surveys/follow-ups/").json()["results"] == []


def test_a_satisfied_response_answers_409_naming_1_6(api, olivia):
    survey = (
        api(olivia)
        .post("/api/v1/surveys/", {**BODY, "satisfaction": "very_satisfied"}, format="json")
        .json()
    )
    answer = api(olivia).post(
        f"/api/v1/surveys/{survey['id']}/follow-ups/",
        {"offered_on": "2025-11-20", "method": "phone", "choice": "no_reply"},
        format="json",
    )
    assert answer.status_code == 409 and answer.json()["provision"] == "1.6"


def test_a_follow_up_body_names_its_bad_fields(api, olivia, grace):
    survey = api(olivia).post("/api/v1/surveys/", BODY, format="json").json()
    url = f"/api/v1/surveys/{survey['id']}/follow-ups/"
    answer = api(olivia).post(url, {"method": "fax", "choice": "later"}, format="json")
    assert answer.status_code == 400
    assert set(answer.json()) == {"offered_on", "method", "choice"}
    # Governance hears 403 before any body is read.
    assert api(grace).post(url, {}, format="json").status_code == 403
    assert SurveyResponse.objects.get().follow_ups.count() == 0


def test_the_tsm_report_carries_tp09_and_the_split_per_tenure(api, olivia):
    from putright.landlord.models import HomesOwned

    HomesOwned.objects.create(reporting_year=2025, homes=1000, homes_lcra=900, homes_lcho=100)
    api(olivia).post("/api/v1/surveys/", BODY, format="json")
    body = api(olivia).get("/api/v1/reports/tsm/?year=2025").json()
    assert body["tp09"]["lcho"] == {
        "ref": "TP09",
        "tenure": "lcho",
        "numerator": 0,
        "denominator": 1,
        "percent": 0.0,
    }
    assert body["by_tenure"]["lcra"]["homes"] == 900
    csv = api(olivia).get("/api/v1/reports/tsm/?year=2025&export=csv").content.decode()
    assert "TP09 satisfied with the approach to complaints handling (%) (LCHO),0.0,0,1" in csv
