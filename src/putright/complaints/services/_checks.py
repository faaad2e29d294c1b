"""Checks shared by the case services: who may act, dates, choices, deadlines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from putright import dates
from putright.accounts.models import Role, User
from putright.complaints.models import (
    Complaint,
    Stage,
)
from putright.complaints.workflow import Action, Status, check
from putright.errors import InvalidInput, RuleBroken
from putright.landlord.selectors import internal_targets, working_day_calendar
from putright.rules import access
from putright.timescales import deadlines
from putright.timescales.calendar import FIRST_YEAR, WorkingDayCalendar
from putright.timescales.code import timescales_for

HANDLING_ROLES = {Role.HANDLER, Role.OFFICER, Role.MANAGER, Role.ADMIN}
# The first day the working-day calendar knows; an earlier date is refused as input, never a 500.
FIRST_DAY = dt.date(FIRST_YEAR, 1, 1)
MAX_TEXT = 20_000  # characters in any free-text field
PENNY = Decimal("0.01")
MAX_REMEDY_AMOUNT = Decimal("100000000")


# --- checks shared by the services -------------------------------------------------------------


_require_staff_who_can_change = access.require_staff_who_can_change
_require_can_act = access.require_can_act
user_can_act_on = access.user_can_act_on
_current_stage = access.current_stage


def _check_transition(complaint: Complaint, action: Action) -> None:
    refusal = check(Status(complaint.status), complaint.stage, action)
    if refusal is not None:
        raise RuleBroken(refusal.error, refusal.detail, refusal.provision)


def _lock(complaint: Complaint) -> Complaint:
    # Serialise concurrent actions on one case (PostgreSQL; SQLite serialises writes anyway).
    return Complaint.objects.select_for_update().get(pk=complaint.pk)


def _stage_start_label(stage: Stage) -> str:
    return "the date it was received" if stage.number == 1 else "the date escalation was requested"


def _check_whole_days(field: str, value) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidInput({field: "Enter a whole number of working days, 1 or more."})
    return value


def _required_text(field: str, value: str | None, message: str) -> str:
    value = (value if isinstance(value, str) else "").strip()
    if not value:
        raise InvalidInput({field: message})
    if len(value) > MAX_TEXT:
        raise InvalidInput({field: f"At most {MAX_TEXT:,} characters."})
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
    if not value >= FIRST_DAY:
        raise InvalidInput({field: f"Enter a date from {FIRST_DAY.isoformat()} on."})
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
    code = timescales_for(complaint.code_version)
    if code is None:  # received before any Code: no Code timescale applies
        return
    rules = code.stage(stage.number)
    internal = internal if internal is not None else internal_targets(stage.number)
    # Once the acknowledgement has been judged against it, the acknowledgement deadline is
    # history: a closure day added later does not move it, nor the finding recorded with it.
    if stage.acknowledged_within_timescale is None or stage.acknowledge_by is None:
        stage.acknowledge_by = deadlines.acknowledge_by(calendar, rules, stage.requested_on)
        stage.internal_acknowledge_by = deadlines.internal_due(
            calendar, stage.requested_on, internal.acknowledge_days
        )
    if stage.acknowledged_on is not None or rules.respond_from == "requested":
        stage.respond_by = deadlines.respond_by(
            calendar,
            rules,
            stage.acknowledged_on,
            stage.extended_days,
            requested_on=stage.requested_on,
        )
    if stage.acknowledged_on is not None:
        stage.internal_respond_by = deadlines.internal_due(
            calendar, stage.acknowledged_on, internal.respond_days
        )
        if stage.acknowledge_by is not None:
            stage.acknowledged_within_timescale = stage.acknowledged_on <= stage.acknowledge_by
    if stage.responded_on is not None and stage.respond_by is not None:
        stage.within_timescale = stage.responded_on <= stage.respond_by
