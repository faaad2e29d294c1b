"""Each action on a complaint: the happy path answers 200 with the updated complaint; bad input
is 400 naming the field; a broken Code rule is 409 naming the provision; a refused request
changes nothing."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from putright.complaints.services import complaint_acknowledge, complaint_extend
from tests.api.conftest import definition, snapshot, url
from tests.factories import acknowledge, log_complaint, respond


def post(client, complaint, action, body=None, **kwargs):
    kwargs.setdefault("format", "json")
    return client.post(url(complaint, action), body or {}, **kwargs)


def assert_refused(answer, code, complaint, before, *, provision=None, field=None):
    assert answer.status_code == code, answer.content
    if code == 409:
        assert set(answer.json()) == {"error", "detail", "provision"}
        assert answer.json()["provision"] == provision
    if field is not None:
        assert field in answer.json()
    assert snapshot(complaint) == before


# --- acknowledge ---------------------------------------------------------------------------


def test_acknowledge_defines_and_assigns(as_olivia, new_complaint, hannah):
    answer = post(
        as_olivia,
        new_complaint,
        "acknowledge",
        {"acknowledged_on": "2025-11-04", "handler": "hannah", "definition": definition()},
    )

    assert answer.status_code == 200, answer.data
    assert answer.data["status"] == "investigating"
    [stage] = answer.data["stages"]
    assert stage["acknowledged_on"] == "2025-11-04"
    assert stage["handler"] == "hannah"
    # Tuesday 4 November + 10 working days (6.3).
    assert stage["respond_by"] == "2025-11-18"
    assert stage["definition"]["understanding"] == definition()["understanding"]
    assert stage["definition"]["not_responsible_for"] == "Contents insurance."
    assert answer.data["events"][-1]["type"] == "stage_acknowledged"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"acknowledged_on": "2025-11-25"}, "acknowledged_on"),  # after today
        ({"acknowledged_on": "2025-11-02"}, "acknowledged_on"),  # before it was received
        ({"acknowledged_on": "4 Nov 2025"}, "acknowledged_on"),
        ({"definition": {"understanding": ""}}, "definition.understanding"),
        ({"definition": {"outcomes_sought": "  "}}, "definition.outcomes_sought"),
        ({"definition": "the leak"}, "definition"),
        ({"handler": "nobody"}, "handler"),
        ({"handler": "grace"}, "handler"),  # governance users cannot handle complaints
    ],
)
def test_acknowledge_bad_input(as_olivia, new_complaint, grace, body, field):
    full = {"acknowledged_on": "2025-11-04", "handler": "olivia", "definition": definition()}
    for key, value in body.items():
        if key == "definition" and isinstance(value, dict):
            full["definition"] = {**definition(), **value}
        else:
            full[key] = value
    before = snapshot(new_complaint)

    answer = post(as_olivia, new_complaint, "acknowledge", full)

    assert_refused(answer, 400, new_complaint, before, field=field)


def test_acknowledging_twice_breaks_the_state(as_olivia, investigating):
    before = snapshot(investigating)
    body = {"acknowledged_on": "2025-11-05", "definition": definition()}

    answer = post(as_olivia, investigating, "acknowledge", body)

    assert_refused(answer, 409, investigating, before, provision=None)
    assert answer.json()["error"] == "invalid_state"


# --- extend --------------------------------------------------------------------------------


def test_extend_moves_the_response_date(as_hannah, investigating):
    body = {
        "working_days": 5,
        "reason": "Waiting for the roofer's report.",
        "resident_informed_on": "2025-11-17",
    }

    answer = post(as_hannah, investigating, "extend", body)

    assert answer.status_code == 200, answer.data
    [stage] = answer.data["stages"]
    assert stage["respond_by"] == "2025-11-25"
    assert stage["extended_days"] == 5
    [extension] = stage["extensions"]
    assert extension["respond_by_before"] == "2025-11-18"
    assert extension["respond_by_after"] == "2025-11-25"
    assert extension["granted_by"] == "hannah"
    assert stage["overdue"] is False
    assert stage["working_days_left"] == 1


def test_an_extension_beyond_10_days_at_stage_1_needs_a_good_reason(as_hannah, investigating):
    before = snapshot(investigating)
    body = {"working_days": 11, "reason": "Busy.", "resident_informed_on": "2025-11-17"}

    answer = post(as_hannah, investigating, "extend", body)

    assert_refused(answer, 409, investigating, before, provision="6.4")
    assert answer.json()["error"] == "extension_too_long"


def test_extensions_add_up_towards_the_limit(as_hannah, investigating, hannah):
    complaint_extend(
        user=hannah,
        complaint=investigating,
        working_days=6,
        reason="Survey booked.",
        resident_informed_on=dt.date(2025, 11, 17),
    )
    before = snapshot(investigating)
    body = {"working_days": 5, "reason": "Survey again.", "resident_informed_on": "2025-11-20"}

    answer = post(as_hannah, investigating, "extend", body)

    assert_refused(answer, 409, investigating, before, provision="6.4")


def test_a_good_reason_allows_a_longer_extension(as_hannah, investigating):
    body = {
        "working_days": 15,
        "reason": "Specialist damp survey.",
        "good_reason": "The only accredited surveyor cannot attend until December.",
        "resident_informed_on": "2025-11-17",
    }

    answer = post(as_hannah, investigating, "extend", body)

    assert answer.status_code == 200, answer.data
    assert answer.data["stages"][0]["extended_days"] == 15


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"working_days": 0}, "working_days"),
        ({"working_days": "five"}, "working_days"),
        ({"reason": ""}, "reason"),
        ({"resident_informed_on": "2025-11-30"}, "resident_informed_on"),
        ({"resident_informed_on": "2025-11-01"}, "resident_informed_on"),
    ],
)
def test_extend_bad_input(as_hannah, investigating, body, field):
    full = {"working_days": 5, "reason": "Waiting.", "resident_informed_on": "2025-11-17", **body}
    before = snapshot(investigating)

    answer = post(as_hannah, investigating, "extend", full)

    assert_refused(answer, 400, investigating, before, field=field)


def test_an_extension_beyond_20_days_at_stage_2_needs_a_good_reason(as_harry, escalated, harry):
    complaint_acknowledge(
        user=harry,
        complaint=escalated,
        acknowledged_on=dt.date(2025, 11, 18),
        handler=harry,
        definition=definition(),
    )
    before = snapshot(escalated)
    body = {"working_days": 21, "reason": "Complex.", "resident_informed_on": "2025-11-20"}

    answer = post(as_harry, escalated, "extend", body)

    assert_refused(answer, 409, escalated, before, provision="6.15")
    body["working_days"] = 20
    assert post(as_harry, escalated, "extend", body).status_code == 200


def test_extending_before_acknowledgement_breaks_the_state(as_olivia, new_complaint):
    before = snapshot(new_complaint)
    body = {"working_days": 5, "reason": "Waiting.", "resident_informed_on": "2025-11-17"}

    answer = post(as_olivia, new_complaint, "extend", body)

    assert_refused(answer, 409, new_complaint, before, provision=None)


# --- respond -------------------------------------------------------------------------------


def test_respond_with_remedies_and_outstanding_actions(as_hannah, investigating):
    body = {
        "responded_on": "2025-11-14",
        "decision": "partly_upheld",
        "reasons": "The repair was late; the first visit was on time.",
        "remedies": [
            {"type": "apology", "description": "We apologise for the delay."},
            {
                "type": "financial",
                "description": "For the time without a kitchen.",
                "amount": "150.00",
                "due_on": "2025-11-28",
            },
        ],
        "outstanding_actions": [{"description": "Replaster the ceiling.", "due_on": "2025-12-05"}],
    }

    answer = post(as_hannah, investigating, "respond", body)

    assert answer.status_code == 200, answer.data
    assert answer.data["status"] == "responded"
    [stage] = answer.data["stages"]
    assert stage["decision"] == "partly_upheld"
    assert stage["responded_on"] == "2025-11-14"
    assert stage["within_timescale"] is True
    assert stage["working_days_left"] is None
    assert [r["type"] for r in answer.data["remedies"]] == ["apology", "financial"]
    assert answer.data["remedies"][1]["amount"] == "150.00"
    assert answer.data["actions"][0]["due_on"] == "2025-12-05"


def test_a_late_response_is_recorded_as_outside_the_timescale(as_hannah, investigating):
    body = {"responded_on": "2025-11-19", "decision": "upheld", "reasons": "Late repair."}

    answer = post(as_hannah, investigating, "respond", body)

    assert answer.status_code == 200
    assert answer.data["stages"][0]["within_timescale"] is False


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"decision": "maybe"}, "decision"),
        ({"reasons": ""}, "reasons"),
        ({"responded_on": "2025-11-03"}, "responded_on"),  # before the acknowledgement
        ({"responded_on": "2025-11-25"}, "responded_on"),  # after today
        ({"remedies": [{"type": "hug", "description": "x"}]}, "remedies[0].type"),
        ({"remedies": [{"type": "financial", "description": "x"}]}, "remedies[0].amount"),
        (
            {"remedies": [{"type": "financial", "description": "x", "amount": "lots"}]},
            "remedies[0].amount",
        ),
        (
            {"remedies": [{"type": "apology", "description": "x", "due_on": "2025-11-01"}]},
            "remedies[0].due_on",
        ),
        ({"outstanding_actions": [{"description": "Fix it."}]}, "outstanding_actions[0].due_on"),
        ({"remedies": "an apology"}, "remedies"),
    ],
)
def test_respond_bad_input(as_hannah, investigating, body, field):
    full = {"responded_on": "2025-11-14", "decision": "upheld", "reasons": "Late.", **body}
    before = snapshot(investigating)

    answer = post(as_hannah, investigating, "respond", full)

    assert_refused(answer, 400, investigating, before, field=field)


def test_responding_before_acknowledgement_breaks_the_state(as_olivia, new_complaint):
    before = snapshot(new_complaint)
    body = {"responded_on": "2025-11-14", "decision": "upheld", "reasons": "Late."}

    answer = post(as_olivia, new_complaint, "respond", body)

    assert_refused(answer, 409, new_complaint, before, provision=None)


# --- escalate ------------------------------------------------------------------------------


def test_escalate_opens_stage_2(as_olivia, responded):
    answer = post(as_olivia, responded, "escalate", {"requested_on": "2025-11-17"})

    assert answer.status_code == 200, answer.data
    assert answer.data["stage"] == 2
    assert answer.data["status"] == "awaiting_acknowledgement"
    stage1, stage2 = answer.data["stages"]
    assert stage1["handler"] == "hannah"
    assert stage2["requested_on"] == "2025-11-17"
    # Monday 17 November + 5 working days (6.11).
    assert stage2["acknowledge_by"] == "2025-11-24"
    assert stage2["handler"] is None


def test_escalating_before_the_stage_1_response_is_refused(as_olivia, investigating):
    before = snapshot(investigating)

    answer = post(as_olivia, investigating, "escalate", {"requested_on": "2025-11-17"})

    assert_refused(answer, 409, investigating, before, provision="6.10")
    assert answer.json()["error"] == "not_responded"


def test_a_stage_2_complaint_cannot_be_escalated_again(as_olivia, escalated):
    before = snapshot(escalated)

    answer = post(as_olivia, escalated, "escalate", {"requested_on": "2025-11-20"})

    assert_refused(answer, 409, escalated, before, provision="6.19")


@pytest.mark.parametrize("requested_on", ["2025-11-13", "2025-11-25", "yesterday"])
def test_escalation_dates_outside_the_case_are_refused(as_olivia, responded, requested_on):
    before = snapshot(responded)

    answer = post(as_olivia, responded, "escalate", {"requested_on": requested_on})

    assert_refused(answer, 400, responded, before, field="requested_on")


def test_escalation_needs_no_reason(as_olivia, responded):
    # 6.12: the resident is never required to explain why they want stage 2.
    assert post(as_olivia, responded, "escalate", {"requested_on": "2025-11-17"}).status_code == 200


# --- stage 2 independence (6.13) -----------------------------------------------------------


def test_the_stage_1_handler_cannot_acknowledge_stage_2(as_olivia, escalated):
    before = snapshot(escalated)
    body = {"acknowledged_on": "2025-11-18", "handler": "hannah", "definition": definition()}

    answer = post(as_olivia, escalated, "acknowledge", body)

    assert_refused(answer, 409, escalated, before, provision="6.13")
    assert answer.json()["error"] == "stage2_not_independent"


def test_the_stage_1_handler_cannot_take_stage_2_themselves(as_hannah, escalated):
    before = snapshot(escalated)
    body = {"acknowledged_on": "2025-11-18", "definition": definition()}

    answer = post(as_hannah, escalated, "acknowledge", body)

    assert_refused(answer, 409, escalated, before, provision="6.13")


def test_the_stage_1_handler_cannot_be_assigned_stage_2(as_olivia, escalated):
    before = snapshot(escalated)

    answer = post(as_olivia, escalated, "assign", {"handler": "hannah"})

    assert_refused(answer, 409, escalated, before, provision="6.13")


def test_another_handler_takes_stage_2(as_olivia, escalated, harry):
    body = {"acknowledged_on": "2025-11-18", "handler": "harry", "definition": definition()}

    answer = post(as_olivia, escalated, "acknowledge", body)

    assert answer.status_code == 200, answer.data
    stage2 = answer.data["stages"][1]
    assert stage2["handler"] == "harry"
    # Tuesday 18 November + 20 working days (6.14): Christmas Day and Boxing Day do not count.
    assert stage2["respond_by"] == "2025-12-16"


# --- assign --------------------------------------------------------------------------------


def test_assign_sets_the_handler(as_olivia, new_complaint, harry):
    answer = post(as_olivia, new_complaint, "assign", {"handler": "harry"})

    assert answer.status_code == 200, answer.data
    assert answer.data["stages"][0]["handler"] == "harry"
    event = answer.data["events"][-1]
    assert event["type"] == "handler_assigned"
    assert event["parameters"]["after"] == "harry"


@pytest.mark.parametrize("handler", ["", "nobody", "grace"])
def test_assign_names_a_bad_handler(as_olivia, new_complaint, grace, handler):
    before = snapshot(new_complaint)

    answer = post(as_olivia, new_complaint, "assign", {"handler": handler})

    assert_refused(answer, 400, new_complaint, before, field="handler")


def test_a_closed_complaint_cannot_be_reassigned(as_olivia, responded, harry, olivia):
    post(as_olivia, responded, "close", {"closed_on": "2025-11-20"})
    before = snapshot(responded)

    answer = post(as_olivia, responded, "assign", {"handler": "harry"})

    assert_refused(answer, 409, responded, before)


# --- refuse (section 2) --------------------------------------------------------------------


def test_refuse_records_the_reason_and_the_ombudsman_rights(as_olivia, olivia):
    complaint = log_complaint(
        user=olivia, received_on=dt.date(2025, 11, 3), issue_date=dt.date(2024, 9, 1)
    )
    body = {
        "reason": "over_12_months",
        "explanation": "The missed repair was in September 2024; nothing since.",
        "decided_on": "2025-11-05",
    }

    answer = post(as_olivia, complaint, "refuse", body)

    assert answer.status_code == 200, answer.data
    assert answer.data["status"] == "refused"
    assert answer.data["closed_on"] == "2025-11-05"
    [refusal] = answer.data["refusals"]
    assert refusal["reason"] == "over_12_months"
    # 2.4: given by the refusal letter, not assumed (B4).
    assert refusal["ombudsman_rights_given"] is False
    assert refusal["decided_by"] == "olivia"


def test_an_issue_within_12_months_cannot_be_refused_as_late(as_olivia, olivia):
    complaint = log_complaint(
        user=olivia, received_on=dt.date(2025, 11, 3), issue_date=dt.date(2024, 11, 4)
    )
    before = snapshot(complaint)
    body = {"reason": "over_12_months", "explanation": "Old.", "decided_on": "2025-11-05"}

    answer = post(as_olivia, complaint, "refuse", body)

    assert_refused(answer, 409, complaint, before, provision="2.3")
    assert answer.json()["error"] == "within_12_months"


def test_discretion_applied_cannot_then_be_refused_as_late(as_olivia, olivia):
    complaint = log_complaint(
        user=olivia,
        received_on=dt.date(2025, 11, 3),
        issue_date=dt.date(2023, 1, 1),
        discretion_applied=True,
    )
    before = snapshot(complaint)
    body = {"reason": "over_12_months", "explanation": "Old.", "decided_on": "2025-11-05"}

    assert_refused(
        post(as_olivia, complaint, "refuse", body), 409, complaint, before, provision="2.3"
    )


def test_refuse_on_legal_proceedings(as_olivia, new_complaint):
    body = {
        "reason": "legal_proceedings",
        "explanation": "A disrepair claim about this leak was issued in the county court.",
        "decided_on": "2025-11-04",
    }

    answer = post(as_olivia, new_complaint, "refuse", body)

    assert answer.status_code == 200
    assert answer.data["status"] == "refused"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"reason": "too_busy"}, "reason"),
        ({"explanation": ""}, "explanation"),
        ({"decided_on": "2025-11-02"}, "decided_on"),
        ({"decided_on": "2025-12-01"}, "decided_on"),
    ],
)
def test_refuse_bad_input(as_olivia, new_complaint, body, field):
    full = {"reason": "other", "explanation": "Explained.", "decided_on": "2025-11-04", **body}
    before = snapshot(new_complaint)

    answer = post(as_olivia, new_complaint, "refuse", full)

    assert_refused(answer, 400, new_complaint, before, field=field)


def test_a_complaint_under_investigation_cannot_be_refused(as_olivia, investigating):
    before = snapshot(investigating)
    body = {"reason": "other", "explanation": "Explained.", "decided_on": "2025-11-05"}

    answer = post(as_olivia, investigating, "refuse", body)
    assert_refused(answer, 409, investigating, before, provision="2.2")


def test_escalation_can_be_refused_on_section_2_grounds(as_olivia, escalated):
    body = {
        "reason": "previously_considered",
        "explanation": "The same leak was answered at stage 2 in March.",
        "decided_on": "2025-11-18",
    }

    answer = post(as_olivia, escalated, "refuse", body)

    assert answer.status_code == 200, answer.data
    assert answer.data["refusals"][0]["stage"] == 2


# --- withdraw and close --------------------------------------------------------------------


def test_withdraw(as_olivia, investigating):
    answer = post(as_olivia, investigating, "withdraw", {"reason": "Repair done, resident happy."})

    assert answer.status_code == 200, answer.data
    assert answer.data["status"] == "withdrawn"
    assert answer.data["closed_on"] == "2025-11-24"
    assert answer.data["events"][-1]["parameters"]["before"] == "investigating"


def test_a_withdrawn_complaint_cannot_be_withdrawn_again(as_olivia, investigating):
    post(as_olivia, investigating, "withdraw")
    before = snapshot(investigating)

    answer = post(as_olivia, investigating, "withdraw")

    assert_refused(answer, 409, investigating, before)
    assert answer.json()["error"] == "complaint_ended"


def test_withdrawal_cannot_predate_the_complaint(as_olivia, investigating):
    before = snapshot(investigating)

    answer = post(as_olivia, investigating, "withdraw", {"withdrawn_on": "2025-10-01"})

    assert_refused(answer, 400, investigating, before, field="withdrawn_on")


def test_close_a_responded_complaint(as_hannah, responded):
    answer = post(as_hannah, responded, "close", {"closed_on": "2025-11-20"})

    assert answer.status_code == 200, answer.data
    assert answer.data["status"] == "closed"
    assert answer.data["closed_on"] == "2025-11-20"
    assert answer.data["allowed_actions"] == ["escalate"]  # 6.10: stage 2 stays open


def test_close_before_the_response_is_refused(as_olivia, investigating):
    before = snapshot(investigating)

    assert_refused(post(as_olivia, investigating, "close"), 409, investigating, before)


@pytest.mark.parametrize("closed_on", ["2025-11-13", "2025-11-25"])
def test_close_dates_outside_the_case_are_refused(as_hannah, responded, closed_on):
    before = snapshot(responded)

    answer = post(as_hannah, responded, "close", {"closed_on": closed_on})

    assert_refused(answer, 400, responded, before, field="closed_on")


# --- remedies and outstanding actions (5.13, 7.3) ------------------------------------------


def test_a_remedy_can_be_offered_before_the_response(as_hannah, investigating):
    answer = post(
        as_hannah,
        investigating,
        "remedies",
        {"type": "action", "description": "Emergency roof repair booked.", "due_on": "2025-11-26"},
    )

    assert answer.status_code == 201, answer.data
    assert answer.data["offered_on"] == "2025-11-24"
    assert answer.data["stage"] == 1
    detail = as_hannah.get(url(investigating)).data
    assert [r["id"] for r in detail["remedies"]] == [answer.data["id"]]
    assert detail["status"] == "investigating"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"type": "financial", "description": "Compensation."}, "amount"),
        ({"type": "hug", "description": "x"}, "type"),
        ({"type": "apology", "description": ""}, "description"),
        ({"type": "apology", "description": "Sorry.", "offered_on": "2025-11-30"}, "offered_on"),
    ],
)
def test_remedy_bad_input(as_hannah, investigating, body, field):
    before = snapshot(investigating)

    answer = post(as_hannah, investigating, "remedies", body)

    assert answer.status_code == 400
    assert any(name.endswith(field) for name in answer.json()), answer.json()
    assert snapshot(investigating) == before


def test_no_remedy_on_a_withdrawn_complaint(as_olivia, investigating):
    post(as_olivia, investigating, "withdraw")
    before = snapshot(investigating)

    answer = post(as_olivia, investigating, "remedies", {"type": "apology", "description": "x"})

    assert_refused(answer, 409, investigating, before)


def test_complete_a_remedy_and_an_action(as_hannah, investigating, hannah):
    complaint = respond(
        investigating,
        user=hannah,
        on=dt.date(2025, 11, 14),
        remedies=[
            {"type": "action", "description": "Fix the gutter.", "due_on": dt.date(2025, 11, 21)}
        ],
        actions=[{"description": "Replaster.", "due_on": dt.date(2025, 11, 28)}],
    )
    remedy = complaint.remedies.get()
    action = complaint.actions.get()

    done = post(
        as_hannah, complaint, f"remedies/{remedy.pk}/complete", {"completed_on": "2025-11-20"}
    )
    assert done.status_code == 200, done.data
    assert done.data["completed_on"] == "2025-11-20"
    assert done.data["completed_by"] == "hannah"

    done = post(as_hannah, complaint, f"actions/{action.pk}/complete")
    assert done.status_code == 200, done.data
    assert done.data["completed_on"] == "2025-11-24"

    before = snapshot(complaint)
    again = post(as_hannah, complaint, f"remedies/{remedy.pk}/complete")
    assert_refused(again, 409, complaint, before)
    again = post(as_hannah, complaint, f"actions/{action.pk}/complete")
    assert_refused(again, 409, complaint, before)


def test_completion_cannot_predate_the_offer(as_hannah, responded):
    remedy = post(
        as_hannah,
        responded,
        "remedies",
        {"type": "action", "description": "Fix the gutter.", "due_on": "2025-11-28"},
    )
    before = snapshot(responded)

    answer = post(
        as_hannah,
        responded,
        f"remedies/{remedy.data['id']}/complete",
        {"completed_on": "2025-11-20"},
    )

    assert_refused(answer, 400, responded, before, field="completed_on")


def test_a_remedy_of_another_complaint_is_not_found(as_olivia, investigating, olivia):
    other = log_complaint(user=olivia, received_on=dt.date(2025, 11, 10))
    remedy = post(as_olivia, other, "remedies", {"type": "apology", "description": "Sorry."})

    answer = post(as_olivia, investigating, f"remedies/{remedy.data['id']}/complete")

    assert answer.status_code == 404


def test_add_an_outstanding_action(as_hannah, responded):
    answer = post(
        as_hannah,
        responded,
        "actions",
        {"description": "Check the gutter.", "due_on": "2025-12-01"},
    )

    assert answer.status_code == 201, answer.data
    assert answer.data["due_on"] == "2025-12-01"


# --- notes and attachments (5.12) ----------------------------------------------------------


def test_add_a_note(as_hannah, investigating):
    answer = post(as_hannah, investigating, "notes", {"text": "Rang the resident; no answer."})

    assert answer.status_code == 201, answer.data
    assert answer.data["author"] == "hannah"
    detail = as_hannah.get(url(investigating)).data
    assert [n["text"] for n in detail["notes"]] == ["Rang the resident; no answer."]
    assert detail["events"][-1]["type"] == "note_added"


def test_an_empty_note_is_refused(as_hannah, investigating):
    before = snapshot(investigating)

    assert_refused(
        post(as_hannah, investigating, "notes", {"text": ""}), 400, investigating, before
    )


def test_upload_an_attachment(as_hannah, investigating, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 64, "image/png")

    answer = as_hannah.post(
        url(investigating, "attachments"),
        {"file": upload, "description": "The ceiling"},
        format="multipart",
    )

    assert answer.status_code == 201, answer.data
    assert answer.data["original_name"] == "photo.png"
    assert answer.data["content_type"] == "image/png"
    assert answer.data["uploaded_by"] == "hannah"
    assert as_hannah.get(url(investigating)).data["attachments"][0]["description"] == "The ceiling"


def test_attachment_type_and_size_limits(as_hannah, investigating, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PUTRIGHT_MAX_ATTACHMENT_BYTES = 100
    before = snapshot(investigating)

    program = SimpleUploadedFile("run.exe", b"MZ", "application/x-msdownload")
    answer = as_hannah.post(
        url(investigating, "attachments"), {"file": program}, format="multipart"
    )
    assert_refused(answer, 400, investigating, before, field="file")

    big = SimpleUploadedFile("big.txt", b"x" * 101, "text/plain")
    answer = as_hannah.post(url(investigating, "attachments"), {"file": big}, format="multipart")
    assert_refused(answer, 400, investigating, before, field="file")

    answer = as_hannah.post(url(investigating, "attachments"), {}, format="multipart")
    assert_refused(answer, 400, investigating, before, field="file")


def test_unknown_complaints_are_not_found(as_olivia, db):
    assert post(as_olivia, "CMP-999999", "withdraw").status_code == 404
    assert as_olivia.get(url("CMP-999999")).status_code == 404


def test_acknowledge_by_the_factory_and_the_api_agree(as_olivia, olivia, hannah):
    """The API adds nothing to the service: the same input gives the same deadlines."""
    by_service = acknowledge(
        log_complaint(user=olivia), user=olivia, handler=hannah, on=dt.date(2025, 11, 4)
    )
    by_api = log_complaint(user=olivia)
    body = {"acknowledged_on": "2025-11-04", "handler": "hannah", "definition": definition()}
    answer = post(as_olivia, by_api, "acknowledge", body)

    assert answer.data["stages"][0]["respond_by"] == by_service.current_stage.respond_by.isoformat()
