"""Audited corrections (5.6, 5.7, 5.12): a definition, a response's reasons or a remedy can be put
right later, never edited in place. Each amendment says why, and its event keeps what the record
said before and after, so the timeline shows both."""

from __future__ import annotations

from django.db import transaction

from putright.accounts.models import User
from putright.complaints import events
from putright.complaints.models import Complaint, Remedy, RemedyType
from putright.complaints.services._checks import _lock, _require_can_act, _required_text
from putright.errors import InvalidInput, RuleBroken
from putright.rules import definition as definition_rule
from putright.rules import remedies as remedy_rule

# A remedy's place in the compensation guide (7.4), amendable like its amount.
GUIDE_FIELDS = ("band", "units", "outside_guide_reason")


def _stage(complaint: Complaint, number):
    if number not in (1, 2):
        raise InvalidInput({"stage": "Choose stage 1 or 2."})
    stage = complaint.stages.filter(number=number).first()
    if stage is None:
        raise InvalidInput({"stage": f"{complaint.reference} has no stage {number}."})
    return stage


def _amended(*, complaint, user, what, stage, before, after, reason):
    changed = {key: value for key, value in after.items() if before.get(key) != value}
    if not changed:
        raise InvalidInput({what: "Nothing would change: the record already says this."})
    events.record(
        type=events.EventType.AMENDED,
        complaint=complaint,
        user=user,
        what=what,
        stage=stage,
        before={key: before.get(key) for key in changed},
        after=changed,
        reason=reason,
    )


@transaction.atomic
def definition_amend(
    *, user: User, complaint: Complaint, stage: int, definition: dict, reason: str
) -> Complaint:
    """Complete or correct the complaint definition of an acknowledged stage (5.6, 5.7)."""
    _require_can_act(user, complaint)
    complaint = _lock(complaint)
    reason = _required_text("reason", reason, "Say why the definition is being amended.")
    row = _stage(complaint, stage)
    if row.acknowledged_on is None:
        raise RuleBroken(
            "not_acknowledged",
            f"Stage {stage} has not been acknowledged: the definition is set when it is (5.6).",
            "5.6",
        )
    parts = definition_rule.clean(definition, partial=True)
    before = {field: getattr(row, field) for field in parts}
    _amended(
        complaint=complaint,
        user=user,
        what="definition",
        stage=stage,
        before=before,
        after=parts,
        reason=reason,
    )
    for field, value in parts.items():
        setattr(row, field, value)
    row.save(update_fields=list(parts))
    return complaint


@transaction.atomic
def response_amend(
    *, user: User, complaint: Complaint, stage: int, reasons: str, reason: str
) -> Complaint:
    """Correct the reasons recorded for a stage's decision (6.7, 6.18). The decision itself and
    its date are history: a changed decision is a remedy ("decision changed", 7.1)."""
    _require_can_act(user, complaint)
    complaint = _lock(complaint)
    reason = _required_text("reason", reason, "Say why the reasons are being amended.")
    row = _stage(complaint, stage)
    if row.responded_on is None:
        raise RuleBroken("not_responded", f"Stage {stage} has no response to amend yet.")
    reasons = _required_text("reasons", reasons, "Give the reasons for the decision.")
    _amended(
        complaint=complaint,
        user=user,
        what="reasons",
        stage=stage,
        before={"reasons": row.reasons},
        after={"reasons": reasons},
        reason=reason,
    )
    row.reasons = reasons
    row.save(update_fields=["reasons"])
    return complaint


@transaction.atomic
def remedy_amend(*, user: User, remedy: Remedy, reason: str, **changes) -> Remedy:
    """Correct a remedy's description, amount or due date (7.3). A remedy already done keeps
    its due date: moving it afterwards would turn a late remedy into a timely one."""
    _require_can_act(user, remedy.complaint)
    remedy = Remedy.objects.select_for_update().get(pk=remedy.pk)
    reason = _required_text("reason", reason, "Say why the remedy is being amended.")
    unknown = set(changes) - {"description", "amount", "due_on", *GUIDE_FIELDS}
    if unknown:
        raise InvalidInput({name: "This cannot be amended." for name in sorted(unknown)})
    if "due_on" in changes and remedy.completed_on is not None:
        raise RuleBroken(
            "remedy_done",
            "This remedy is recorded as done; its due date is part of the record of whether it "
            "was done on time.",
            "7.3",
        )
    current = {
        "type": remedy.type,
        "description": remedy.description,
        "amount": remedy.amount,
        "due_on": remedy.due_on,
        "band": remedy.band_id,
        "units": remedy.units,
        "outside_guide_reason": remedy.outside_guide_reason,
    }
    # The guide is checked on the remedy as amended (7.4): a new amount outside its band
    # needs the reason as much as the first did.
    [cleaned] = remedy_rule.clean_remedies([{**current, **changes}], remedy.offered_on, prefix="")
    after = {key: cleaned[key] for key in changes}
    _amended(
        complaint=remedy.complaint,
        user=user,
        what="remedy",
        stage=remedy.stage,
        before={key: current[key] for key in changes},
        after={key: getattr(v, "pk", v) for key, v in after.items()},
        reason=f"{reason} (remedy {remedy.pk}, {RemedyType(remedy.type).label})",
    )
    for key, value in after.items():
        setattr(remedy, key, value)
    remedy.save(update_fields=list(after))
    return remedy
