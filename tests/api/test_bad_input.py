"""Bad input never costs us (security review, findings 4, 9, 10 and 18): every text is bounded and
cleaned, every list has a maximum, dates lie in the calendar, deep JSON is refused, and every
error under /api/ is JSON. Each test is refused with 400 naming the field, and nothing is
recorded."""

import json

import pytest
from drf_spectacular.generators import SchemaGenerator

from putright import text
from putright.api.parsers import MAX_DEPTH
from putright.complaints.models import Complaint, Note
from putright.people.models import Resident
from tests.api.conftest import url

BODY = {
    "resident": {"name": "Rosa Patel", "address": "Flat 3, 12 Elm Road"},
    "received_on": "2025-11-03",
    "channel": "phone",
    "description": "The kitchen ceiling has leaked for three weeks.",
}


def create(client, **changes):
    return client.post("/api/v1/complaints/", {**BODY, **changes}, format="json")


# --- the schema: no request body can carry an unbounded string or list -----------------------


def _unbounded(schema: dict, components: dict, where: str, seen: set) -> list[str]:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return []
        seen.add(name)
        return _unbounded(components[name], components, name, seen)
    found = []
    for part in schema.get("allOf", []) + schema.get("oneOf", []) + schema.get("anyOf", []):
        found += _unbounded(part, components, where, seen)
    for name, field in schema.get("properties", {}).items():
        if not field.get("readOnly"):
            found += _unbounded(field, components, f"{where}.{name}", seen)
    kind = schema.get("type")
    if kind == "string" and not {"enum", "format"} & schema.keys() and "maxLength" not in schema:
        found.append(where)
    if kind == "array":
        if "maxItems" not in schema:
            found.append(where)
        found += _unbounded(schema.get("items", {}), components, f"{where}[]", seen)
    return found


def test_every_string_and_list_in_every_request_body_has_a_maximum():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    components = schema["components"]["schemas"]
    bodies, unbounded = 0, []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for content in operation.get("requestBody", {}).get("content", {}).values():
                bodies += 1
                found = _unbounded(content["schema"], components, f"{method} {path}", set())
                unbounded += found
    assert bodies > 30  # the walk saw the API's bodies
    assert unbounded == []


# --- text ------------------------------------------------------------------------------------


def test_free_text_over_its_limit_is_refused_naming_the_field(as_olivia, db):
    response = create(as_olivia, description="x" * (text.TEXT + 1))
    assert response.status_code == 400
    assert response.json() == {"description": ["Use 20,000 characters or fewer (this has 20,001)."]}
    assert Complaint.objects.count() == 0 and Resident.objects.count() == 0
    assert create(as_olivia, description="x" * text.TEXT).status_code == 201


