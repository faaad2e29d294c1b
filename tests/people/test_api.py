"""The people API: the case engine's conventions (400 names fields, 409 names the provision,
403 for roles)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from putright.complaints.models import Event
from putright.people.models import Restriction
from tests.factories import log_complaint

pytestmark = pytest.mark.django_db

RESTRICTION = {
    "behaviour": "Shouting at staff in the office.",
    "restriction": "No visits to the office; phone or e-mail instead.",
    "equality_considered": True,
    "decided_on": "2025-11-20",
    "resident_told_on": "2025-11-21",
    "review_on": "2026-02-20",
}


def test_an_adjustment_is_recorded_and_shown_on_the_resident(api_as, hannah, grace, rosa):
    response = api_as(hannah).post(
        f"/api/v1/residents/{rosa.pk}/adjustments/",
        {"description": "Large print", "agreed_on": "2025-11-24", "review_on": "2026-05-24"},
        format="json",
    )
    assert response.status_code == 201, response.data
    assert response.data["agreed_by"] == "hannah"
    shown = api_as(grace).get(f"/api/v1/residents/{rosa.pk}/")
    assert shown.status_code == 200
    assert [a["description"] for a in shown.data["adjustments"]] == ["Large print"]


def test_a_bad_adjustment_is_a_400_naming_each_field(api_as, hannah, rosa):
    response = api_as(hannah).post(
        f"/api/v1/residents/{rosa.pk}/adjustments/", {"agreed_on": "24/11/2025"}, format="json"
    )
    assert response.status_code == 400
    assert "agreed_on" in response.data
    response = api_as(hannah).post(f"/api/v1/residents/{rosa.pk}/adjustments/", {}, format="json")
    assert response.status_code == 400
    assert set(response.data) == {"description", "agreed_on", "review_on"}


def test_governance_cannot_record_an_adjustment(api_as, grace, rosa):
    response = api_as(grace).post(
        f"/api/v1/residents/{rosa.pk}/adjustments/",
        {"description": "Large print", "agreed_on": "2025-11-24", "review_on": "2026-05-24"},
        format="json",
    )
    assert response.status_code == 403


def test_a_restriction_and_its_review(api_as, olivia, rosa):
    client = api_as(olivia)
    response = client.post(f"/api/v1/residents/{rosa.pk}/restrictions/", RESTRICTION, format="json")
    assert response.status_code == 201, response.data
    assert response.data["active"] is True
    rid = response.data["id"]
    review = client.post(
        f"/api/v1/residents/{rosa.pk}/restrictions/{rid}/reviews/",
        {
            "outcome": "continue",
            "reviewed_on": "2025-11-24",
            "reasons": "Still needed.",
            "next_review_on": "2026-01-24",
        },
        format="json",
    )
    assert review.status_code == 201, review.data
    shown = client.get(f"/api/v1/residents/{rosa.pk}/").data["restrictions"]
    assert shown[0]["review_on"] == "2026-01-24" and len(shown[0]["reviews"]) == 1


def test_equality_not_considered_is_a_409_naming_5_15(api_as, olivia, rosa):
    response = api_as(olivia).post(
        f"/api/v1/residents/{rosa.pk}/restrictions/",
        {**RESTRICTION, "equality_considered": False},
        format="json",
    )
    assert response.status_code == 409
    assert response.data["provision"] == "5.15"
    assert not Restriction.objects.exists()


def test_a_restriction_without_a_review_date_is_a_400(api_as, olivia, rosa):
    data = {k: v for k, v in RESTRICTION.items() if k != "review_on"}
    response = api_as(olivia).post(
        f"/api/v1/residents/{rosa.pk}/restrictions/", data, format="json"
    )
    assert response.status_code == 400 and set(response.data) == {"review_on"}


def test_a_handler_cannot_restrict_contact(api_as, hannah, rosa):
    response = api_as(hannah).post(
        f"/api/v1/residents/{rosa.pk}/restrictions/", RESTRICTION, format="json"
    )
    assert response.status_code == 403


def test_unknown_resident_is_404_and_anonymous_is_refused(api_as, hannah):
    assert api_as(hannah).get("/api/v1/residents/999/").status_code == 404
    assert api_as().get("/api/v1/residents/999/").status_code in (401, 403)


def test_the_resident_page_query_count_does_not_grow(api_as, olivia, rosa):
    client = api_as(olivia)

    def add(n):
        for i in range(n):
            client.post(
                f"/api/v1/residents/{rosa.pk}/adjustments/",
                {"description": f"A{i}", "agreed_on": "2025-11-24", "review_on": "2026-05-24"},
                format="json",
            )
            client.post(f"/api/v1/residents/{rosa.pk}/restrictions/", RESTRICTION, format="json")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v1/residents/{rosa.pk}/").status_code == 200
        return len(queries.captured_queries)

    add(1)
    first = count()
    add(4)
    assert count() == first


def test_flag_interval_and_update_on_a_complaint(api_as, hannah):
    complaint = log_complaint(user=hannah)
    client = api_as(hannah)
    base = f"/api/v1/complaints/{complaint.reference}"
    flagged = client.post(
        f"{base}/vulnerability-flags/",
        {"kind": "health_safety", "reason": "No heating, elderly resident."},
        format="json",
    )
    assert flagged.status_code == 201, flagged.data
    agreed = client.post(
        f"{base}/update-interval/",
        {"interval_working_days": 3, "agreed_on": "2025-11-24", "method": "phone"},
        format="json",
    )
    assert agreed.status_code == 201, agreed.data
    bad = client.post(f"{base}/resident-updates/", {"method": "fax"}, format="json")
    assert bad.status_code == 400 and set(bad.data) == {"given_on", "method", "summary"}
    given = client.post(
        f"{base}/resident-updates/",
        {"given_on": "2025-11-24", "method": "phone", "summary": "Engineer booked."},
        format="json",
    )
    assert given.status_code == 201, given.data
    assert Event.objects.filter(complaint=complaint, type="resident_updated").exists()


def test_the_export_is_for_the_officer_and_is_audited(api_as, olivia, hannah, cases):
    resident = cases["derek_open"].resident
    assert api_as(hannah).get(f"/api/v1/residents/{resident.pk}/export/").status_code == 403
    response = api_as(olivia).get(f"/api/v1/residents/{resident.pk}/export/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = response.json()
    assert data["resident"]["name"] == "Derek Lowe"
    assert {c["reference"] for c in data["complaints"]} == {
        cases["derek_old"].reference,
        cases["derek_open"].reference,
    }
    assert Event.objects.filter(
        type="subject_access_exported", resident=resident, actor=olivia
    ).exists()
    assert dt.date.fromisoformat(data["restrictions"][0]["review_on"]) == dt.date(2025, 12, 15)
