"""Where each complaint on a page stands against its deadlines, with the landlord's calendar read
once per page rather than once per row."""

from __future__ import annotations

import datetime as dt
import inspect

from putright import dates
from putright.complaints.selectors import StageDeadline, stage_deadline
from putright.complaints.workflow import OPEN_STATUSES
from putright.landlord.selectors import working_day_calendar

_TAKES_CALENDAR = "calendar" in inspect.signature(stage_deadline).parameters


def deadline_for(stage, status: str, *, today: dt.date, calendar) -> StageDeadline:
    if _TAKES_CALENDAR:
        return stage_deadline(stage, status, today, calendar=calendar)
    # The same arithmetic as stage_deadline, with the page's calendar.
    if stage is None or status not in OPEN_STATUSES or stage.responded_on is not None:
        return StageDeadline(None, None, None, False, False, "")
    if stage.acknowledged_on is None:
        step, due, internal = "acknowledge", stage.acknowledge_by, stage.internal_acknowledge_by
    else:
        step, due, internal = "respond", stage.respond_by, stage.internal_respond_by
    left = None
    if due:
        left = (
            -calendar.working_days_between(due, today)
            if today > due
            else calendar.working_days_between(today, due)
        )
    return StageDeadline(
        due=due,
        internal_due=internal,
        working_days_left=left,
        overdue=bool(due and today > due),
        internal_overdue=bool(internal and today > internal),
        step=step,
    )


def with_deadlines(complaints, *, today: dt.date | None = None, calendar=None) -> list:
    """The complaints as a list, each with `.deadline` for its current stage."""
    today = today or dates.today()
    rows = list(complaints)
    if rows and calendar is None:
        calendar = working_day_calendar()
    for complaint in rows:
        stage = complaint.current_stage
        complaint.deadline = (
            deadline_for(stage, complaint.status, today=today, calendar=calendar)
            if stage is not None
            else StageDeadline(None, None, None, False, False, "")
        )
    return rows
