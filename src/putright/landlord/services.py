"""Writes to the landlord's calendar. A closure day changes what counts as a working day, so
every open stage's deadlines are recomputed in the same transaction (each move is an event)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from putright.errors import InvalidInput, NotPermitted
from putright.landlord.models import ClosureDay


def _require_settings_manager(user) -> None:
    if user is None or not user.is_authenticated or not user.manages_settings:
        raise NotPermitted("Only an administrator can change the landlord's calendar.")


def _recalculate(user, reason: str) -> int:
    # Imported here: the complaints app builds on the landlord app, not the other way round.
    from putright.complaints.services import deadlines_recalculate

    return deadlines_recalculate(user=user, reason=reason)


@transaction.atomic
def closure_day_add(*, user, date: dt.date, reason: str) -> tuple[ClosureDay, int]:
    """Close the office on `date`. Returns the closure day and how many stages' deadlines
    moved."""
    _require_settings_manager(user)
    errors = {}
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        errors["date"] = "Enter a date (YYYY-MM-DD)."
    elif ClosureDay.objects.filter(date=date).exists():
        errors["date"] = f"{date.isoformat()} is already a closure day."
    if not (reason or "").strip():
        errors["reason"] = "Say why the office is closed."
    if errors:
        raise InvalidInput(errors)
    closure = ClosureDay.objects.create(date=date, reason=reason.strip())
    moved = _recalculate(user, f"Closure day added: {date.isoformat()} ({closure.reason})")
    return closure, moved


@transaction.atomic
def closure_day_remove(*, user, closure: ClosureDay) -> int:
    """Reopen on a closure day. Returns how many stages' deadlines moved."""
    _require_settings_manager(user)
    day = closure.date
    closure.delete()
    return _recalculate(user, f"Closure day removed: {day.isoformat()}")
