"""Section 2 and 5.11 (2022 Code 1.7 to 1.9, 4.14, 5.9): declining a complaint, or its
escalation.

A landlord accepts a complaint unless a ground in its policy applies (2.1, 2.2); each refusal is
explained for the case (2.5); the 12 months run from the issue or from the resident becoming aware
of it, whichever is later (2.3); the resident is told why and of their right to go to the
Ombudsman (2.4), which is true only once a refusal letter giving the Ombudsman's details has been
issued. A refusal after acknowledgement is possible only when legal proceedings start during the
investigation. An escalation may be refused only on the same grounds (5.11), or because it came
after the window the landlord's policy sets.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef

from putright.complaints.models import Complaint, Refusal, RefusalReason, Stage
from putright.complaints.workflow import Status
from putright.errors import RuleBroken
from putright.letters.models import Letter, LetterKind, LetterStatus
from putright.rules.figures import ENFORCED, Figure
from putright.timescales import deadlines
from putright.timescales.calendar import WorkingDayCalendar

# A ground that can arise during the investigation, after the complaint was acknowledged (2.2).
ARISES_LATER = {RefusalReason.LEGAL_PROCEEDINGS}


def escalation_window_ends(
    *, calendar: WorkingDayCalendar, stage1: Stage, window_days: int | None
) -> dt.date | None:
    """The last day the resident may ask for stage 2 under the landlord's policy."""
    if window_days is None or stage1.responded_on is None:
        return None
    return calendar.add_working_days(stage1.responded_on, window_days)


def check(
    *,
    complaint: Complaint,
    stage: Stage,
    reason: str,
    issue_date: dt.date | None,
    aware_on: dt.date | None,
    window_ends: dt.date | None,
) -> None:
    """Refuse a refusal the Code does not allow, naming the provision."""
    acknowledged = complaint.status == Status.INVESTIGATING
    if acknowledged and reason not in ARISES_LATER:
        raise RuleBroken(
            "refusal_after_acknowledgement",
            "Once a complaint is acknowledged it can be declined only because legal proceedings "
            "have started since; otherwise it must be answered.",
            "2.2",
        )
    if reason == RefusalReason.ESCALATION_WINDOW:
        if stage.number != 2:
            raise RuleBroken(
                "not_an_escalation",
                "Only a request for stage 2 can be refused as too late for the policy's window.",
                "5.11",
            )
        if window_ends is None:
            raise RuleBroken(
                "no_escalation_window",
                "The landlord's settings set no window for asking for stage 2.",
                "5.11",
            )
        if stage.requested_on <= window_ends:
            raise RuleBroken(
                "within_escalation_window",
                f"Stage 2 was asked for on {stage.requested_on.isoformat()}, within the window "
                f"that ends on {window_ends.isoformat()}.",
                "5.11",
            )
    if reason == RefusalReason.OVER_12_MONTHS:
        if complaint.discretion_applied:
            raise RuleBroken(
                "discretion_applied",
                "Discretion was applied to accept this complaint although the issue is older "
                "than 12 months; it cannot now be refused on that ground.",
                "2.3",
            )
        if issue_date is None:
            raise RuleBroken(
                "issue_date_unknown",
                "Record when the issue arose (issue_date) before refusing a complaint as older "
                "than 12 months.",
                "2.3",
            )
        if not deadlines.arose_over_12_months_before(issue_date, complaint.received_on, aware_on):
            start = max(issue_date, aware_on) if aware_on else issue_date
            raise RuleBroken(
                "within_12_months",
                f"The issue arose, or the resident became aware of it, on {start.isoformat()}, "
                f"within 12 months of the complaint ({complaint.received_on.isoformat()}); it "
                "cannot be refused as late.",
                "2.3",
            )


def letter_kind(stage_number: int) -> str:
    return LetterKind.REFUSAL if stage_number == 1 else LetterKind.ESCALATION_REFUSAL


# --- the measures ----------------------------------------------------------------------------

PROVISIONS = {
    "2024": {"reasons": "2.1", "ombudsman": "2.4", "escalation": "5.11"},
    "2022": {"reasons": "1.7", "ombudsman": "1.9", "escalation": "5.9"},
}


def _letter_issued():
    return Exists(
        Letter.objects.filter(
            complaint=OuterRef("complaint_id"),
            stage=OuterRef("stage"),
            status=LetterStatus.ISSUED,
            kind__in=[LetterKind.REFUSAL, LetterKind.ESCALATION_REFUSAL],
        )
    )


def measures(
    *, period_start: dt.date, period_end: dt.date, code_version: str | None
) -> list[Figure]:
    """2.1: every refusal explained for the case (enforced). 2.4: each told in a refusal letter
    with the Ombudsman's details. 5.11: each refusal to escalate the same, and on a ground."""
    refs = PROVISIONS.get(code_version or "2024")
    if refs is None:
        return []
    refusals = Refusal.objects.filter(decided_on__range=(period_start, period_end))
    if code_version:
        refusals = refusals.filter(complaint__code_version=code_version)
    rows = list(
        refusals.annotate(told=_letter_issued())
        .order_by("complaint__reference", "pk")
        .values_list("complaint__reference", "stage", "explanation", "told")
    )
    if not rows:
        return []
    reasons = Figure(
        refs["reasons"], "Refusals with the reasons recorded for the case", enforced=ENFORCED
    )
    told = Figure(
        refs["ombudsman"],
        "Refusals told to the resident in a letter with their right to go to the Ombudsman",
    )
    escalations = Figure(
        refs["escalation"],
        "Refusals to escalate told in a letter with the reasons and the Ombudsman's details",
    )
    for reference, stage, explanation, letter in rows:
        reasons.add(bool(explanation.strip()), reference)
        told.add(bool(letter), reference)
        if stage == 2:
            escalations.add(bool(letter), reference)
    return [f for f in (reasons, told, escalations) if f.total]
