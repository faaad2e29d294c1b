"""Every write to a complaint. The API, the web UI, the CLI and the demo all call these.

Each service runs in one transaction, checks the user may act, checks the Code's rules (raising
RuleBroken with the provision) and the input (raising InvalidInput naming the field), changes the
case and records an append-only event. A refused request changes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.db.models import F

from putright import dates
from putright.accounts.models import Role, User
from putright.complaints import events
from putright.complaints.models import (
    Attachment,
    Category,
    Channel,
    Complaint,
    Decision,
    Extension,
    Note,
    OutstandingAction,
    Refusal,
    RefusalReason,
    RelatedIssue,
    Remedy,
    RemedyType,
    ServiceRequest,
    Stage,
)
from putright.complaints.workflow import Action, Status, check, next_stage, next_status
from putright.errors import InvalidInput, NotPermitted, RuleBroken, collect_errors
from putright.landlord.selectors import internal_targets, working_day_calendar
from putright.people.services import representative_create, resident_find_or_create
from putright.timescales import deadlines
from putright.timescales.calendar import WorkingDayCalendar
from putright.timescales.code import code_version_on, timescales_for

HANDLING_ROLES = {Role.HANDLER, Role.OFFICER, Role.MANAGER, Role.ADMIN}
PENNY = Decimal("0.01")
MAX_REMEDY_AMOUNT = Decimal("100000000")


# --- checks shared by the services -------------------------------------------------------------


def _require_staff_who_can_change(user: User | None) -> None:
    if user is None or not user.is_authenticated:
        raise NotPermitted("Sign in to change a complaint.")
    if not user.can_change_cases:
        raise NotPermitted("Governance users can read complaints but not change them.")


def user_can_act_on(user: User, complaint: Complaint) -> bool:
    """Handlers act on the cases assigned to them; the complaints officer and managers on any."""
    if not user.is_authenticated or not user.can_change_cases:
        return False
    if user.acts_on_any_case:
        return True
    stage = _current_stage(complaint)
    return stage.handler_id is None or stage.handler_id == user.pk


def _require_can_act(user: User | None, complaint: Complaint) -> None:
    _require_staff_who_can_change(user)
    if not user_can_act_on(user, complaint):
        raise NotPermitted(
            f"{complaint.reference} is assigned to another handler; only they, the complaints "
            "officer or a manager can act on it."
        )


def _check_transition(complaint: Complaint, action: Action) -> None:
    refusal = check(Status(complaint.status), complaint.stage, action)
    if refusal is not None:
        raise RuleBroken(refusal.error, refusal.detail, refusal.provision)


def _lock(complaint: Complaint) -> Complaint:
    # Serialise concurrent actions on one case (PostgreSQL; SQLite serialises writes anyway).
    return Complaint.objects.select_for_update().get(pk=complaint.pk)


def _current_stage(complaint: Complaint) -> Stage:
    return complaint.stages.get(number=complaint.stage)


def _stage_start_label(stage: Stage) -> str:
    return "the date it was received" if stage.number == 1 else "the date escalation was requested"


def _check_whole_days(field: str, value) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidInput({field: "Enter a whole number of working days, 1 or more."})
    return value


def _required_text(field: str, value: str | None, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise InvalidInput({field: message})
    return value


def _check_date(
    field: str,
    value: dt.date | None,
    *,
    not_before: dt.date | None = None,
    not_before_label: str = "the date the complaint was received",
    required: bool = True,
) -> dt.date | None:
    if value is None:
        if required:
            raise InvalidInput({field: "Enter a date (YYYY-MM-DD)."})
        return None
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidInput({field: "Enter a date (YYYY-MM-DD)."})
    if value > dates.today():
        raise InvalidInput({field: "The date cannot be in the future."})
    if not_before is not None and value < not_before:
        raise InvalidInput(
            {field: f"The date cannot be before {not_before_label} ({not_before.isoformat()})."}
        )
    return value


def _choice(field: str, value: str | None, choices, *, required: bool = True) -> str:
    if value in (None, ""):
        if required:
            raise InvalidInput({field: f"Choose one of: {', '.join(choices.values)}."})
        return ""
    if value not in choices.values:
        raise InvalidInput({field: f"{value!r} is not one of: {', '.join(choices.values)}."})
    return value


def _resolve_handler(field: str, handler: User | str | None) -> User:
    if isinstance(handler, User):
        user = handler
    else:
        name = (handler or "").strip()
        if not name:
            raise InvalidInput({field: "Name the handler (a username)."})
        try:
            user = User.objects.get(username=name, is_active=True)
        except User.DoesNotExist:
            raise InvalidInput({field: f"No active user called {name!r}."}) from None
    if user.role not in HANDLING_ROLES:
        raise InvalidInput({field: f"{user.username} cannot handle complaints (role {user.role})."})
    return user


def _set_stage_deadlines(
    stage: Stage,
    complaint: Complaint,
    *,
    calendar: WorkingDayCalendar | None = None,
    internal: deadlines.InternalTargets | None = None,
) -> None:
    """Statutory and internal due dates for a stage, from the Code version the complaint was
    received under and the landlord's calendar and internal targets. Pass `calendar` and
    `internal` in when recomputing many stages, so that they are read once."""
    calendar = calendar if calendar is not None else working_day_calendar()
    rules = timescales_for(complaint.code_version).stage(stage.number)
    internal = internal if internal is not None else internal_targets(stage.number)
    # Once the acknowledgement has been judged against it, the acknowledgement deadline is
    # history: a closure day added later does not move it, nor the finding recorded with it.
    if stage.acknowledged_within_timescale is None or stage.acknowledge_by is None:
        stage.acknowledge_by = deadlines.acknowledge_by(calendar, rules, stage.requested_on)
        stage.internal_acknowledge_by = deadlines.internal_due(
            calendar, stage.requested_on, internal.acknowledge_days
        )
    if stage.acknowledged_on is not None:
        stage.respond_by = deadlines.respond_by(
            calendar, rules, stage.acknowledged_on, stage.extended_days
        )
        stage.internal_respond_by = deadlines.internal_due(
            calendar, stage.acknowledged_on, internal.respond_days
        )
        stage.acknowledged_within_timescale = stage.acknowledged_on <= stage.acknowledge_by
    if stage.responded_on is not None and stage.respond_by is not None:
        stage.within_timescale = stage.responded_on <= stage.respond_by


# --- intake ----------------------------------------------------------------------------------


@transaction.atomic
def complaint_log(
    *,
    user: User | None,
    resident: dict,
    received_on: dt.date,
    channel: str,
    description: str,
    category: str | None = None,
    service_area: str = "",
    issue_date: dt.date | None = None,
    outcome_wanted: str = "",
    representative: dict | None = None,
    co_complainants: list[dict] | None = None,
    discretion_applied: bool = False,
    related_to: str | None = None,
    service_request: ServiceRequest | None = None,
    actor_label: str = "",
) -> tuple[Complaint, bool]:
    """Log a complaint from any channel (3.1, 3.2). Returns (complaint, created).

    A related complaint made before the stage 1 response on the complaint it relates to is
    added to that complaint instead (6.8), and that complaint is returned with created=False.
    """
    if user is not None:
        _require_staff_who_can_change(user)
    received_ok: list[dt.date] = []

    def check_received_on():
        received_ok.append(_check_date("received_on", received_on, not_before=None))

    def check_issue_date():
        if issue_date is None:
            return
        if not isinstance(issue_date, dt.date) or isinstance(issue_date, dt.datetime):
            raise InvalidInput({"issue_date": "Enter a date (YYYY-MM-DD)."})
        if received_ok and issue_date > received_on:
            raise InvalidInput(
                {"issue_date": "The issue cannot have arisen after the complaint was received."}
            )

    def check_resident():
        if not isinstance(resident, dict) or not (resident.get("name") or resident.get("id")):
            raise InvalidInput({"resident.name": "Enter the resident's name."})

    _, channel, category, _, _, _ = collect_errors(
        check_received_on,
        lambda: _choice("channel", channel, Channel),
        lambda: _choice("category", category, Category, required=False),
        lambda: _required_text("description", description, "Say what the complaint is about."),
        check_issue_date,
        check_resident,
    )
    category = category or Category.OTHER

    if related_to:
        try:
            earlier = Complaint.objects.select_for_update().get(reference=related_to)
        except Complaint.DoesNotExist:
            raise InvalidInput(
                {"related_to": f"No complaint has reference {related_to!r}."}
            ) from None
        if check(Status(earlier.status), earlier.stage, Action.ADD_RELATED) is None:
            issue = RelatedIssue.objects.create(
                complaint=earlier,
                description=description.strip(),
                received_on=received_on,
                channel=channel,
                added_by=user,
            )
            events.related_issue_added_event(complaint=earlier, user=user, issue=issue)
            return earlier, False
        related = earlier
    else:
        related = None

    resident_obj = resident_find_or_create(data=resident)
    representative_obj = representative_create(data=representative) if representative else None
    complaint = Complaint.objects.create(
        # Replaced below by one built from the row's id: unique without a counter table.
        reference=f"new-{uuid.uuid4().hex[:16]}",
        resident=resident_obj,
        representative=representative_obj,
        received_on=received_on,
        channel=channel,
        description=description.strip(),
        outcome_wanted=(outcome_wanted or "").strip(),
        category=category,
        service_area=(service_area or "").strip(),
        issue_date=issue_date,
        discretion_applied=discretion_applied,
        code_version=code_version_on(received_on),
        service_request=service_request,
        related_to=related,
        created_by=user,
    )
    complaint.reference = f"CMP-{complaint.pk:06d}"
    complaint.save(update_fields=["reference"])
    for member in co_complainants or []:
        co_complainant = resident_find_or_create(data=member)
        if co_complainant.pk != resident_obj.pk:  # the lead is not also a co-complainant
            complaint.co_complainants.add(co_complainant)
    stage = Stage(complaint=complaint, number=1, requested_on=received_on)
    # A handler who takes a complaint (by phone, say) is its handler until reassigned.
    if user is not None and user.role == Role.HANDLER:
        stage.handler = user
    _set_stage_deadlines(stage, complaint)
    stage.save()
    events.complaint_logged_event(complaint=complaint, user=user, actor_label=actor_label)
    return complaint, True


@transaction.atomic
def complaint_assign(*, user: User, complaint: Complaint, handler: User | str) -> Complaint:
    """The complaints officer or a manager assigns the current stage's handler."""
    _require_staff_who_can_change(user)
    if not user.acts_on_any_case:
        raise NotPermitted("Only the complaints officer or a manager can assign complaints.")
    complaint = _lock(complaint)
    if Status(complaint.status) not in {Status.AWAITING_ACKNOWLEDGEMENT, Status.INVESTIGATING}:
        raise RuleBroken(
            "invalid_state", f"A complaint that is {complaint.status} cannot be reassigned."
        )
    handler = _resolve_handler("handler", handler)
    stage = _current_stage(complaint)
    _check_independent_stage2_handler(complaint, stage, handler)
    before = stage.handler.username if stage.handler else None
    stage.handler = handler
    stage.save(update_fields=["handler"])
    events.handler_assigned_event(
        complaint=complaint, user=user, stage=stage, before=before, after=handler.username
    )
    return complaint


