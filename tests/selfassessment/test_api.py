"""The self-assessment API: thin over the services."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from putright.selfassessment import services
from tests.selfassessment.factories import answer_all, approved, start

pytestmark = pytest.mark.django_db


def client(user):
    api = APIClient()
    api.force_authenticate(user=user)
    return api


def test_create_then_read(olivia):
    response = client(olivia).post(
        "/api/v1/self-assessments/",
        {"code_version": "2024", "period_start": "2024-04-01", "period_end": "2025-03-31"},
        format="json",
    )
    assert response.status_code == 201, response.data
    body = response.json()
    assert body["status"] == "draft"
    assert len(body["answers"]) == 72
    assert body["answers"][0]["ref"] == "1.2"
    listed = client(olivia).get("/api/v1/self-assessments/").json()
    assert [row["id"] for row in listed] == [body["id"]]


def test_bad_input_names_the_field(olivia):
    response = client(olivia).post(
        "/api/v1/self-assessments/",
        {"code_version": "2024", "period_start": "2025-04-01", "period_end": "2025-03-31"},
        format="json",
    )
    assert response.status_code == 400
    assert "period_end" in response.json()


def test_patch_one_provision_and_add_an_action(olivia, martin):
    assessment = start(olivia)
    api = client(olivia)
    url = f"/api/v1/self-assessments/{assessment.pk}/answers/6.13/"
    response = api.patch(url, {"comply": "partly", "evidence": "Panel minutes"}, format="json")
    assert response.status_code == 200, response.data
    assert response.json()["comply"] == "partly"
    response = api.post(
        url + "actions/",
        {"description": "Second handler rota", "due_on": "2026-01-31", "owner": "martin"},
        format="json",
    )
    assert response.status_code == 201, response.data
    assert response.json()["owner"] == "Martin"
    assert api.patch(url, {"comply": "perhaps"}, format="json").status_code == 400


def test_governance_reads_but_cannot_edit_answers(olivia, grace):
    assessment = start(olivia)
    api = client(grace)
    assert api.get(f"/api/v1/self-assessments/{assessment.pk}/").status_code == 200
    response = api.patch(
        f"/api/v1/self-assessments/{assessment.pk}/answers/1.2/", {"comply": "no"}, format="json"
    )
    assert response.status_code == 403


def test_handlers_cannot_change_self_assessments(olivia, hannah):
    assessment = start(olivia)
    response = client(hannah).patch(
        f"/api/v1/self-assessments/{assessment.pk}/answers/1.2/", {"comply": "no"}, format="json"
    )
    assert response.status_code == 403


def test_the_steps_in_order_and_a_step_out_of_order_is_a_conflict(olivia, martin, grace):
    assessment = answer_all(start(olivia), olivia)
    base = f"/api/v1/self-assessments/{assessment.pk}/"
    response = client(olivia).post(base + "publish/", {}, format="json")
    assert response.status_code == 409
    assert response.json()["provision"] == "8.2"
    assert client(olivia).post(base + "complete/", {}, format="json").status_code == 200
    assert client(martin).post(base + "review/", {}, format="json").status_code == 200
    # reviewed today: the governing body cannot have approved it before
    response = client(grace).post(base + "approve/", {"on": "2025-11-20"}, format="json")
    assert response.status_code == 400
    assert "approved_on" in response.json()
    response = client(grace).post(base + "approve/", {"on": "2025-11-24"}, format="json")
    assert response.status_code == 200, response.data
    response = client(olivia).post(base + "publish/", {}, format="json")
    assert response.json()["status"] == "published"
    assert response.json()["governing_body_approved_on"] == "2025-11-24"


@pytest.mark.parametrize(
    ("fmt", "starts"),
    [("docx", b"PK"), ("csv", b"Code provision"), ("html", b"<!doctype html>"), ("pdf", b"%PDF")],
)
def test_exports(olivia, fmt, starts):
    assessment = start(olivia)
    response = client(olivia).get(f"/api/v1/self-assessments/{assessment.pk}/export.{fmt}")
    assert response.status_code == 200
    assert response.content.startswith(starts)


def test_compare(olivia, martin, grace):
    last_year = approved(olivia, martin, grace)
    this_year = start(olivia, previous=last_year, period_start=dt.date(2025, 4, 1),
                      period_end=dt.date(2026, 3, 31))  # fmt: skip
    services.answer_update(user=olivia, answer=this_year.answers.get(ref="5.10"), comply="no")
    body = (
        client(grace).get(f"/api/v1/self-assessments/{this_year.pk}/compare/{last_year.pk}/").json()
    )
    assert body["changed"] == [{"ref": "5.10", "before": "yes", "after": "no"}]
    assert body["open_actions"] == []


def test_detail_query_count_does_not_grow_with_actions(
    olivia, martin, django_assert_max_num_queries
):
    assessment = start(olivia)
    api = client(olivia)
    url = f"/api/v1/self-assessments/{assessment.pk}/"
    for ref in ("1.2", "1.3", "1.4", "1.5"):
        services.improvement_action_add(
            user=olivia,
            answer=assessment.answers.get(ref=ref),
            description="Do it",
            owner=martin,
            due_on=dt.date(2026, 1, 1),
        )
    # 15, and five for the landlord's own records in the live evidence (8.3, 8.5, 9.3 to 9.7).
    with django_assert_max_num_queries(20):
        assert api.get(url).status_code == 200
