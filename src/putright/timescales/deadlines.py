"""Due dates for a complaint stage under the Code, and the extension rules (6.4, 6.15)."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from dataclasses import dataclass

from putright.timescales.calendar import WorkingDayCalendar
from putright.timescales.code import StageTimescales


@dataclass(frozen=True)
class InternalTargets:
    """A landlord's own shorter targets, tracked beside the statutory deadlines."""

    acknowledge_days: int | None = None
    respond_days: int | None = None


def acknowledge_by(
    calendar: WorkingDayCalendar, rules: StageTimescales, requested_on: dt.date
) -> dt.date | None:
    # 6.2 / 6.11: within 5 working days of receipt or of the escalation request. None where the
    # Code sets no acknowledgement timescale for the stage.
    if rules.acknowledge_days is None:
        return None
    return calendar.add_working_days(requested_on, rules.acknowledge_days)


def respond_by(
    calendar: WorkingDayCalendar,
    rules: StageTimescales,
    acknowledged_on: dt.date,
    extension_days: int = 0,
    *,
    requested_on: dt.date | None = None,
) -> dt.date:
    # 6.3 / 6.14: within 10 (stage 1) or 20 (stage 2) working days of acknowledgement, plus any
    # extensions agreed. The 2022 Code's stage 2 counts from the escalation request (5.13).
    start = requested_on if rules.respond_from == "requested" and requested_on else acknowledged_on
    return calendar.add_working_days(start, rules.respond_days + extension_days)


def internal_due(
    calendar: WorkingDayCalendar, start: dt.date | None, days: int | None
) -> dt.date | None:
    if start is None or days is None:
        return None
    return calendar.add_working_days(start, days)


def extension_needs_good_reason(
    rules: StageTimescales, already_extended_days: int, requested_days: int
) -> bool:
    """True when the extensions on a stage would total more than the Code allows without a good
    reason (6.4: 10 working days at stage 1; 6.15: 20 at stage 2)."""
    return already_extended_days + requested_days > rules.extension_limit_days


def working_days_left(calendar: WorkingDayCalendar, today: dt.date, due: dt.date) -> int:
    """Working days from today until `due`: 0 on the due day, negative once overdue."""
    return calendar.working_days_between(today, due)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier, clamped to the month's end (29 February
    less 12 months is 28 February)."""
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    return dt.date(year, month, min(day.day, monthrange(year, month)[1]))


def arose_over_12_months_before(
    issue_date: dt.date, received_on: dt.date, aware_on: dt.date | None = None
) -> bool:
    """2.3: a landlord may decline a complaint raised more than 12 months after the issue
    occurred or the resident became aware of it, whichever is later. An issue on the same date
    12 months earlier is within the window."""
    start = max(issue_date, aware_on) if aware_on is not None else issue_date
    return start < months_before(received_on, 12)
