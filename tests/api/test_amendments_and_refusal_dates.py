"""Corrections through audited amendments (5.6, 5.7, 5.12, 7.3), refusal dates (2.3) and related
complaints (6.8) through the API: each answers 200/201, or 400 naming the field, 409 naming the
provision, and a refused request changes nothing."""

import datetime as dt

from putright.complaints.models import Event, Remedy
from tests.api.conftest import snapshot, url
from tests.factories import log_complaint, on_day, respond


def post(client, complaint, action, body):
    return client.post(url(complaint, action), body, format="json")


def test_the_definition_is_amended_with_before_and_after_kept(as_hannah, investigating):
    answer = post(
        as_hannah,
        investigating,
        "definition",
        {
            "stage": 1,
            "definition": {"responsible_for": "The roof, the ceiling and our repair booking."},
            "reason": "The resident added the missed appointment on the phone.",
        },
    )
    assert answer.status_code == 200, answer.content
    [stage] = answer.data["stages"]
    assert stage["definition"]["responsible_for"] == "The roof, the ceiling and our repair booking."
    event = Event.objects.filter(complaint=investigating, type="amended").get()
    assert event.parameters["what"] == "definition"
    assert event.parameters["after"] == {
        "responsible_for": "The roof, the ceiling and our repair booking."
    }
    assert event.parameters["before"]["responsible_for"].startswith("Repairs to the roof")
    assert event.parameters["reason"] == "The resident added the missed appointment on the phone."


def test_an_amendment_needs_a_reason_and_a_change(as_hannah, investigating):
    before = snapshot(investigating)
    no_reason = post(
        as_hannah, investigating, "definition", {"stage": 1, "definition": {}, "reason": ""}
    )
    assert no_reason.status_code == 400
    assert "reason" in no_reason.json()
    blank_part = post(
        as_hannah,
        investigating,
        "definition",
        {"stage": 1, "definition": {"understanding": "  "}, "reason": "Typo."},
    )
    assert blank_part.status_code == 400
    assert "definition.understanding" in blank_part.json()
    assert snapshot(investigating) == before
    assert not Event.objects.filter(complaint=investigating, type="amended").exists()


def test_a_definition_cannot_be_amended_before_it_exists(as_olivia, new_complaint):
    answer = post(
        as_olivia,
        new_complaint,
        "definition",
        {"stage": 1, "definition": {"understanding": "x"}, "reason": "Early."},
    )
    assert answer.status_code == 409
    assert answer.json()["provision"] == "5.6"


def test_another_handler_cannot_amend(as_harry, investigating):
    answer = post(
        as_harry,
        investigating,
        "reasons",
        {"stage": 1, "reasons": "Changed.", "reason": "Mine now."},
    )
    assert answer.status_code == 403


def test_the_reasons_of_a_response_are_amended(as_hannah, responded):
    answer = post(
        as_hannah,
        responded,
        "reasons",
        {
            "stage": 1,
            "reasons": "The repair was booked late; the surveyor's note confirms it.",
            "reason": "Reference to the surveyor's note was missing.",
        },
    )
    assert answer.status_code == 200, answer.content
    assert answer.data["stages"][0]["reasons"].endswith("the surveyor's note confirms it.")
    assert Event.objects.filter(complaint=responded, type="amended").count() == 1


def test_a_remedy_is_amended_until_it_is_done(as_hannah, investigating, hannah):
    with on_day(dt.date(2025, 11, 14)):
        respond(
            investigating,
            user=hannah,
            on=dt.date(2025, 11, 14),
            remedies=[
                {
                    "type": "financial",
                    "description": "For the delay.",
                    "amount": "50.00",
                    "due_on": dt.date(2025, 11, 28),
                }
            ],
        )
    remedy = Remedy.objects.get(complaint=investigating)
    path = f"remedies/{remedy.pk}/amend"
    answer = post(as_hannah, investigating, path, {"amount": "75.00", "reason": "Agreed with RP."})
    assert answer.status_code == 200, answer.content
    assert answer.data["amount"] == "75.00"
    bad = post(as_hannah, investigating, path, {"due_on": "2025-11-01", "reason": "Earlier."})
    assert bad.status_code == 400
    assert "due_on" in bad.json()  # the real field, not remedies[0].due_on (B13)
    done = as_hannah.post(
        url(investigating, f"remedies/{remedy.pk}/complete"),
        {"completed_on": "2025-11-24"},
        format="json",
    )
    assert done.status_code == 200
    late = post(as_hannah, investigating, path, {"due_on": "2025-12-30", "reason": "Later."})
    assert late.status_code == 409
    assert late.json()["provision"] == "7.3"
    remedy.refresh_from_db()
    assert (str(remedy.amount), remedy.due_on) == ("75.00", dt.date(2025, 11, 28))


def test_refuse_takes_the_issue_date_and_the_date_the_resident_became_aware(as_olivia, olivia):
    complaint = log_complaint(user=olivia, received_on=dt.date(2025, 11, 3))
    # Arose in 2023 but the resident only found out in March 2025: within 12 months (2.3).
    aware = post(
        as_olivia,
        complaint,
        "refuse",
        {
            "reason": "over_12_months",
            "explanation": "The leak dates from 2023.",
            "decided_on": "2025-11-04",
            "issue_date": "2023-05-01",
            "aware_on": "2025-03-01",
        },
    )
    assert aware.status_code == 409, aware.content
    assert aware.json()["provision"] == "2.3"
    refused = post(
        as_olivia,
        complaint,
        "refuse",
        {
            "reason": "over_12_months",
            "explanation": "The leak dates from 2023 and was known then.",
            "decided_on": "2025-11-04",
            "issue_date": "2023-05-01",
        },
    )
    assert refused.status_code == 200, refused.content
    assert refused.data["issue_date"] == "2023-05-01"
    assert refused.data["refusals"][0]["ombudsman_rights_given"] is False  # no letter yet (2.4)


def test_a_related_complaint_from_another_resident_is_their_own_linked_case(
    as_olivia, new_complaint
):
    answer = as_olivia.post(
        "/api/v1/complaints/",
        {
            "resident": {"name": "Bob Stranger", "email": "bob@example.org"},
            "received_on": "2025-11-05",
            "channel": "phone",
            "description": "The same leak comes through into my flat below.",
            "related_to": new_complaint.reference,
        },
        format="json",
    )
    assert answer.status_code == 201, answer.content
    assert answer.data["reference"] != new_complaint.reference
    assert answer.data["resident"]["name"] == "Bob Stranger"
    assert not new_complaint.related_issues.exists()


def test_a_related_issue_kept_separate_records_why(as_olivia, new_complaint):
    answer = as_olivia.post(
        "/api/v1/complaints/",
        {
            "resident": {"name": "Rosa Patel", "email": "rosa@example.org"},
            "received_on": "2025-11-05",
            "channel": "phone",
            "description": "Rent statement errors since April.",
            "related_to": new_complaint.reference,
            "related_reason": "A rent account audit would delay the repair response.",
        },
        format="json",
    )
    assert answer.status_code == 201, answer.content
    assert answer.data["reference"] != new_complaint.reference
    assert not new_complaint.related_issues.exists()