def _check_independent_stage2_handler(complaint: Complaint, stage: Stage, handler: User) -> None:
    if stage.number != 2:
        return
    stage1 = complaint.stages.get(number=1)
    if stage1.handler_id == handler.pk:
        raise RuleBroken(
            "stage2_handler_not_independent",
            f"{handler.username} handled stage 1; the stage 2 handler must be someone else.",
            "6.13",
        )


# --- the stages ------------------------------------------------------------------------------


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
    definition = definition if isinstance(definition, dict) else {}
    _, understanding, outcomes_sought, chosen = collect_errors(
        lambda: _check_date(
            "acknowledged_on",
            acknowledged_on,
            not_before=stage.requested_on,
            not_before_label=_stage_start_label(stage),
        ),
        lambda: _required_text(
            "definition.understanding",
            definition.get("understanding"),
            "Set out your understanding of the complaint (5.6).",
        ),
        lambda: _required_text(
            "definition.outcomes_sought",
            definition.get("outcomes_sought"),
            "Set out the outcomes the resident wants (5.6).",
        ),
        lambda: _resolve_handler(
            "handler", handler if handler not in (None, "") else (stage.handler or user)
        ),
    )
    if not user.acts_on_any_case and chosen.pk != user.pk:
        raise NotPermitted("A handler can acknowledge a complaint only as its handler.")
    _check_independent_stage2_handler(complaint, stage, chosen)

    stage.handler = chosen
    stage.acknowledged_on = acknowledged_on
    stage.understanding = understanding
    stage.outcomes_sought = outcomes_sought
    stage.responsible_for = (definition.get("responsible_for") or "").strip()
    stage.not_responsible_for = (definition.get("not_responsible_for") or "").strip()
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
    """Extend the response deadline. Beyond the Code's limit only with a good reason (6.4, 6.15);
    the resident is told, with the Ombudsman's details (6.5, 6.16)."""
    _require_can_act(user, complaint)
    complaint = _lock(complaint)
    _check_transition(complaint, Action.EXTEND)
    stage = _current_stage(complaint)
    rules = timescales_for(complaint.code_version).stage(stage.number)
    collect_errors(
        lambda: _check_whole_days("working_days", working_days),
        lambda: _required_text(
            "reason", reason, f"Give the reason for the extension ({rules.extension_provision})."
        ),
        lambda: _check_date(
            "resident_informed_on",
            resident_informed_on,
            not_before=stage.acknowledged_on,
            not_before_label="the acknowledgement",
        ),
    )
    good_reason = (good_reason or "").strip()
    if (
        deadlines.extension_needs_good_reason(rules, stage.extended_days, working_days)
        and not good_reason
    ):
        raise RuleBroken(
            "extension_too_long",
            f"Extensions at stage {stage.number} may total at most "
            f"{rules.extension_limit_days} working days without a good reason; this would make "
            f"{stage.extended_days + working_days}. Record the good reason to go further.",
            rules.extension_provision,
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


def _clean_remedies(items, responded_on: dt.date) -> list[dict]:
    cleaned, errors = [], {}
    for index, item in enumerate(items or []):
        prefix = f"remedies[{index}]"
        item = item if isinstance(item, dict) else {}
        if item.get("type") not in RemedyType.values:
            errors[f"{prefix}.type"] = [f"Choose one of: {', '.join(RemedyType.values)}."]
        if not (item.get("description") or "").strip():
            errors[f"{prefix}.description"] = ["Describe the remedy."]
        amount = item.get("amount")
        if amount not in (None, ""):
            try:
                amount = Decimal(str(amount))
                # Pounds and pence that the column holds (10 digits, 2 after the point).
                if not (0 < amount < MAX_REMEDY_AMOUNT) or amount != amount.quantize(PENNY):
                    raise InvalidOperation
                amount = amount.quantize(PENNY)
            except (InvalidOperation, ValueError):
                errors[f"{prefix}.amount"] = [
                    "Enter an amount in pounds and pence, greater than 0 and less than 100,000,000."
                ]
        else:
            amount = None
        if item.get("type") == RemedyType.FINANCIAL and amount is None:
            errors.setdefault(f"{prefix}.amount", ["A financial remedy needs an amount."])
        due_on = item.get("due_on")
        if due_on is not None and (not isinstance(due_on, dt.date) or due_on < responded_on):
            errors[f"{prefix}.due_on"] = ["The due date cannot be before the response."]
        cleaned.append(
            {
                "type": item.get("type"),
                "description": (item.get("description") or "").strip(),
                "amount": amount,
                "due_on": due_on,
            }
        )
    if errors:
        raise InvalidInput(errors)
    return cleaned


def _clean_actions(items, responded_on: dt.date) -> list[dict]:
    cleaned, errors = [], {}
    for index, item in enumerate(items or []):
        prefix = f"outstanding_actions[{index}]"
        item = item if isinstance(item, dict) else {}
        if not (item.get("description") or "").strip():
            errors[f"{prefix}.description"] = ["Describe the action."]
        due_on = item.get("due_on")
        if not isinstance(due_on, dt.date):
            errors[f"{prefix}.due_on"] = ["Every outstanding action needs a due date (YYYY-MM-DD)."]
        elif due_on < responded_on:
            errors[f"{prefix}.due_on"] = ["The due date cannot be before the response."]
        cleaned.append({"description": (item.get("description") or "").strip(), "due_on": due_on})
    if errors:
        raise InvalidInput(errors)
    return cleaned


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
) -> Complaint:
    """Record the stage response: decision, reasons, remedies and outstanding actions
    (6.9, 6.19), and whether it was within the Code's timescale."""
    _require_can_act(user, complaint)
    complaint = _lock(complaint)
    _check_transition(complaint, Action.RESPOND)
    stage = _current_stage(complaint)
    provision = "6.9" if stage.number == 1 else "6.19"
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
    remedy_items = _clean_remedies(remedies, responded_on)
    action_items = _clean_actions(outstanding_actions, responded_on)

    stage.responded_on = responded_on
    stage.decision = decision
    stage.reasons = reasons.strip()
    _set_stage_deadlines(stage, complaint)
    stage.save()
    created_remedies = [
        Remedy.objects.create(
            complaint=complaint, stage=stage.number, offered_on=responded_on, **item
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
    """The resident asks for stage 2. They never have to say why (6.12). `user` is None when the
    resident asks through their tracking link."""
    if user is not None:
        _require_can_act(user, complaint)
    complaint = _lock(complaint)
    _check_transition(complaint, Action.ESCALATE)
    stage1 = _current_stage(complaint)
    _check_date(
        "requested_on",
        requested_on,
        not_before=stage1.responded_on,
        not_before_label="the stage 1 response",
    )
    stage2 = Stage(
        complaint=complaint,
        number=2,
        requested_on=requested_on,
        escalation_reason=(reason or "").strip(),
    )
    _set_stage_deadlines(stage2, complaint)
    stage2.save()
    complaint.status = next_status(Status(complaint.status), complaint.stage, Action.ESCALATE)
    complaint.stage = next_stage(complaint.stage, Action.ESCALATE)
    complaint.save(update_fields=["status", "stage"])
    events.escalation_requested_event(
        complaint=complaint,
        user=user,
        stage=stage2,
        actor_label=actor_label or ("resident" if user is None else ""),
    )
    return complaint


@transaction.atomic
def complaint_refuse(
    *,
    user: User,
    complaint: Complaint,
    reason: str,
    explanation: str,
    decided_on: dt.date,
) -> Complaint:
    """Decline to accept a complaint, or to escalate it, on a section 2 ground (2.1 to 2.5, 5.11).
    Each refusal is explained for this case (no blanket exclusions, 2.5) and the resident is told
    of their right to take the decision to the Ombudsman (2.4)."""
    _require_can_act(user, complaint)
    complaint = _lock(complaint)
    _check_transition(complaint, Action.REFUSE)
    stage = _current_stage(complaint)
    collect_errors(
        lambda: _choice("reason", reason, RefusalReason),
        lambda: _required_text(
            "explanation",
            explanation,
            "Explain why this complaint is refused; there are no blanket exclusions (2.5).",
        ),
        lambda: _check_date(
            "decided_on",
            decided_on,
            not_before=stage.requested_on,
            not_before_label=_stage_start_label(stage),
        ),
    )
    if reason == RefusalReason.OVER_12_MONTHS:
        if complaint.discretion_applied:
            raise RuleBroken(
                "discretion_applied",
                "Discretion was applied to accept this complaint although the issue is older "
                "than 12 months; it cannot now be refused on that ground.",
                "2.3",
            )
        if complaint.issue_date is None:
            raise RuleBroken(
                "issue_date_unknown",
                "Record when the issue arose before refusing a complaint as older than 12 months.",
                "2.3",
            )
        if not deadlines.arose_over_12_months_before(complaint.issue_date, complaint.received_on):
            raise RuleBroken(
                "within_12_months",
                f"The issue arose on {complaint.issue_date.isoformat()}, within 12 months of the "
                f"complaint ({complaint.received_on.isoformat()}); it cannot be refused as late.",
                "2.3",
            )
    refusal = Refusal.objects.create(
        complaint=complaint,
        stage=stage.number,
        reason=reason,
        explanation=explanation.strip(),
        decided_on=decided_on,
        ombudsman_rights_given=True,
        decided_by=user,
    )
    complaint.status = next_status(Status(complaint.status), complaint.stage, Action.REFUSE)
    complaint.closed_on = decided_on
    complaint.save(update_fields=["status", "closed_on"])
    events.complaint_refused_event(complaint=complaint, user=user, refusal=refusal)
    return complaint


@transaction.atomic
def complaint_withdraw(
    *,
    user: User | None,
    complaint: Complaint,
    withdrawn_on: dt.date | None = None,
    reason: str = "",
    actor_label: str = "",
) -> Complaint:
    """The resident withdraws the complaint (by telling staff, or through their link)."""
    if user is not None:
        _require_can_act(user, complaint)
    complaint = _lock(complaint)
    _check_transition(complaint, Action.WITHDRAW)
    withdrawn_on = withdrawn_on or dates.today()
    _check_date("withdrawn_on", withdrawn_on, not_before=complaint.received_on)
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
        reason=(reason or "").strip(),
    )
    return complaint


@transaction.atomic
def complaint_close(
    *, user: User, complaint: Complaint, closed_on: dt.date | None = None
) -> Complaint:
    """Close a responded complaint. Remedies and actions still open stay tracked (7.3)."""
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


# --- putting things right -------------------------------------------------------------------


def _require_remediable(complaint: Complaint) -> None:
    if complaint.status in {Status.REFUSED, Status.WITHDRAWN}:
        raise RuleBroken(
            "complaint_ended", f"The complaint was {complaint.status}; nothing can be added to it."
        )


@transaction.atomic
def remedy_offer(
    *,
    user: User,
    complaint: Complaint,
    type: str,
    description: str,
    amount=None,
    due_on: dt.date | None = None,
    offered_on: dt.date | None = None,
) -> Remedy:
    """A remedy can be offered at any stage, not only in a response (5.13, 7.1)."""
    _require_can_act(user, complaint)
    complaint = _lock(complaint)
    _require_remediable(complaint)
    offered_on = offered_on or dates.today()
    _check_date("offered_on", offered_on, not_before=complaint.received_on)
    [item] = _clean_remedies(
        [{"type": type, "description": description, "amount": amount, "due_on": due_on}],
        offered_on,
    )
    remedy = Remedy.objects.create(
        complaint=complaint, stage=complaint.stage, offered_on=offered_on, **item
    )
    events.remedy_offered_event(complaint=complaint, user=user, remedy=remedy)
    return remedy


@transaction.atomic
def remedy_complete(*, user: User, remedy: Remedy, completed_on: dt.date | None = None) -> Remedy:
    _require_can_act(user, remedy.complaint)
    remedy = Remedy.objects.select_for_update().get(pk=remedy.pk)
    if remedy.completed_on is not None:
        raise RuleBroken("already_completed", "This remedy is already recorded as done.")
    completed_on = completed_on or dates.today()
    _check_date(
        "completed_on", completed_on, not_before=remedy.offered_on, not_before_label="the offer"
    )
    remedy.completed_on = completed_on
    remedy.completed_by = user
    remedy.save(update_fields=["completed_on", "completed_by"])
    events.remedy_completed_event(complaint=remedy.complaint, user=user, remedy=remedy)
    return remedy


@transaction.atomic
def action_add(
    *, user: User, complaint: Complaint, description: str, due_on: dt.date
) -> OutstandingAction:
    _require_can_act(user, complaint)
    complaint = _lock(complaint)
    _require_remediable(complaint)
    [item] = _clean_actions([{"description": description, "due_on": due_on}], complaint.received_on)
    action = OutstandingAction.objects.create(complaint=complaint, stage=complaint.stage, **item)
    events.action_added_event(complaint=complaint, user=user, action=action)
    return action


@transaction.atomic
def action_complete(
    *, user: User, action: OutstandingAction, completed_on: dt.date | None = None
) -> OutstandingAction:
    _require_can_act(user, action.complaint)
    action = OutstandingAction.objects.select_for_update().get(pk=action.pk)
    if action.completed_on is not None:
        raise RuleBroken("already_completed", "This action is already recorded as done.")
    completed_on = completed_on or dates.today()
    _check_date("completed_on", completed_on, not_before=action.complaint.received_on)
    action.completed_on = completed_on
    action.completed_by = user
    action.save(update_fields=["completed_on", "completed_by"])
    events.action_completed_event(complaint=action.complaint, user=user, action=action)
    return action


# --- the record ------------------------------------------------------------------------------


@transaction.atomic
def note_add(*, user: User | None, complaint: Complaint, text: str, actor_label: str = "") -> Note:
    """A note on the case. `user` is None when the resident adds information through their link."""
    if user is not None:
        _require_can_act(user, complaint)
    text = _required_text("text", text, "Write the note.")
    note = Note.objects.create(complaint=complaint, text=text, author=user)
    events.note_added_event(
        complaint=complaint,
        user=user,
        note=note,
        actor_label=actor_label or ("resident" if user is None else ""),
    )
    return note


@transaction.atomic
def attachment_add(
    *,
    user: User | None,
    complaint: Complaint,
    uploaded_file,
    description: str = "",
    source: str = "staff",
    actor_label: str = "",
) -> Attachment:
    """Attach a document to the case, within the size and type limits."""
    if user is not None:
        _require_can_act(user, complaint)
    if uploaded_file is None:
        raise InvalidInput({"file": "Choose a file to upload."})
    if not uploaded_file.size:
        raise InvalidInput({"file": "The file is empty."})
    limit = settings.PUTRIGHT_MAX_ATTACHMENT_BYTES
    if uploaded_file.size > limit:
        raise InvalidInput({"file": f"The file must be smaller than {limit // (1024 * 1024)} MB."})
    content_type = (getattr(uploaded_file, "content_type", "") or "").split(";")[0].strip()
    if content_type not in settings.PUTRIGHT_ATTACHMENT_TYPES:
        raise InvalidInput(
            {"file": "The file must be a PDF, image, Word document, e-mail or plain text."}
        )
    attachment = Attachment(
        complaint=complaint,
        original_name=uploaded_file.name[:255],
        content_type=content_type,
        size=uploaded_file.size,
        description=(description or "").strip()[:255],
        source=source,
        uploaded_by=user,
    )
    attachment.file.save(uploaded_file.name, uploaded_file, save=False)
    attachment.save()
    events.attachment_added_event(
        complaint=complaint, user=user, attachment=attachment, actor_label=actor_label
    )
    return attachment


# --- service requests (1.4, 1.5) ------------------------------------------------------------


@transaction.atomic
def service_request_log(
    *,
    user: User,
    resident: dict,
    received_on: dt.date,
    channel: str,
    description: str,
    category: str | None = None,
) -> ServiceRequest:
    _require_staff_who_can_change(user)
    collect_errors(
        lambda: _check_date("received_on", received_on),
        lambda: _choice("channel", channel, Channel),
        lambda: _choice("category", category, Category, required=False),
        lambda: _required_text("description", description, "Describe the request."),
    )
    request = ServiceRequest.objects.create(
        resident=resident_find_or_create(data=resident),
        received_on=received_on,
        channel=channel,
        description=description.strip(),
        category=category or Category.OTHER,
        created_by=user,
    )
    events.record(
        type=events.EventType.SERVICE_REQUEST_LOGGED,
        resident=request.resident,
        user=user,
        service_request=request.pk,
        received_on=received_on,
    )
    return request


@transaction.atomic
def service_request_complete(
    *, user: User, service_request: ServiceRequest, completed_on: dt.date | None = None
) -> ServiceRequest:
    _require_staff_who_can_change(user)
    service_request = ServiceRequest.objects.select_for_update().get(pk=service_request.pk)
    if service_request.state == ServiceRequest.State.COMPLETED:
        raise RuleBroken("already_completed", "This service request is already completed.")
    completed_on = completed_on or dates.today()
    _check_date(
        "completed_on",
        completed_on,
        not_before=service_request.received_on,
        not_before_label="the request",
    )
    service_request.state = ServiceRequest.State.COMPLETED
    service_request.completed_on = completed_on
    service_request.save(update_fields=["state", "completed_on"])
    events.record(
        type=events.EventType.SERVICE_REQUEST_COMPLETED,
        resident=service_request.resident,
        user=user,
        service_request=service_request.pk,
        completed_on=completed_on,
    )
    return service_request


@transaction.atomic
def complaint_raise_from_service_request(
    *,
    user: User,
    service_request: ServiceRequest,
    received_on: dt.date,
    description: str,
    channel: str | None = None,
) -> Complaint:
    """The resident is dissatisfied with the response to a service request: a complaint is raised
    while the request itself stays open and is still monitored (1.5)."""
    if isinstance(received_on, dt.date) and received_on < service_request.received_on:
        raise InvalidInput(
            {"received_on": "The complaint cannot be before the service request it is about."}
        )
    complaint, _ = complaint_log(
        user=user,
        resident={"id": service_request.resident_id, "name": service_request.resident.name},
        received_on=received_on,
        channel=channel or service_request.channel,
        description=description,
        category=service_request.category,
        service_request=service_request,
    )
    return complaint


# --- the landlord's calendar ----------------------------------------------------------------


@transaction.atomic
def deadlines_recalculate(*, user: User | None, reason: str) -> int:
    """Recompute the due dates of every open stage, after the landlord's closure days or internal
    targets change. Returns how many stages moved; each move is an event on its case."""
    moved = 0
    # Read once, not once a stage: reports and closure-day changes recompute many stages.
    calendar = working_day_calendar()
    targets = {number: internal_targets(number) for number in (1, 2)}
    stages = Stage.objects.select_related("complaint", "complaint__resident").filter(
        complaint__status__in=[Status.AWAITING_ACKNOWLEDGEMENT, Status.INVESTIGATING],
        complaint__stage=F("number"),
        responded_on__isnull=True,
    )
    for stage in stages.iterator(chunk_size=2000):
        before = {
            "acknowledge_by": stage.acknowledge_by,
            "respond_by": stage.respond_by,
            "internal_acknowledge_by": stage.internal_acknowledge_by,
            "internal_respond_by": stage.internal_respond_by,
        }
        _set_stage_deadlines(
            stage, stage.complaint, calendar=calendar, internal=targets[stage.number]
        )
        after = {key: getattr(stage, key) for key in before}
        if after != before:
            stage.save(update_fields=[*before, "acknowledged_within_timescale"])
            events.deadlines_recalculated_event(
                complaint=stage.complaint,
                user=user,
                stage=stage,
                before=before,
                after=after,
                reason=reason,
            )
            moved += 1
    return moved
