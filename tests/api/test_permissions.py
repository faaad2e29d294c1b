"""Who may do what (issue 2, section 6): governance users read only; handlers act on the cases
assigned to them; the complaints officer and managers on any case; nobody deletes."""

import pytest

from tests.api.conftest import definition, snapshot, url

WRITES = [
    ("acknowledge", {"acknowledged_on": "2025-11-05", "definition": definition()}),
    ("extend", {"working_days": 5, "reason": "Waiting.", "resident_informed_on": "2025-11-17"}),
    ("respond", {"responded_on": "2025-11-14", "decision": "upheld", "reasons": "Late."}),
    ("escalate", {"requested_on": "2025-11-17"}),
    ("refuse", {"reason": "other", "explanation": "Explained.", "decided_on": "2025-11-05"}),
    ("withdraw", {}),
    ("close", {}),
    ("assign", {"handler": "harry"}),
    ("remedies", {"type": "apology", "description": "Sorry."}),
    ("actions", {"description": "Check the gutter.", "due_on": "2025-12-01"}),
    ("notes", {"text": "A note."}),
]


@pytest.mark.parametrize(("action", "body"), WRITES, ids=[w[0] for w in WRITES])
def test_governance_users_change_nothing(as_grace, investigating, harry, action, body):
    before = snapshot(investigating)

    answer = as_grace.post(url(investigating, action), body, format="json")

    assert answer.status_code == 403
    assert snapshot(investigating) == before


def test_governance_users_cannot_upload_or_complete(as_grace, responded, hannah):
    remedy = responded.remedies.create(
        stage=1, type="apology", description="Sorry.", offered_on=responded.received_on
    )
    before = snapshot(responded)

    assert as_grace.post(url(responded, "attachments"), {}).status_code == 403
    assert as_grace.post(url(responded, f"remedies/{remedy.pk}/complete")).status_code == 403
    assert as_grace.post("/api/v1/service-requests/", {}, format="json").status_code == 403
    assert snapshot(responded) == before


def test_governance_users_read_everything(as_grace, investigating):
    assert as_grace.get("/api/v1/complaints/").data["count"] == 1
    assert as_grace.get(url(investigating)).data["reference"] == investigating.reference
    assert as_grace.get(url(investigating, "events")).status_code == 200
    assert as_grace.get("/api/v1/service-requests/").status_code == 200


@pytest.mark.parametrize(("action", "body"), WRITES[:3], ids=[w[0] for w in WRITES[:3]])
def test_anonymous_requests_are_refused(anonymous, investigating, action, body):
    before = snapshot(investigating)

    assert anonymous.post(url(investigating, action), body, format="json").status_code == 401
    assert anonymous.get(url(investigating)).status_code == 401
    assert snapshot(investigating) == before


HANDLER_ONLY = [w for w in WRITES if w[0] != "assign"]


@pytest.mark.parametrize(("action", "body"), HANDLER_ONLY, ids=[w[0] for w in HANDLER_ONLY])
def test_a_handler_cannot_act_on_another_handlers_case(as_harry, investigating, action, body):
    before = snapshot(investigating)

    answer = as_harry.post(url(investigating, action), body, format="json")

    assert answer.status_code == 403, answer.data
    assert snapshot(investigating) == before


def test_the_403_comes_before_the_body_is_read(as_harry, investigating):
    answer = as_harry.post(url(investigating, "extend"), {"working_days": "x"}, format="json")

    assert answer.status_code == 403


def test_a_handler_cannot_complete_another_handlers_remedy(as_harry, as_hannah, responded):
    remedy = as_hannah.post(
        url(responded, "remedies"), {"type": "apology", "description": "Sorry."}, format="json"
    )
    before = snapshot(responded)

    answer = as_harry.post(url(responded, f"remedies/{remedy.data['id']}/complete"))

    assert answer.status_code == 403
    assert snapshot(responded) == before


def test_the_assigned_handler_acts(as_hannah, investigating):
    body = {"working_days": 5, "reason": "Waiting.", "resident_informed_on": "2025-11-17"}

    assert as_hannah.post(url(investigating, "extend"), body, format="json").status_code == 200


def test_handlers_do_not_assign(as_hannah, new_complaint, hannah):
    before = snapshot(new_complaint)

    answer = as_hannah.post(url(new_complaint, "assign"), {"handler": "hannah"}, format="json")

    assert answer.status_code == 403
    assert snapshot(new_complaint) == before


def test_a_handler_takes_an_unassigned_complaint_as_its_handler(as_harry, new_complaint, hannah):
    body = {"acknowledged_on": "2025-11-04", "definition": definition()}
    named = {**body, "handler": "hannah"}
    before = snapshot(new_complaint)

    # A handler cannot hand a case to someone else; only the officer or a manager can.
    assert as_harry.post(url(new_complaint, "acknowledge"), named, format="json").status_code == 403
    assert snapshot(new_complaint) == before

    answer = as_harry.post(url(new_complaint, "acknowledge"), body, format="json")
    assert answer.status_code == 200, answer.data
    assert answer.data["stages"][0]["handler"] == "harry"


@pytest.mark.parametrize("persona", ["olivia", "martin", "adam"])
def test_the_officer_managers_and_admins_act_on_any_case(
    client_for, investigating, persona, request
):
    client = client_for(request.getfixturevalue(persona))
    body = {"working_days": 5, "reason": "Waiting.", "resident_informed_on": "2025-11-17"}

    assert client.post(url(investigating, "extend"), body, format="json").status_code == 200


@pytest.mark.parametrize("method", ["delete", "put", "patch"])
def test_complaints_and_their_events_cannot_be_changed_or_deleted(as_olivia, investigating, method):
    before = snapshot(investigating)

    assert getattr(as_olivia, method)(url(investigating)).status_code == 405
    assert getattr(as_olivia, method)(url(investigating, "events")).status_code == 405
    assert getattr(as_olivia, method)("/api/v1/complaints/").status_code == 405
    assert snapshot(investigating) == before


def test_actions_are_posts_only(as_olivia, investigating):
    assert as_olivia.get(url(investigating, "acknowledge")).status_code == 405
    assert as_olivia.delete(url(investigating, "notes")).status_code == 405
