"""Logging a complaint (3.1, 3.2, 6.8) and assigning its handler."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import transaction

from putright.accounts.models import Role, User
from putright.complaints import events, idempotency
from putright.complaints.models import (
    Category,
    Channel,
    Complaint,
    RelatedIssue,
    ServiceRequest,
    Stage,
)
from putright.complaints.services._checks import (
    _check_date,
    _choice,
    _current_stage,
    _lock,
    _require_can_act,
    _require_staff_who_can_change,
    _required_text,
    _resolve_handler,
    _set_stage_deadlines,
)
from putright.complaints.workflow import Status
from putright.errors import InvalidInput, NotPermitted, RuleBroken, collect_errors
from putright.people.services import representative_create, resident_find_or_create
from putright.rules import independence
from putright.rules import related as related_rule
from putright.timescales.code import code_version_on

MAX_GROUP = 50  # residents complaining together in one complaint


def complaint_log(*, idempotency_key: str | None = None, **request) -> tuple[Complaint, bool]:
    """Log a complaint (see `_complaint_log`). With an `idempotency_key`, a retry of the same
    request returns the first attempt's complaint instead of making a second one."""
    user = request.get("user")
    scope = f"user-{user.pk}" if user is not None and user.is_authenticated else "public"
    key = idempotency.scoped(scope, idempotency_key)
    fingerprinted = {k: v for k, v in request.items() if k not in ("user", "service_request")}
    return idempotency.once(key, fingerprinted, lambda: _complaint_log(**request))


@transaction.atomic
def _complaint_log(
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
    related_reason: str = "",
    aware_on: dt.date | None = None,
    service_request: ServiceRequest | None = None,
    actor_label: str = "",
) -> tuple[Complaint, bool]:
    """Log a complaint from any channel (3.1, 3.2). Returns (complaint, created).

    A related complaint from the same resident (or a member of the group) made before the stage
    1 response on the complaint it relates to is added to that complaint instead (6.8), and that
    complaint is returned with created=False. Another resident's complaint, or one given a
    `related_reason` (joining would unreasonably delay the response), is a new complaint linked
    to the first.
    """
    if user is not None:
        _require_staff_who_can_change(user)
    received_ok: list[dt.date] = []

    def check_received_on():
        received_ok.append(_check_date("received_on", received_on, not_before=None))

    def check_issue_date(field, value, words):
        if value is None:
            return
        _check_date(field, value, required=False)
        if received_ok and value > received_on:
            raise InvalidInput({field: f"The {words} cannot be after the complaint was received."})

    def check_resident():
        if not isinstance(resident, dict) or not (resident.get("name") or resident.get("id")):
            raise InvalidInput({"resident.name": "Enter the resident's name."})

    _, channel, category, _, _, _, _ = collect_errors(
        check_received_on,
        lambda: _choice("channel", channel, Channel),
        lambda: _choice("category", category, Category, required=False),
        lambda: _required_text("description", description, "Say what the complaint is about."),
        lambda: check_issue_date("issue_date", issue_date, "issue"),
        lambda: check_issue_date("aware_on", aware_on, "date the resident became aware"),
        check_resident,
    )
    category = category or Category.OTHER

    resident_obj = resident_find_or_create(data=resident)
    related = None
    if related_to:
        try:
            earlier = Complaint.objects.select_for_update().get(reference=related_to)
        except Complaint.DoesNotExist:
            raise InvalidInput(
                {"related_to": f"No complaint has reference {related_to!r}."}
            ) from None
        if user is not None:
            # Adding to a case is acting on it: the same permission as any action (6.8).
            _require_can_act(user, earlier)
        related_rule.check_date(earlier, received_on)
        related_reason = (related_reason if isinstance(related_reason, str) else "").strip()
        if related_rule.joins(earlier, resident=resident_obj, separate_reason=related_reason):
            issue = RelatedIssue.objects.create(
                complaint=earlier,
                description=description.strip(),
                received_on=received_on,
                channel=channel,
                added_by=user,
            )
            events.related_issue_added_event(complaint=earlier, user=user, issue=issue)
            return earlier, False
        if not related_reason and not related_rule.same_party(earlier, resident_obj):
            related_reason = "Another resident's complaint: their own case, linked (6.8)."
        related = earlier
    else:
        related_reason = ""

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
        related_reason=related_reason,
        aware_on=aware_on,
        created_by=user,
    )
    complaint.reference = f"CMP-{complaint.pk:06d}"
    complaint.save(update_fields=["reference"])
    members = list(co_complainants or [])
    if len(members) > MAX_GROUP:
        raise InvalidInput({"co_complainants": f"At most {MAX_GROUP} residents in one group."})
    seen = {_person_key({"name": resident_obj.name, "email": resident_obj.email})}
    for member in members:
        # A member named twice, or the lead named again, is one person (B14).
        key = _person_key(member) if isinstance(member, dict) else None
        if key is not None and key in seen:
            continue
        seen.add(key)
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
    independence.check(complaint, handler, acting_as="the stage 2 handler")
    before = stage.handler.username if stage.handler else None
    stage.handler = handler
    stage.save(update_fields=["handler"])
    events.handler_assigned_event(
        complaint=complaint, user=user, stage=stage, before=before, after=handler.username
    )
    return complaint


def _person_key(member: dict):
    identity = member.get("id")
    if identity:
        return ("id", str(identity))
    name = " ".join(str(member.get("name") or "").split()).casefold()
    return ("name", name, str(member.get("email") or "").strip().casefold())
