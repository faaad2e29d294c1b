"""The permission check comes before the body (docs/api.md; review finding 20c), for every write
in the API: read from the OpenAPI schema, so a new endpoint cannot slip through. A user who may
not write hears 403 whatever they sent, never 400 for a malformed body and 403 for a valid one."""

import re

import pytest
from drf_spectacular.generators import SchemaGenerator

from tests.factories import log_complaint

MALFORMED = b'{"this is": not json'
WRITES = ("post", "put", "patch", "delete")


def _write_operations() -> list[tuple[str, str]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return [
        (method, path)
        for path, item in schema["paths"].items()
        for method in item
        if method in WRITES
    ]


OPERATIONS = _write_operations()

# Writes a governance user may make, each for a reason: signing in and out, and managing their
# own tokens, are every user's; recording the governing body's approval is governance's own.
GOVERNANCE_MAY = {
    ("post", "/api/v1/auth/login/"),
    ("post", "/api/v1/auth/logout/"),
    ("post", "/api/v1/auth/logout-all/"),
    ("delete", "/api/v1/auth/tokens/{token_id}/"),
    ("post", "/api/v1/self-assessments/{id}/approve/"),
}

# Writes a handler may make on a case they do not hold: the signing in and out above; logging
# complaints and service requests (any staff); adjustments (any staff); and raising a risk flag,
# the deliberate safeguarding exception (docs/api.md); survey responses and their follow-ups,
# which belong to no case (any staff who change cases, docs/surveys.md); asking the detector
# about messages, or for related open complaints, which records nothing, and following up what
# the detector heard, which belongs to no case either (docs/insight.md).
HANDLER_MAY = {
    *[op for op in GOVERNANCE_MAY if "/auth/" in op[1]],
    ("post", "/api/v1/complaints/"),
    ("post", "/api/v1/service-requests/"),
    ("post", "/api/v1/service-requests/{id}/complaint/"),
    ("post", "/api/v1/service-requests/{id}/complete/"),
    ("post", "/api/v1/residents/{id}/adjustments/"),
    ("post", "/api/v1/residents/{id}/adjustments/{aid}/reviews/"),
    ("post", "/api/v1/complaints/{reference}/vulnerability-flags/"),
    ("post", "/api/v1/dissatisfaction/detect/"),
    ("post", "/api/v1/dissatisfaction/flags/{id}/follow-ups/"),
    ("post", "/api/v1/related-complaints/"),
    ("post", "/api/v1/surveys/"),
    ("post", "/api/v1/surveys/{id}/follow-ups/"),
}


def _send(client, method, path, **values):
    url = re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), 999999)), path)
    return getattr(client, method)(url, MALFORMED, content_type="application/json")


def test_the_schema_lists_the_writes_we_expect():
    # A stale exception would silently excuse a new endpoint: every one named must exist.
    assert len(OPERATIONS) > 40
    assert set(OPERATIONS) >= GOVERNANCE_MAY
    assert set(OPERATIONS) >= HANDLER_MAY


@pytest.mark.parametrize(
    ("method", "path"),
    [op for op in OPERATIONS if op not in GOVERNANCE_MAY],
    ids=[f"{m.upper()} {p}" for m, p in OPERATIONS if (m, p) not in GOVERNANCE_MAY],
)
def test_governance_with_a_malformed_body_hears_403(as_grace, hannah, method, path):
    complaint = log_complaint(user=hannah)

    answer = _send(as_grace, method, path, reference=complaint.reference, id=complaint.resident_id)

    assert answer.status_code == 403, (answer.status_code, answer.content[:200])


@pytest.mark.parametrize(
    ("method", "path"),
    [op for op in OPERATIONS if op not in HANDLER_MAY],
    ids=[f"{m.upper()} {p}" for m, p in OPERATIONS if (m, p) not in HANDLER_MAY],
)
def test_a_handler_on_another_handlers_case_with_a_malformed_body_hears_403(
    as_harry, hannah, method, path
):
    complaint = log_complaint(user=hannah)  # Hannah holds it

    answer = _send(as_harry, method, path, reference=complaint.reference, id=complaint.resident_id)

    assert answer.status_code == 403, (answer.status_code, answer.content[:200])


def test_the_people_allowed_still_get_400_for_a_malformed_body(as_hannah, as_olivia, hannah):
    # The early check refuses only those who may not act: the rest hear what is wrong.
    complaint = log_complaint(user=hannah)
    for client in (as_hannah, as_olivia):
        for path in (
            "/api/v1/complaints/{reference}/letters/",
            "/api/v1/complaints/{reference}/update-interval/",
            "/api/v1/complaints/{reference}/notes/",
        ):
            answer = _send(client, "post", path, reference=complaint.reference)
            assert answer.status_code == 400, (path, answer.content[:200])
    answer = _send(as_olivia, "post", "/api/v1/residents/{id}/merge/", id=complaint.resident_id)
    assert answer.status_code == 400