@pytest.mark.parametrize(
    "action, field",
    [("notes", "text"), ("withdraw", "reason"), ("refuse", "explanation")],
)
def test_every_case_action_bounds_its_text(as_olivia, new_complaint, action, field):
    response = as_olivia.post(url(new_complaint, action), {field: "y" * 20_001}, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert new_complaint.events.count() == 1  # logged, and nothing since


def test_control_and_bidi_characters_are_removed_from_names_and_kept_out_of_text(as_olivia, db):
    response = create(
        as_olivia,
        resident={"name": "Rosa\u202e\u200b Pa\x1btel\x07", "tenancy_reference": "T-1\u2066\u0008"},
        description="Line one\nLine two\twith a tab\x1b[31m and \u202eno override.",
    )
    assert response.status_code == 201, response.data
    complaint = Complaint.objects.get()
    assert complaint.resident.name == "Rosa Patel"
    assert complaint.resident.tenancy_reference == "T-1"
    assert complaint.description == "Line one\nLine two\twith a tab[31m and no override."


def test_a_note_keeps_its_line_breaks_and_loses_its_controls(as_olivia, new_complaint):
    response = as_olivia.post(url(new_complaint, "notes"), {"text": "a\nb\x00"}, format="json")
    assert response.status_code == 400  # NUL is refused outright, not silently dropped
    typed = {"text": "a\r\nb\x0c\x7f"}
    response = as_olivia.post(url(new_complaint, "notes"), typed, format="json")
    assert response.status_code == 201
    assert Note.objects.get().text == "a\r\nb"


# --- lists -----------------------------------------------------------------------------------


def test_a_list_over_its_maximum_is_refused_before_anything_is_made(as_olivia, db):
    people = [{"name": f"Person {n}", "relationship": "Neighbour"} for n in range(text.ITEMS + 1)]
    response = create(as_olivia, co_complainants=people)
    assert response.status_code == 400
    assert response.json() == {"co_complainants": ["Send at most 50 entries in one request."]}
    assert Resident.objects.count() == 0


def test_remedies_in_one_response_have_a_maximum(as_hannah, investigating):
    remedy = {"type": "apology", "description": "We are sorry."}
    response = as_hannah.post(
        url(investigating, "respond"),
        {
            "responded_on": "2025-11-14",
            "decision": "upheld",
            "reasons": "The repair was late.",
            "remedies": [remedy] * (text.ITEMS + 1),
        },
        format="json",
    )
    assert response.status_code == 400
    assert "remedies" in response.json()
    assert investigating.stages.get().responded_on is None


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["1999-12-31", "0001-01-01", "2081-01-01", "9999-12-31"])
def test_dates_outside_the_calendar_are_refused_everywhere(as_olivia, db, day):
    message = ["Enter a date between 1 January 2000 and 31 December 2080."]
    assert create(as_olivia, received_on=day).json() == {"received_on": message}
    request = {**BODY, "received_on": day}
    response = as_olivia.post("/api/v1/service-requests/", request, format="json")
    assert response.status_code == 400 and response.json() == {"received_on": message}
    period = {"code_version": "2024", "period_start": day, "period_end": "2025-03-31"}
    response = as_olivia.post("/api/v1/self-assessments/", period, format="json")
    assert response.status_code == 400 and "period_start" in response.json()
    assert Complaint.objects.count() == 0


def test_the_calendar_edges_are_accepted(as_olivia, db):
    response = as_olivia.post(
        "/api/v1/service-requests/", {**BODY, "received_on": "2000-01-01"}, format="json"
    )
    assert response.status_code == 201, response.data


# --- JSON ------------------------------------------------------------------------------------


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deeply_nested_json_is_a_400_on_every_json_endpoint(as_olivia, new_complaint, opening):
    closing = {"[": "]", '{"a":': "}"}[opening]
    deep = opening * 100_000 + "1" + closing * 100_000
    for path in (url(new_complaint, "notes"), "/api/v1/complaints/", "/api/v1/self-assessments/"):
        response = as_olivia.post(path, data=deep, content_type="application/json")
        assert response.status_code == 400
        assert response.json() == {
            "detail": f"JSON nested more than {MAX_DEPTH} levels deep is not accepted."
        }


def test_nesting_within_the_limit_is_read_and_brackets_in_strings_do_not_count(as_olivia, db):
    brackets = "[{" * 500
    body = json.dumps({**BODY, "description": brackets})
    response = as_olivia.post("/api/v1/complaints/", data=body, content_type="application/json")
    assert response.status_code == 201, response.data
    assert Complaint.objects.get().description == brackets


# --- every error under /api/ is JSON ----------------------------------------------------------


def test_an_unknown_api_address_answers_json(as_olivia):
    response = as_olivia.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"] == "not_found"


def test_a_crash_under_the_api_answers_json_500(as_olivia, new_complaint, monkeypatch):
    from putright.api import views

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(views, "complaint_answer", broken)
    as_olivia.raise_request_exception = False
    response = as_olivia.get(url(new_complaint))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"] == "server_error"
    assert "a bug" not in response.content.decode()  # nothing of the inside is told


def test_a_body_over_the_request_limit_answers_json(as_olivia, new_complaint, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    response = as_olivia.post(
        url(new_complaint, "notes"),
        {"text": "z" * 2_000, "more": "z" * 2_000},
        format="multipart",
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
