"""One function per timeline event. Each writes an append-only Event row (5.12).

Parameters are JSON: dates as ISO strings, users as usernames, before/after where a value changed.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from putright.complaints import audit
from putright.complaints.models import Complaint, Event
from putright.complaints.signals import complaint_event_recorded


class EventType:
    COMPLAINT_LOGGED = "complaint_logged"
    RELATED_ISSUE_ADDED = "related_issue_added"
    HANDLER_ASSIGNED = "handler_assigned"
    STAGE_ACKNOWLEDGED = "stage_acknowledged"
    DEFINITION_CHANGED = "definition_changed"
    # An audited correction (5.6, 5.7, 6.7, 7.3): before and after kept in the parameters.
    AMENDED = "amended"
    EXTENSION_GRANTED = "extension_granted"
    STAGE_RESPONDED = "stage_responded"
    ESCALATION_REQUESTED = "escalation_requested"
    COMPLAINT_REFUSED = "complaint_refused"
    COMPLAINT_WITHDRAWN = "complaint_withdrawn"
    COMPLAINT_CLOSED = "complaint_closed"
    REMEDY_OFFERED = "remedy_offered"
    REMEDY_COMPLETED = "remedy_completed"
    ACTION_ADDED = "action_added"
    ACTION_COMPLETED = "action_completed"
    NOTE_ADDED = "note_added"
    ATTACHMENT_ADDED = "attachment_added"
    DEADLINES_RECALCULATED = "deadlines_recalculated"
    SERVICE_REQUEST_LOGGED = "service_request_logged"
    SERVICE_REQUEST_COMPLETED = "service_request_completed"
    TRACKING_LINK_REVOKED = "tracking_link_revoked"
    PANEL_RECORDED = "panel_recorded"


def _json(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "get_username"):
        return value.get_username()
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    return value


def record(
    *,
    type: str,
    complaint: Complaint | None = None,
    resident=None,
    user=None,
    actor_label: str = "",
    **parameters: Any,
) -> Event:
    """Append one event to its stream's hash chain (complaints.audit), inside the caller's
    transaction."""
    if resident is None and complaint is not None:
        resident = complaint.resident
    actor = user if user is not None and user.is_authenticated else None
    stream = audit.stream_for(
        complaint_id=complaint.pk if complaint is not None else None,
        resident_id=resident.pk if complaint is None and resident is not None else None,
    )
    with transaction.atomic():
        sequence, previous_hash = audit.next_place(stream, Event.objects.filter(stream=stream))
        event = Event(
            complaint=complaint,
            resident=resident,
            type=type,
            actor=actor,
            actor_label=actor_label or ("" if user is not None else "system"),
            actor_name=actor.get_username() if actor else "",
            actor_display=(actor.get_full_name() or actor.get_username()) if actor else "",
            actor_role=getattr(actor, "role", "") if actor else "",
            occurred_at=timezone.now(),
            # Stored as JSON reads it back, so that the hash is over the stored value.
            parameters=json.loads(json.dumps(_json(parameters))),
            stream=stream,
            sequence=sequence,
            previous_hash=previous_hash,
        )
        event.hash = audit.digest_of(event, previous_hash)
        event.save()
    transaction.on_commit(
        lambda: complaint_event_recorded.send(sender=Event, event=event), robust=True
    )
    return event


def complaint_logged_event(*, complaint, user, actor_label=""):
    return record(
        type=EventType.COMPLAINT_LOGGED,
        complaint=complaint,
        user=user,
        actor_label=actor_label,
        channel=complaint.channel,
        received_on=complaint.received_on,
        code_version=complaint.code_version,
        acknowledge_by=complaint.current_stage.acknowledge_by,
        # The handler who took it (a handler logging a complaint holds it): a stage 1 person.
        handler=complaint.current_stage.handler,
    )


def related_issue_added_event(*, complaint, user, issue):
    return record(
        type=EventType.RELATED_ISSUE_ADDED,
        complaint=complaint,
        user=user,
        description=issue.description,
        received_on=issue.received_on,
        provision="6.8",
    )


def handler_assigned_event(*, complaint, user, stage, before, after):
    return record(
        type=EventType.HANDLER_ASSIGNED,
        complaint=complaint,
        user=user,
        stage=stage.number,
        before=before,
        after=after,
    )


def stage_acknowledged_event(*, complaint, user, stage):
    return record(
        type=EventType.STAGE_ACKNOWLEDGED,
        complaint=complaint,
        user=user,
        stage=stage.number,
        acknowledged_on=stage.acknowledged_on,
        acknowledge_by=stage.acknowledge_by,
        within_timescale=stage.acknowledged_within_timescale,
        handler=stage.handler,
        respond_by=stage.respond_by,
        definition={
            "understanding": stage.understanding,
            "outcomes_sought": stage.outcomes_sought,
            "responsible_for": stage.responsible_for,
            "not_responsible_for": stage.not_responsible_for,
        },
    )


def extension_granted_event(*, complaint, user, extension):
    return record(
        type=EventType.EXTENSION_GRANTED,
        complaint=complaint,
        user=user,
        stage=extension.stage.number,
        working_days=extension.working_days,
        reason=extension.reason,
        good_reason=extension.good_reason,
        resident_informed_on=extension.resident_informed_on,
        before=extension.respond_by_before,
        after=extension.respond_by_after,
    )


def stage_responded_event(*, complaint, user, stage, remedies, actions):
    return record(
        type=EventType.STAGE_RESPONDED,
        complaint=complaint,
        user=user,
        stage=stage.number,
        responded_on=stage.responded_on,
        respond_by=stage.respond_by,
        decision=stage.decision,
        within_timescale=stage.within_timescale,
        # Who decided, and their role then (6.20); empty at stage 1.
        decision_maker=stage.decision_maker.username if stage.decision_maker else "",
        decision_maker_role=stage.decision_maker_role,
        remedies=[r.pk for r in remedies],
        actions=[a.pk for a in actions],
    )


def escalation_requested_event(*, complaint, user, stage, actor_label="", reopened=False):
    return record(
        type=EventType.ESCALATION_REQUESTED,
        complaint=complaint,
        user=user,
        actor_label=actor_label,
        stage=stage.number,
        requested_on=stage.requested_on,
        acknowledge_by=stage.acknowledge_by,
        reopened=reopened,
    )


def complaint_refused_event(*, complaint, user, refusal):
    return record(
        type=EventType.COMPLAINT_REFUSED,
        complaint=complaint,
        user=user,
        stage=refusal.stage,
        reason=refusal.reason,
        explanation=refusal.explanation,
        decided_on=refusal.decided_on,
        ombudsman_rights_given=refusal.ombudsman_rights_given,
    )


def status_changed_event(*, type, complaint, user, before, after, actor_label="", **extra):
    return record(
        type=type,
        complaint=complaint,
        user=user,
        actor_label=actor_label,
        before=before,
        after=after,
        **extra,
    )


def remedy_offered_event(*, complaint, user, remedy):
    return record(
        type=EventType.REMEDY_OFFERED,
        complaint=complaint,
        user=user,
        remedy=remedy.pk,
        remedy_type=remedy.type,
        description=remedy.description,
        amount=remedy.amount,
        due_on=remedy.due_on,
        band=remedy.band_id,
        units=remedy.units,
        outside_guide_reason=remedy.outside_guide_reason,
    )


def panel_recorded_event(*, complaint, user, panel):
    return record(
        type=EventType.PANEL_RECORDED,
        complaint=complaint,
        user=user,
        stage=panel.stage.number,
        panel=panel.pk,
        held_on=panel.held_on,
        members=panel.members,
        resident_attended=panel.resident_attended,
        accompanied_by=panel.accompanied_by,
    )


def remedy_completed_event(*, complaint, user, remedy):
    return record(
        type=EventType.REMEDY_COMPLETED,
        complaint=complaint,
        user=user,
        remedy=remedy.pk,
        completed_on=remedy.completed_on,
    )


def action_added_event(*, complaint, user, action):
    return record(
        type=EventType.ACTION_ADDED,
        complaint=complaint,
        user=user,
        action=action.pk,
        description=action.description,
        due_on=action.due_on,
    )


def action_completed_event(*, complaint, user, action):
    return record(
        type=EventType.ACTION_COMPLETED,
        complaint=complaint,
        user=user,
        action=action.pk,
        completed_on=action.completed_on,
    )


def note_added_event(*, complaint, user, note, actor_label=""):
    return record(
        type=EventType.NOTE_ADDED,
        complaint=complaint,
        user=user,
        actor_label=actor_label,
        note=note.pk,
        text=note.text,
    )


def tracking_link_revoked_event(*, complaint, user, generation, reason):
    # The generation, never the link: the record must not hold a key to the resident's page.
    return record(
        type=EventType.TRACKING_LINK_REVOKED,
        complaint=complaint,
        user=user,
        generation=generation,
        reason=reason,
    )


def attachment_added_event(*, complaint, user, attachment, actor_label=""):
    return record(
        type=EventType.ATTACHMENT_ADDED,
        complaint=complaint,
        user=user,
        actor_label=actor_label,
        attachment=attachment.pk,
        name=attachment.original_name,
        size=attachment.size,
        content_type=attachment.content_type,
    )


def deadlines_recalculated_event(*, complaint, user, stage, before, after, reason):
    return record(
        type=EventType.DEADLINES_RECALCULATED,
        complaint=complaint,
        user=user,
        stage=stage.number,
        before=before,
        after=after,
        reason=reason,
    )
