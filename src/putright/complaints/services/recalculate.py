"""Recomputing deadlines after the landlord's calendar changes."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from putright.accounts.models import User
from putright.complaints import events
from putright.complaints.models import (
    Stage,
)
from putright.complaints.services._checks import (
    _set_stage_deadlines,
)
from putright.complaints.workflow import Status
from putright.landlord.selectors import internal_targets, working_day_calendar

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
