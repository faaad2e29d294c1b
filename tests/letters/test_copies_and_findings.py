"""Copies of letters to the representative when the resident asks (3.6), and the resident's
chance to comment on the findings before the final decision."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from rest_framework.test import APIClient

from putright.complaints.models import Event
from putright.errors import InvalidInput, RuleBroken
from putright.letters import findings, services
from putright.people import representatives
from tests.letters import factories

pytestmark = pytest.mark.django_db

SAM = {
    "name": "Sam Patel",
    "relationship": "Son",
    "email": "sam@example.org",
    "address": "4 Oak Lane\nExampletown",
}


def case_with(officer, handler, representative=SAM, wants_copies=True):
    complaint = factories.acknowledged(
        officer=officer, handler=handler, representative=dict(representative)
    )
    if wants_copies:
        representatives.representative_copies_set(
            user=handler, complaint=complaint, wants_copies=True
        )
    return factories._fresh(complaint)


def test_every_letter_is_copied_to_the_representative_by_email(
    olivia, hannah, django_capture_on_commit_callbacks
):
    complaint = case_with(olivia, hannah)
    letter = services.letter_draft(user=hannah, complaint=complaint, kind="acknowledgement")
    with django_capture_on_commit_callbacks(execute=True):
        letter = services.letter_issue(user=hannah, letter=letter, delivery="email")
    assert letter.copies == [
        {
            "to": "representative",
            "name": "Sam Patel",
            "relationship": "Son",
            "delivery": "email",
            "recipient": "sam@example.org",
        }
    ]
    [message] = mail.outbox
    assert message.to == ["rosa@example.org"] and message.cc == ["sam@example.org"]
    issued = Event.objects.get(complaint=complaint, type="letter_issued")
    assert issued.parameters["copies"] == [{"name": "Sam Patel", "delivery": "email"}]
    sent = Event.objects.get(complaint=complaint, type="letter_sent")
    assert sent.parameters["copied_to"] == ["sam@example.org"]


def test_a_posted_letter_is_posted_to_the_representative_too(olivia, hannah):
    complaint = case_with(olivia, hannah)
    letter = services.letter_draft(user=hannah, complaint=complaint, kind="acknowledgement")
    letter = services.letter_issue(user=hannah, letter=letter, delivery="post")
    assert [(c["delivery"], c["recipient"]) for c in letter.copies] == [
        ("post", "4 Oak Lane\nExampletown")
    ]
    assert mail.outbox == []


def test_a_letter_switched_to_post_posts_the_copy(olivia, hannah):
    complaint = case_with(olivia, hannah)
    letter = services.letter_draft(user=hannah, complaint=complaint, kind="acknowledgement")
    letter = services.letter_issue(user=hannah, letter=letter, delivery="email")  # not yet sent
    letter = services.letter_mark_for_post(user=hannah, letter=letter)
    letter.refresh_from_db()
    assert [c["delivery"] for c in letter.copies] == ["post"]


def test_no_copy_without_the_residents_request(olivia, hannah, django_capture_on_commit_callbacks):
    complaint = case_with(olivia, hannah, wants_copies=False)
    letter = services.letter_draft(user=hannah, complaint=complaint, kind="acknowledgement")
    with django_capture_on_commit_callbacks(execute=True):
        letter = services.letter_issue(user=hannah, letter=letter, delivery="email")
    assert letter.copies == []
    assert mail.outbox[0].cc == []


def test_a_copy_that_cannot_be_sent_stops_the_letter(olivia, hannah):
    email_only = {"name": "Sam Patel", "relationship": "Son", "email": "sam@example.org"}
    complaint = case_with(olivia, hannah, representative=email_only)
    letter = services.letter_draft(user=hannah, complaint=complaint, kind="acknowledgement")
    with pytest.raises(InvalidInput) as error:
        services.letter_issue(user=hannah, letter=letter, delivery="post")
    assert "delivery" in error.value.errors
    letter.refresh_from_db()
    assert letter.status == "draft"


# --- the resident's comment on the findings ---------------------------------------------------


def share(user, complaint, comment_by=dt.date(2025, 12, 1)):
    return findings.findings_share(
        user=user,
        complaint=complaint,
        shared_on=dt.date(2025, 11, 24),
        method="email",
        summary="We found the repair was booked late; we propose to uphold the complaint.",
        comment_by=comment_by,
    )


def test_findings_are_shared_and_the_comment_recorded(olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    shared = share(hannah, complaint)
    assert (shared.stage, shared.method, shared.answered) == (1, "email", False)
    done = findings.findings_comment_record(
        user=hannah,
        findings=shared,
        comment="The repair was booked twice and cancelled twice.",
        received_on=dt.date(2025, 11, 24),
    )
    assert done.commented_on == dt.date(2025, 11, 24) and done.outcome_recorded_by == hannah
    with pytest.raises(RuleBroken):
        findings.findings_no_comment(user=hannah, findings=done)
    types = set(Event.objects.filter(complaint=complaint).values_list("type", flat=True))
    assert {"findings_shared", "findings_commented"} <= types


def test_no_comment_is_recorded_only_after_the_date(olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    shared = share(hannah, complaint, comment_by=dt.date(2025, 11, 26))
    with pytest.raises(RuleBroken) as error:
        findings.findings_no_comment(user=hannah, findings=shared)
    assert error.value.error == "comment_time_left"
    with time_machine.travel(dt.datetime(2025, 11, 27, 10, tzinfo=dt.UTC)):
        done = findings.findings_no_comment(user=hannah, findings=shared)
    assert done.no_comment_on == dt.date(2025, 11, 27)


def test_findings_need_a_decision_still_to_make(olivia, hannah):
    complaint = factories.stage1_responded(officer=olivia, handler=hannah)
    with pytest.raises(RuleBroken):
        share(hannah, complaint)
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    with pytest.raises(InvalidInput):
        share(hannah, complaint, comment_by=dt.date(2025, 11, 20))


def test_findings_through_the_api(olivia, hannah, harry):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    api = APIClient()
    api.force_authenticate(hannah)
    base = f"/api/v1/complaints/{complaint.reference}/findings/"
    made = api.post(
        base,
        {
            "shared_on": "2025-11-24",
            "method": "letter",
            "summary": "Our findings so far.",
            "comment_by": "2025-12-01",
        },
        format="json",
    )
    assert made.status_code == 201, made.json()
    outcome = api.post(
        f"{base}{made.json()['id']}/outcome/",
        {"comment": "I agree.", "received_on": "2025-11-24"},
        format="json",
    )
    assert outcome.status_code == 200, outcome.json()
    [listed] = api.get(base).json()
    assert listed["comment"] == "I agree." and listed["outcome_recorded_by"] == "hannah"
    again = api.post(f"{base}{listed['id']}/outcome/", {"none_came": True}, format="json")
    assert again.status_code == 409
    other = APIClient()
    other.force_authenticate(harry)
    assert other.post(base, {}, format="json").status_code == 403


def test_findings_are_not_shared_before_the_stage_began(olivia, hannah, client):
    """Review findings: findings dated before the complaint let "no comment" be recorded at
    once; a findings number that is not a number was a 500 on the page."""
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    with pytest.raises(InvalidInput) as error:
        findings.findings_share(
            user=hannah,
            complaint=complaint,
            shared_on=dt.date(2020, 1, 1),
            method="email",
            summary="Early.",
            comment_by=dt.date(2020, 1, 2),
        )
    assert "shared_on" in error.value.errors
    client.force_login(olivia)
    page = client.post(
        f"/letters/{complaint.reference}/findings/", {"action": "none_came", "findings": "abc"}
    )
    assert page.status_code == 404
