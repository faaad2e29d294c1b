"""The stages: acknowledge, extend, respond, escalate (5.6, 5.7, 6.2 to 6.19).

Each service checks who may act and the rules (in `putright.rules`), changes the case and writes
one event. A refused request changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from putright import dates
from putright.accounts.models import User
from putright.complaints import events
from putright.complaints.models import (
    Complaint,
    Decision,
    Extension,
    OutstandingAction,
    Remedy,
    Stage,
)
from putright.complaints.services._checks import (
    _check_date,
    _check_transition,
    _choice,
    _current_stage,
    _lock,
    _require_can_act,
    _required_text,
    _resolve_handler,
    _set_stage_deadlines,
    _stage_start_label,
)
from putright.complaints.workflow import Action, Status, next_stage, next_status
from putright.errors import InvalidInput, NotPermitted, collect_errors
from putright.rules import definition as definition_rule
from putright.rules import extensions, independence, stage2_decision
from putright.rules import remedies as remedy_rule
from putright.timescales.code import timescales_for


@transaction.atomic
def complaint_acknowledge(
    *,
    user: User,
    complaint: Complaint,
    acknowledged_on: dt.date,
    handler: User | str | None,
    definition: dict,
) -> Complaint:
    """Acknowledge, define and log the complaint at the current stage (5.6, 5.7, 6.2, 6.11)."""
    _require_can_act(user, complaint)
    complaint = _lock(complaint)
    _check_transition(complaint, Action.ACKNOWLEDGE)
    stage = _current_stage(complaint)
    _, parts, chosen = collect_errors(
        lambda: _check_date(
            "acknowledged_on",
            acknowledged_on,
            not_before=stage.requested_on,
            not_before_label=_stage_start_label(stage),
        ),
        lambda: definition_rule.clean(definition),
        lambda: _resolve_handler(
            "handler", handler if handler not in (None, "") else (stage.handler or user)
        ),
    )
    if not user.acts_on_any_case and chosen.pk != user.pk:
        raise NotPermitted("A handler can acknowledge a complaint only as its handler.")
    # The person recording the acknowledgement may be the officer; the handler it names is the
    # one who considers stage 2 (6.13).
    independence.check(complaint, chosen, acting_as="the stage 2 handler")

    stage.handler = chosen
    stage.acknowledged_on = acknowledged_on
    for field, value in parts.items():
        setattr(stage, field, value)
    _set_stage_deadlines(stage, complaint)
    stage.save()
    complaint.status = next_status(Status(complaint.status), complaint.stage, Action.ACKNOWLEDGE)
    complaint.save(update_fields=["status"])
    events.stage_acknowledged_event(complaint=complaint, user=user, stage=stage)
    return complaint


@transaction.atomic
def complaint_extend(
    *,
    user: User,
    complaint: Complaint,
    working_days: int,
    reason: str,
    resident_informed_on: dt.date,
    good_reason: str = "",
) -> Complaint:
    """Extend the response deadline, decided and told before it passes; beyond the Code's limit
    only with a good reason (6.3, 6.4, 6.14, 6.15). The resident is told in a letter with the
    Ombudsman's details (6.5, 6.16)."""
    _require_can_act(user, complaint)
    complaint = _lock(complaint)
    _check_transition(complaint, Action.EXTEND)
    stage = _current_stage(complaint)
    rules = timescales_for(complaint.code_version).stage(stage.number)
    collect_errors(
        lambda: extensions.check_days(working_days),
        lambda: _required_text(
            "reason", reason, f"Give the reason for the extension ({rules.extension_provision})."
        ),
        lambda: _check_date(
            "resident_informed_on",
            resident_informed_on,
            not_before=stage.acknowledged_on or stage.requested_on,
            not_before_label="the acknowledgement",
        ),
    )
    good_reason = (good_reason if isinstance(good_reason, str) else "").strip()
    extensions.check(
        stage=stage,
        rules=rules,
        working_days=working_days,
        resident_informed_on=resident_informed_on,
        good_reason=good_reason,
        today=dates.today(),
    )
    before = stage.respond_by
    stage.extended_days += working_days
    _set_stage_deadlines(stage, complaint)
    stage.save()
    extension = Extension.objects.create(
        stage=stage,
        working_days=working_days,
        reason=reason.strip(),
        good_reason=good_reason,
        resident_informed_on=resident_informed_on,
        respond_by_before=before,
        respond_by_after=stage.respond_by,
        granted_by=user,
    )
    events.extension_granted_event(complaint=complaint, user=user, extension=extension)
    return complaint


