"""How a case ends: refused (section 2, 5.11), withdrawn or closed."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from putright import dates
from putright.accounts.models import User
from putright.complaints import events
from putright.complaints.models import Complaint, Refusal, RefusalReason
from putright.complaints.services._checks import (
    _check_date,
    _check_transition,
    _choice,
    _current_stage,
    _lock,
    _require_can_act,
    _required_text,
    _stage_start_label,
)
from putright.complaints.workflow import Action, Status, next_status
from putright.errors import InvalidInput, collect_errors
from putright.landlord.selectors import landlord_settings, working_day_calendar
from putright.rules import exclusions, independence


def _optional_date(field: str, value, received_on: dt.date) -> dt.date | None:
    if value in (None, ""):
        return None
    _check_date(field, value, required=False)
    if value > received_on:
        raise InvalidInput({field: "The date cannot be after the complaint was received."})
    return value


@transaction.atomic
def complaint_refuse(
    *,
    user: User,
    complaint: Complaint,
    reason: str,
    explanation: str,
    decided_on: dt.date,
    issue_date: dt.date | None = None,
    aware_on: dt.date | None = None,
) -> Complaint:
    """Decline to accept a complaint, or to escalate it, on a section 2 ground (2.1 to 2.5, 5.11).
    Each refusal is explained for this case (no blanket exclusions, 2.5). The resident's right to
    go to the Ombudsman (2.4) is given by the refusal letter, which cannot be issued without the
    Ombudsman's details; `ombudsman_rights_given` becomes true when it is. `issue_date` and
    `aware_on` may be given here when the complaint does not record them yet (2.3)."""
    _require_can_act(user, complaint)
    complaint = _lock(complaint)
    _check_transition(complaint, Action.REFUSE)
    independence.check(complaint, user, acting_as="the person refusing the escalation")
    stage = _current_stage(complaint)
    _, explanation, _, issue_date, aware_on = collect_errors(
        lambda: _choice("reason", reason, RefusalReason),
        lambda: _required_text(
            "explanation",
            explanation,
            "Explain why this complaint is refused; there are no blanket exclusions (2.5).",
        ),
        lambda: _check_date(
            "decided_on",
            decided_on,
            not_before=stage.acknowledged_on or stage.requested_on,
            not_before_label="the acknowledgement"
            if stage.acknowledged_on
            else _stage_start_label(stage),
        ),
        lambda: _optional_date("issue_date", issue_date, complaint.received_on),
        lambda: _optional_date("aware_on", aware_on, complaint.received_on),
    )
    issue_date = complaint.issue_date or issue_date
    aware_on = complaint.aware_on or aware_on
    window_ends = None
    if stage.number == 2:
        window_ends = exclusions.escalation_window_ends(
            calendar=working_day_calendar(),
            stage1=complaint.stages.get(number=1),
            window_days=landlord_settings().escalation_window_days,
        )
    exclusions.check(
        complaint=complaint,
        stage=stage,
        reason=reason,
        issue_date=issue_date,
        aware_on=aware_on,
        window_ends=window_ends,
    )
    refusal = Refusal.objects.create(
        complaint=complaint,
        stage=stage.number,
        reason=reason,
        explanation=explanation,
        decided_on=decided_on,
        ombudsman_rights_given=False,
        decided_by=user,
    )
    complaint.status = next_status(Status(complaint.status), complaint.stage, Action.REFUSE)
    complaint.closed_on = decided_on
    complaint.issue_date, complaint.aware_on = issue_date, aware_on
    complaint.save(update_fields=["status", "closed_on", "issue_date", "aware_on"])
    events.complaint_refused_event(complaint=complaint, user=user, refusal=refusal)
    return complaint


def _last_step(complaint: Complaint) -> tuple[dt.date, str]:
    """The latest date already on the case, and what it was: nothing can end before it."""
    steps = [(complaint.received_on, "the date the complaint was received")]
    for stage in complaint.stages.all():
        steps += [
            (stage.requested_on, _stage_start_label(stage)),
            (stage.acknowledged_on, f"the stage {stage.number} acknowledgement"),
            (stage.responded_on, f"the stage {stage.number} response"),
        ]
    return max((step for step in steps if step[0] is not None), key=lambda step: step[0])


@transaction.atomic
def complaint_withdraw(
    *,
    user: User | None,
    complaint: Complaint,
    withdrawn_on: dt.date | None = None,
    reason: str = "",
    actor_label: str = "",
) -> Complaint:
    """The resident withdraws the complaint (by telling staff, or through their link). The
    withdrawal is dated on or after the last step already taken."""
    if user is not None:
        _require_can_act(user, complaint)
    complaint = _lock(complaint)
    _check_transition(complaint, Action.WITHDRAW)
    withdrawn_on = withdrawn_on or dates.today()
    last, label = _last_step(complaint)
    _check_date("withdrawn_on", withdrawn_on, not_before=last, not_before_label=label)
    before = complaint.status
    complaint.status = next_status(Status(complaint.status), complaint.stage, Action.WITHDRAW)
    complaint.closed_on = withdrawn_on
    complaint.save(update_fields=["status", "closed_on"])
    events.status_changed_event(
        type=events.EventType.COMPLAINT_WITHDRAWN,
        complaint=complaint,
        user=user,
        actor_label=actor_label or ("resident" if user is None else ""),
        before=before,
        after=complaint.status,
        withdrawn_on=withdrawn_on,
        reason=(reason if isinstance(reason, str) else "").strip()[:2000],
    )
    return complaint


@transaction.atomic
def complaint_close(
    *, user: User, complaint: Complaint, closed_on: dt.date | None = None
) -> Complaint:
    """Close a responded complaint. Remedies and actions still open stay tracked (7.3); at stage
    1 the resident can still ask for stage 2, which reopens it (6.10)."""
    _require_can_act(user, complaint)
    complaint = _lock(complaint)
    _check_transition(complaint, Action.CLOSE)
    closed_on = closed_on or dates.today()
    stage = _current_stage(complaint)
    _check_date(
        "closed_on", closed_on, not_before=stage.responded_on, not_before_label="the response"
    )
    before = complaint.status
    complaint.status = next_status(Status(complaint.status), complaint.stage, Action.CLOSE)
    complaint.closed_on = closed_on
    complaint.save(update_fields=["status", "closed_on"])
    events.status_changed_event(
        type=events.EventType.COMPLAINT_CLOSED,
        complaint=complaint,
        user=user,
        before=before,
        after=complaint.status,
        closed_on=closed_on,
    )
    return complaint
