"""A panel or meeting held to consider stage 2 (3.6, 6.20): when, who sat on it, whether the
resident attended and who accompanied them. Optional: many landlords decide stage 2 without
one. The members may include people with no account (an independent or resident panel member),
so they are names as the panel record gives them."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from putright.accounts.models import User
from putright.complaints import events
from putright.complaints.models import Complaint, Panel
from putright.complaints.services._checks import (
    MAX_TEXT,
    _check_date,
    _lock,
    _require_can_act,
)
from putright.complaints.workflow import Status
from putright.errors import InvalidInput, RuleBroken, collect_errors

MAX_MEMBERS = 20


def _members(members) -> list[str]:
    if isinstance(members, str):
        members = members.splitlines()
    names = [m.strip() for m in (members or []) if isinstance(m, str) and m.strip()]
    if not names:
        raise InvalidInput({"members": ["Name who sat on the panel or attended the meeting."]})
    if len(names) > MAX_MEMBERS or any(len(n) > 200 for n in names):
        raise InvalidInput({"members": [f"At most {MAX_MEMBERS} names of 200 characters each."]})
    return list(dict.fromkeys(names))


def _text(field: str, value, most: int) -> str:
    value = value.strip() if isinstance(value, str) else ""
    if len(value) > most:
        raise InvalidInput({field: [f"At most {most:,} characters."]})
    return value


@transaction.atomic
def panel_record(
    *,
    user: User,
    complaint: Complaint,
    held_on: dt.date,
    members,
    resident_attended: bool,
    accompanied_by: str = "",
    notes: str = "",
) -> Panel:
    """Record a stage 2 panel or meeting, on or after the request for stage 2 and not in the
    future. Who accompanied the resident is recorded only when they attended (3.6)."""
    _require_can_act(user, complaint)
    complaint = _lock(complaint)
    stage = complaint.stages.filter(number=2).first()
    if stage is None or complaint.status in {Status.REFUSED, Status.WITHDRAWN}:
        raise RuleBroken(
            "no_stage_2",
            f"{complaint.reference} is not at stage 2: a panel or meeting considers stage 2.",
            "6.20",
        )
    if not isinstance(resident_attended, bool):
        raise InvalidInput({"resident_attended": ["Say whether the resident attended."]})
    _, names, accompanied, notes = collect_errors(
        lambda: _check_date(
            "held_on",
            held_on,
            not_before=stage.requested_on,
            not_before_label="the request for stage 2",
        ),
        lambda: _members(members),
        lambda: _text("accompanied_by", accompanied_by, 300),
        lambda: _text("notes", notes, MAX_TEXT),
    )
    if accompanied and not resident_attended:
        raise InvalidInput(
            {"accompanied_by": ["The resident did not attend, so nobody accompanied them."]}
        )
    panel = Panel.objects.create(
        stage=stage,
        held_on=held_on,
        members=names,
        resident_attended=resident_attended,
        accompanied_by=accompanied,
        notes=notes,
        recorded_by=user,
    )
    events.panel_recorded_event(complaint=complaint, user=user, panel=panel)
    return panel
