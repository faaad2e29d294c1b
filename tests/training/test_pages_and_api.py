"""The training register's page (expired and expiring flags, 4.3 by person), its forms and
/api/v1/training/."""

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests.training.factories import handling_course, trained

pytestmark = pytest.mark.django_db

D = dt.date


def api(user):
    client = APIClient()
    client.force_authenticate(user=user)
    return client


def test_the_register_flags_expired_and_expiring_records(client, olivia, hannah, harry, martin):
    course = handling_course(olivia)
    trained(olivia, hannah, course, D(2024, 10, 1))  # expired 30 September 2025
    trained(olivia, harry, course, D(2024, 12, 15))  # expires 14 December 2025
    trained(olivia, martin, course, D(2025, 9, 1))
    client.force_login(olivia)
    response = client.get(reverse("training:register"))
    status = {row.staff.username: row.status for row in response.context["rows"]}
    assert status == {"hannah": "expired", "harry": "expiring", "martin": "in_date"}
    page = response.content.decode()
    assert "expiring soon" in page and "expired" in page
    first, second = sorted((olivia.pk, hannah.pk))
    assert f"Not met: staff member {first}, staff member {second}." in page


def test_a_refresher_replaces_the_old_record_on_the_register(client, olivia, hannah):
    course = handling_course(olivia)
    trained(olivia, hannah, course, D(2024, 10, 1))
    trained(olivia, hannah, course, D(2025, 10, 1))
    client.force_login(olivia)
    assert len(client.get(reverse("training:register")).context["rows"]) == 1
    assert len(client.get(reverse("training:register") + "?show=all").context["rows"]) == 2


def test_the_record_form_shows_errors_and_records(client, olivia, hannah):
    course = handling_course(olivia)
    client.force_login(olivia)
    url = reverse("training:record_add")
    response = client.post(url, {"course": str(course.pk)})
    assert response.status_code == 400
    assert "pr-error-summary" in response.content.decode()
    response = client.post(
        url,
        {
            "course": str(course.pk),
            "completed_on_0": "1",
            "completed_on_1": "9",
            "completed_on_2": "2025",
        },
    )
    assert response.status_code == 400
    assert "Choose the member of staff" in response.content.decode()
    response = client.post(
        url,
        {
            "course": str(course.pk),
            "staff": "hannah",
            "completed_on_0": "1",
            "completed_on_1": "9",
            "completed_on_2": "2025",
            "evidence": "Certificate",
        },
    )
    assert response.status_code == 302
    assert hannah.training_records.get().expires_on == D(2026, 8, 31)


def test_handlers_are_refused_the_register(client, hannah):
    client.force_login(hannah)
    assert client.get(reverse("training:register")).status_code == 403
    assert client.get(reverse("training:record_add")).status_code == 403


def test_the_api_names_bad_fields_and_records(olivia, hannah):
    client = api(olivia)
    response = client.post(
        "/api/v1/training/courses/", {"name": "", "validity_months": 0}, format="json"
    )
    assert response.status_code == 400
    assert {"name", "validity_months"} <= set(response.json())
    course = client.post(
        "/api/v1/training/courses/",
        {"name": "Complaint handling", "complaint_handling": True, "validity_months": 12},
        format="json",
    ).json()
    response = client.post(
        "/api/v1/training/records/",
        {"course": course["id"], "staff": "nobody", "completed_on": "2025-09-01"},
        format="json",
    )
    assert response.status_code == 400 and "staff" in response.json()
    response = client.post(
        "/api/v1/training/records/",
        {"course": course["id"], "staff": "hannah", "completed_on": "2025-09-01"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["expires_on"] == "2026-08-31"
    staff = {
        row["username"]: row["trained"] for row in client.get("/api/v1/training/staff/").json()
    }
    assert staff == {"hannah": True, "olivia": False}
    assert api(hannah).post("/api/v1/training/courses/", {}, format="json").status_code == 403


def test_the_self_assessment_lists_the_untrained_as_staff_not_cases(client, olivia, hannah):
    from tests.selfassessment.factories import start

    assessment = start(olivia, period_start=D(2025, 4, 1), period_end=D(2026, 3, 31))
    answer = assessment.answers.get(ref="4.3")
    client.force_login(olivia)
    page = client.get(reverse("selfassessment:answer", args=[assessment.pk, answer.pk]))
    text = page.content.decode()
    first, second = sorted((olivia.pk, hannah.pk))
    assert f"Records behind it: staff member {first}, staff member {second}" in text
    assert "/complaints/staff" not in text
    assert "hannah" not in text.split("Records behind it")[1].split("</p>")[0]
