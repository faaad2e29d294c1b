"""The OpenAPI schema and interactive docs, and the complaint in full."""

import datetime as dt
import re

import pytest

from tests.api.conftest import url
from tests.factories import respond

# The complaint with its resident and representative, then one query per related kind (stages,
# extensions, remedies, events, notes...), one for the landlord's closure days and one for the
# incidents' dates (received_during_incident, 8.5), and one for the stage 2 panels (3.6).
DETAIL_QUERIES = 17  # the apologies are done when offered, so their completers are read too


def test_the_schema_lists_the_complaint_paths(as_olivia):
    answer = as_olivia.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert answer.status_code == 200
    paths = answer.json()["paths"]
    for path in [
        "/api/v1/complaints/",
        "/api/v1/complaints/{reference}/",
        "/api/v1/complaints/{reference}/acknowledge/",
        "/api/v1/complaints/{reference}/extend/",
        "/api/v1/complaints/{reference}/respond/",
        "/api/v1/complaints/{reference}/escalate/",
        "/api/v1/complaints/{reference}/refuse/",
        "/api/v1/complaints/{reference}/withdraw/",
        "/api/v1/complaints/{reference}/close/",
        "/api/v1/complaints/{reference}/remedies/{remedy_id}/complete/",
        "/api/v1/service-requests/{id}/complaint/",
    ]:
        assert path in paths, path
    assert "delete" not in paths["/api/v1/complaints/{reference}/"]
    respond_op = paths["/api/v1/complaints/{reference}/respond/"]["post"]
    assert {"200", "400", "403", "409"} <= set(respond_op["responses"])
    schemas = answer.json()["components"]["schemas"]
    assert {"responded_on", "decision", "reasons", "remedies"} <= set(
        schemas["RespondInputRequest"]["properties"]
    )
    assert "provision" in schemas["RuleBrokenOutput"]["properties"]


def test_the_schema_and_docs_are_for_signed_in_staff(anonymous, db):
    """Finding 11: they were public; the schema maps every operation for an attacker."""
    for path in ("/api/v1/schema/", "/api/v1/docs/"):
        assert anonymous.get(path).status_code in (401, 403), path


def test_the_interactive_docs_come_from_our_own_static_files_under_the_csp(as_olivia):
    answer = as_olivia.get("/api/v1/docs/")

    assert answer.status_code == 200
    page = answer.content.decode()
    assert "swagger" in page.lower()
    # No script, style or image from another site (finding 11: a CDN's moving @latest tag).
    origins = set(re.findall(r'(?:src|href)="(https?://[^/"]+)', page))
    assert origins == set(), origins
    assert re.search(r'<script[^>]+src="/static/drf_spectacular_sidecar/', page)
    # Its start-up script is a file of its own, so the strict policy (no inline script) holds.
    assert "script-src 'self'" in answer["Content-Security-Policy"]
    assert not re.search(r"<script>(?!\s*</script>)", page)
    init = re.search(r'<script src="([^"]+\?script=)"', page)
    assert init and as_olivia.get(init.group(1)).status_code == 200


def test_the_complaint_in_full(as_olivia, investigating, hannah):
    complaint = respond(
        investigating,
        user=hannah,
        on=dt.date(2025, 11, 14),
        remedies=[
            {
                "type": "financial",
                "description": "Compensation.",
                "amount": "75",
                "due_on": dt.date(2025, 12, 1),
            }
        ],
        actions=[{"description": "Replaster.", "due_on": dt.date(2025, 12, 1)}],
    )

    data = as_olivia.get(url(complaint)).data

    assert set(data) >= {
        "reference",
        "status",
        "stage",
        "received_on",
        "channel",
        "description",
        "category",
        "code_version",
        "resident",
        "representative",
        "stages",
        "remedies",
        "actions",
        "refusals",
        "related_issues",
        "events",
    }
    assert set(data["resident"]) == {
        "id",
        "name",
        "email",
        "phone",
        "address",
        "tenancy_reference",
    }
    [stage] = data["stages"]
    assert set(stage) >= {
        "stage",
        "requested_on",
        "acknowledge_by",
        "internal_acknowledge_by",
        "acknowledged_on",
        "respond_by",
        "internal_respond_by",
        "responded_on",
        "handler",
        "definition",
        "extensions",
        "decision",
        "reasons",
        "within_timescale",
        "working_days_left",
        "overdue",
    }
    assert set(stage["definition"]) == {
        "understanding",
        "outcomes_sought",
        "responsible_for",
        "not_responsible_for",
    }
    assert data["remedies"][0]["amount"] == "75.00"
    assert data["allowed_actions"] == ["close", "escalate", "withdraw"]
    assert [e["type"] for e in data["events"]] == [
        "complaint_logged",
        "stage_acknowledged",
        "stage_responded",
    ]
    assert set(data["events"][0]) == {"type", "occurred_at", "actor", "parameters"}
    assert data["events"][2]["actor"] == "hannah"
    assert data["events"][2]["parameters"]["decision"] == "upheld"


def test_the_timeline_endpoint(as_olivia, investigating):
    answer = as_olivia.get(url(investigating, "events"))

    assert answer.status_code == 200
    assert [e["type"] for e in answer.data["results"]] == [
        "complaint_logged",
        "stage_acknowledged",
    ]


@pytest.mark.parametrize("notes", [1, 12])
def test_the_detail_query_count_does_not_grow_with_the_record(
    as_olivia, investigating, olivia, notes, django_assert_num_queries
):
    from putright.complaints.services import note_add, remedy_offer

    for i in range(notes):
        note_add(user=olivia, complaint=investigating, text=f"Note {i}")
        remedy_offer(user=olivia, complaint=investigating, type="apology", description=f"R{i}")

    with django_assert_num_queries(DETAIL_QUERIES):
        assert as_olivia.get(url(investigating)).status_code == 200