@transaction.atomic
def complaint_respond(
    *,
    user: User,
    complaint: Complaint,
    responded_on: dt.date,
    decision: str,
    reasons: str,
    remedies: list[dict] | None = None,
    outstanding_actions: list[dict] | None = None,
    decision_maker: User | str | None = None,
) -> Complaint:
    """Record the stage response: decision, reasons, remedies and outstanding actions
    (6.9, 6.19), and whether it was within the Code's timescale. At stage 2, who decided it and
    their role (6.20): the responder unless `decision_maker` names someone else, never someone
    from stage 1 (6.13)."""
    _require_can_act(user, complaint)
    complaint = _lock(complaint)
    _check_transition(complaint, Action.RESPOND)
    independence.check(complaint, user, acting_as="the stage 2 responder")
    stage = _current_stage(complaint)
    provision = "6.9" if stage.number == 1 else "6.19"
    if stage.number == 1 and decision_maker not in (None, ""):
        raise InvalidInput(
            {"decision_maker": ["The decision maker is recorded at stage 2 (6.20)."]}
        )
    decider = (
        stage2_decision.decision_maker(complaint, decision_maker, user)
        if stage.number == 2
        else None
    )
    collect_errors(
        lambda: _check_date(
            "responded_on",
            responded_on,
            not_before=stage.acknowledged_on,
            not_before_label="the acknowledgement",
        ),
        lambda: _choice("decision", decision, Decision),
        lambda: _required_text(
            "reasons", reasons, f"Give the reasons for the decision ({provision})."
        ),
    )
    remedy_items, action_items = collect_errors(
        lambda: remedy_rule.clean_remedies(remedies, responded_on),
        lambda: remedy_rule.clean_actions(outstanding_actions, responded_on),
    )

    stage.responded_on = responded_on
    stage.decision = decision
    stage.reasons = reasons.strip()
    if decider is not None:
        stage.decision_maker, stage.decision_maker_role = decider, decider.role
    _set_stage_deadlines(stage, complaint)
    stage.save()
    created_remedies = [
        Remedy.objects.create(
            complaint=complaint,
            stage=stage.number,
            offered_on=responded_on,
            completed_by=user if item["completed_on"] else None,
            **item,
        )
        for item in remedy_items
    ]
    created_actions = [
        OutstandingAction.objects.create(complaint=complaint, stage=stage.number, **item)
        for item in action_items
    ]
    complaint.status = next_status(Status(complaint.status), complaint.stage, Action.RESPOND)
    complaint.save(update_fields=["status"])
    events.stage_responded_event(
        complaint=complaint,
        user=user,
        stage=stage,
        remedies=created_remedies,
        actions=created_actions,
    )
    return complaint


@transaction.atomic
def complaint_escalate(
    *,
    user: User | None,
    complaint: Complaint,
    requested_on: dt.date,
    reason: str = "",
    actor_label: str = "",
) -> Complaint:
    """The resident asks for stage 2. They never have to say why (6.12), and closing the case
    after the stage 1 response does not take the right away (6.10, 5.11): the request reopens
    it at stage 2. A request after the landlord's window is still recorded; it may then be
    refused on that ground, with a letter giving the Ombudsman's details. `user` is None when
    the resident asks through their tracking link."""
    if user is not None:
        _require_can_act(user, complaint)
    complaint = _lock(complaint)
    _check_transition(complaint, Action.ESCALATE)
    stage1 = _current_stage(complaint)
    _check_date(
        "requested_on",
        requested_on,
        not_before=max(filter(None, [stage1.responded_on, complaint.closed_on])),
        not_before_label="the stage 1 response"
        if complaint.closed_on is None
        else "the stage 1 response and the case's closure",
    )
    stage2 = Stage(
        complaint=complaint,
        number=2,
        requested_on=requested_on,
        escalation_reason=(reason if isinstance(reason, str) else "").strip(),
    )
    _set_stage_deadlines(stage2, complaint)
    stage2.save()
    reopened = complaint.status == Status.CLOSED
    complaint.status = next_status(Status(complaint.status), complaint.stage, Action.ESCALATE)
    complaint.stage = next_stage(complaint.stage, Action.ESCALATE)
    complaint.closed_on = None
    complaint.save(update_fields=["status", "stage", "closed_on"])
    events.escalation_requested_event(
        complaint=complaint,
        user=user,
        stage=stage2,
        actor_label=actor_label or ("resident" if user is None else ""),
        reopened=reopened,
    )
    return complaint
