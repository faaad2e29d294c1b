"""/api/v1/contractors/: 400 names each bad field, 403 before the body for those who may not
write, the figures and requests as the pages show them."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from putright.complaints.models import Event
from tests.contractors.factories import contractor, request_for
from tests.factories import log_complaint

pytestmark = pytest.mark.django_db

D = dt.date


def api(user):
    client = APIClient()
    client.force_authenticate(user=user)
    return client


def test_the_register_through_the_api(olivia, hannah):
    response = api(olivia).post("/api/v1/contractors/", {"name": "", "service": ""}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"name", "service"}
    response = api(olivia).post(
        "/api/v1/contractors/", {"name": "Riverside Repairs", "service": "Repairs"}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["active"] is True
    assert api(hannah).post("/api/v1/contractors/", {"bad": 1}, format="json").status_code == 403
    assert [c["name"] for c in api(hannah).get("/api/v1/contractors/").json()] == [
        "Riverside Repairs"
    ]


def test_naming_a_contractor_and_requesting_information(olivia):
    case = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    firm = contractor(olivia)
    client = api(olivia)
    base = f"/api/v1/contractors/complaints/{case.reference}"
    response = client.post(f"{base}/named/", {"contractor": 999}, format="json")
    assert response.status_code == 400 and "contractor" in response.json()
    response = client.post(
        "/api/v1/contractors/complaints/NOPE/named/", {"contractor": firm.pk}, format="json"
    )
    assert response.status_code == 404
    response = client.post(f"{base}/named/", {"contractor": firm.pk, "role": "Roof"}, format="json")
    assert response.status_code == 201
    assert response.json()["contractor"] == "Riverside Repairs Ltd"
    response = client.post(
        f"{base}/requests/",
        {
            "contractor": firm.pk,
            "description": "Job sheets",
            "sent_on": "2025-11-10",
        },
        format="json",
    )
    assert response.status_code == 400 and "due_on" in response.json()
    response = client.post(
        f"{base}/requests/",
        {
            "contractor": firm.pk,
            "description": "Job sheets",
            "sent_on": "2025-11-10",
            "due_on": "2025-11-17",
        },
        format="json",
    )
    assert response.status_code == 201
    made = response.json()
    assert (made["overdue"], made["answered_on"]) == (True, None)
    answer = client.post(
        f"{base}/requests/{made['id']}/answer/",
        {"answered_on": "2025-11-18"},
        format="json",
    )
    assert answer.status_code == 200 and answer.json()["overdue"] is False
    again = client.post(
        f"{base}/requests/{made['id']}/answer/",
        {"answered_on": "2025-11-19"},
        format="json",
    )
    assert again.status_code == 409 and again.json()["provision"] == "5.5"
    assert Event.objects.filter(complaint=case, type="contractor_request_sent").count() == 1


def test_the_figures_and_overdue_requests(olivia, hannah):
    request_for(olivia, sent_on=D(2025, 11, 3), due_on=D(2025, 11, 10))
    [row] = api(olivia).get("/api/v1/contractors/figures/").json()
    assert (row["requests_total"], row["requests_overdue"], row["upheld_percent"]) == (1, 1, None)
    assert api(hannah).get("/api/v1/contractors/figures/").status_code == 403
    assert len(api(olivia).get("/api/v1/contractors/requests/?overdue=1").json()) == 1
