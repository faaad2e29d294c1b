"""Putting things right: remedies and outstanding actions (5.13, 7.1, 7.3)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from putright import dates
from putright.accounts.models import User
from putright.complaints import events
from putright.complaints.models import (
    Complaint,
    OutstandingAction,
    Remedy,
)
from putright.complaints.services._checks import (
    _check_date,
    _lock,
    _require_can_act,
)
from putright.complaints.workflow import Status
from putright.errors import RuleBroken
from putright.rules import remedies as remedy_rule


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
    band=None,
    units: int | None = None,
    outside_guide_reason: str = "",
) -> Remedy:
    """A remedy can be offered at any stage, not only in a response (5.13, 7.1). A financial
    one may be chosen from a band of the compensation guide (7.4)."""
    _require_can_act(user, complaint)
    complaint = _lock(complaint)
    _require_remediable(complaint)
    offered_on = offered_on or dates.today()
    _check_date("offered_on", offered_on, not_before=complaint.received_on)
    [item] = remedy_rule.clean_remedies(
        [
            {
                "type": type,
                "description": description,
                "amount": amount,
                "due_on": due_on,
                "band": band,
                "units": units,
                "outside_guide_reason": outside_guide_reason,
            }
        ],
        offered_on,
        prefix="",
    )
    remedy = Remedy.objects.create(
        complaint=complaint,
        stage=complaint.stage,
        offered_on=offered_on,
        completed_by=user if item["completed_on"] else None,
        **item,
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
    [item] = remedy_rule.clean_actions(
        [{"description": description, "due_on": due_on}],
        complaint.received_on,
        prefix="",
        label="the complaint was received",
    )
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
