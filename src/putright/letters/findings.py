"""The resident's chance to comment on the findings before the final decision: when and how the
findings were shared, the date to comment by, and then the resident's comment or a record that
none came by that date. Part of the case's record (5.12): each step is an event on the timeline,
and the response that follows can say what the resident said."""

from __future__ import annotations

from django.db import transaction

from putright import dates, text
from putright.complaints import events
from putright.errors import InvalidInput, RuleBroken, collect_errors
from putright.letters.access import LetterEvent
from putright.letters.models import FindingsShared
from putright.people import services as people
from putright.people.models import ContactMethod


def findings_for(*, complaint) -> list[FindingsShared]:
    return list(complaint.findings_shared.select_related("shared_by", "outcome_recorded_by"))


@transaction.atomic
def findings_share(
    *, user, complaint, shared_on, method: str, summary: str, comment_by, stage=None
) -> FindingsShared:
    """Record that the findings were shared with the resident, inviting comment by a date."""
    people.require_can_act(user, complaint)
    stage = stage or complaint.stage
    open_stage = complaint.stages.filter(number=stage, responded_on__isnull=True).first()
    if open_stage is None:
        raise RuleBroken(
            "stage_answered",
            f"Stage {stage} of {complaint.reference} has no decision still to make.",
        )
    shared_on, method, summary, comment_by = collect_errors(
        lambda: people._date("shared_on", shared_on),
        lambda: people._choice("method", method, ContactMethod),
        lambda: people._text("summary", summary, "Summarise the findings shared."),
        lambda: people._date("comment_by", comment_by, past_only=False),
    )
    if open_stage.requested_on and shared_on < open_stage.requested_on:
        # Findings come from the investigation: not before the stage began (review finding).
        raise InvalidInput(
            {"shared_on": f"The findings cannot be shared before stage {stage} began."}
        )
    if comment_by < shared_on:
        raise InvalidInput({"comment_by": "The date to comment by cannot be before sharing."})
    findings = FindingsShared.objects.create(
        complaint=complaint,
        stage=stage,
        shared_on=shared_on,
        method=method,
        summary=text.bounded("summary", summary, text.TEXT),
        comment_by=comment_by,
        shared_by=user,
    )
    events.record(
        type=LetterEvent.FINDINGS_SHARED,
        complaint=complaint,
        user=user,
        findings=findings.pk,
        stage=stage,
        shared_on=shared_on,
        method=method,
        comment_by=comment_by,
    )
    return findings


def _open(findings: FindingsShared) -> FindingsShared:
    findings = FindingsShared.objects.select_for_update().get(pk=findings.pk)
    if findings.answered:
        raise RuleBroken("findings_answered", "What came back is already recorded.")
    return findings


@transaction.atomic
def findings_comment_record(*, user, findings: FindingsShared, comment: str, received_on):
    """The resident's comment on the findings, as received."""
    people.require_can_act(user, findings.complaint)
    findings = _open(findings)
    comment, received_on = collect_errors(
        lambda: people._text("comment", comment, "Enter what the resident said."),
        lambda: people._date("received_on", received_on),
    )
    if received_on < findings.shared_on:
        raise InvalidInput({"received_on": "The comment cannot come before the findings."})
    findings.comment = text.bounded("comment", comment, text.TEXT)
    findings.commented_on = received_on
    findings.outcome_recorded_by = user
    findings.save()
    events.record(
        type=LetterEvent.FINDINGS_COMMENTED,
        complaint=findings.complaint,
        user=user,
        findings=findings.pk,
        received_on=received_on,
        comment=findings.comment,
    )
    return findings


@transaction.atomic
def findings_no_comment(*, user, findings: FindingsShared) -> FindingsShared:
    """No comment came by the date given: recorded only once that date has passed."""
    people.require_can_act(user, findings.complaint)
    findings = _open(findings)
    today = dates.today()
    if today <= findings.comment_by:
        raise RuleBroken(
            "comment_time_left",
            f"The resident has until {findings.comment_by.isoformat()} to comment.",
        )
    findings.no_comment_on = today
    findings.outcome_recorded_by = user
    findings.save()
    events.record(
        type=LetterEvent.FINDINGS_NO_COMMENT,
        complaint=findings.complaint,
        user=user,
        findings=findings.pk,
        comment_by=findings.comment_by,
    )
    return findings
