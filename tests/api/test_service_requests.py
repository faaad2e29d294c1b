"""Service requests are recorded and monitored (1.4); a complaint about one is raised while the
request stays open (1.5)."""

import pytest

ENDPOINT = "/api/v1/service-requests/"


@pytest.fixture
def repair(as_olivia, rosa_details):
    answer = as_olivia.post(
        ENDPOINT,
        {
            "resident": rosa_details,
            "received_on": "2025-11-03",
            "channel": "phone",
            "description": "The boiler has no pressure.",
            "category": "repairs",
        },
        format="json",
    )
    assert answer.status_code == 201, answer.data
    return answer.data


def test_record_and_list_a_service_request(as_olivia, repair):
    assert repair["state"] == "open"
    assert repair["resident"]["name"] == "Rosa Patel"
    assert repair["complaints"] == []

    listed = as_olivia.get(ENDPOINT, {"state": "open"})
    assert [r["id"] for r in listed.data["results"]] == [repair["id"]]
    assert as_olivia.get(ENDPOINT, {"state": "completed"}).data["count"] == 0
    assert as_olivia.get(f"{ENDPOINT}{repair['id']}/").data["description"] == (
        "The boiler has no pressure."
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [("received_on", "2025-11-25"), ("received_on", "03-11-2025"), ("channel", "pigeon")],
)
def test_service_request_bad_input(as_olivia, rosa_details, field, value):
    body = {
        "resident": rosa_details,
        "received_on": "2025-11-03",
        "channel": "phone",
        "description": "The boiler has no pressure.",
        field: value,
    }

    answer = as_olivia.post(ENDPOINT, body, format="json")

    assert answer.status_code == 400
    assert field in answer.json()
    assert as_olivia.get(ENDPOINT).data["count"] == 0


def test_a_complaint_about_a_service_request_leaves_it_open(as_olivia, repair):
    answer = as_olivia.post(
        f"{ENDPOINT}{repair['id']}/complaint/",
        {"received_on": "2025-11-20", "description": "Still no heating after three visits."},
        format="json",
    )

    assert answer.status_code == 201, answer.data
    assert answer.data["service_request"] == repair["id"]
    assert answer.data["channel"] == "phone"
    assert answer.data["category"] == "repairs"
    assert answer.data["resident"]["id"] == repair["resident"]["id"]
    request = as_olivia.get(f"{ENDPOINT}{repair['id']}/").data
    assert request["state"] == "open"
    assert request["complaints"] == [answer.data["reference"]]


@pytest.mark.parametrize("received_on", ["2025-11-02", "2025-11-25"])
def test_the_complaint_date_must_fit_the_request(as_olivia, repair, received_on):
    answer = as_olivia.post(
        f"{ENDPOINT}{repair['id']}/complaint/",
        {"received_on": received_on, "description": "Still no heating."},
        format="json",
    )

    assert answer.status_code == 400
    assert "received_on" in answer.json()
    assert as_olivia.get("/api/v1/complaints/").data["count"] == 0


def test_complete_a_service_request(as_olivia, repair):
    answer = as_olivia.post(
        f"{ENDPOINT}{repair['id']}/complete/", {"completed_on": "2025-11-21"}, format="json"
    )

    assert answer.status_code == 200, answer.data
    assert answer.data["state"] == "completed"
    assert answer.data["completed_on"] == "2025-11-21"


def test_completion_cannot_predate_the_request(as_olivia, repair):
    answer = as_olivia.post(
        f"{ENDPOINT}{repair['id']}/complete/", {"completed_on": "2025-11-01"}, format="json"
    )

    assert answer.status_code == 400
    assert "completed_on" in answer.json()
    assert as_olivia.get(f"{ENDPOINT}{repair['id']}/").data["state"] == "open"


def test_an_unknown_service_request_is_not_found(as_olivia, db):
    assert as_olivia.get(f"{ENDPOINT}999/").status_code == 404
    assert as_olivia.post(f"{ENDPOINT}999/complete/").status_code == 404
