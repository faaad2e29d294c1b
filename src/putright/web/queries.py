"""Reads for the workspace pages, built on the complaint selectors."""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, When

from putright.complaints import selectors
from putright.complaints.models import Stage
from putright.complaints.workflow import Status
from putright.landlord.selectors import working_day_calendar
from putright.web.deadlines import with_deadlines

HOME_ROWS = 50
ACTIVE = [Status.AWAITING_ACKNOWLEDGEMENT, Status.INVESTIGATING]


def _current_stage():
    return Stage.objects.filter(complaint=OuterRef("pk"), number=OuterRef("stage"))


def with_next_due(queryset):
    """Annotate the statutory date the current stage's next step is due, for sorting."""
    due = _current_stage().annotate(
        next_due=Case(
            When(acknowledged_on__isnull=True, then=F("acknowledge_by")),
            When(responded_on__isnull=True, then=F("respond_by")),
            default=None,
        )
    )
    return queryset.annotate(next_due=Subquery(due.values("next_due")[:1]))


def complaint_search(*, status="", stage="", overdue="", handler="", q="", sort="due", today):
    open_only = status == "open"
    queryset = selectors.complaint_list(
        status=None if open_only else (status or None),
        stage=int(stage) if stage else None,
        overdue={"true": True, "false": False}.get(overdue),
        handler=handler or None,
        search=q or None,
        today=today,
    )
    if open_only:
        queryset = queryset.exclude(status__in=[Status.CLOSED, Status.REFUSED, Status.WITHDRAWN])
    queryset = with_next_due(queryset)
    ordering = {
        "due": [F("next_due").asc(nulls_last=True), "-received_on", "-pk"],
        "-received": ["-received_on", "-pk"],
        "received": ["received_on", "pk"],
        "reference": ["reference"],
    }.get(sort or "due")
    return queryset.order_by(*ordering)


def home_groups(*, user, mine: bool, today: dt.date) -> dict:
    """The open work, grouped by what needs doing. `mine`: only the user's cases."""
    handler = user.username if mine else None
    calendar = working_day_calendar()

    def rows(queryset):
        return with_deadlines(queryset[:HOME_ROWS], today=today, calendar=calendar)

    due_soon = selectors.complaints_due_within(
        working_days=2, handler=user if mine else None, today=today
    )
    due_soon = rows(with_next_due(due_soon).order_by("next_due", "pk"))
    awaiting = selectors.complaint_list(status=Status.AWAITING_ACKNOWLEDGEMENT, handler=handler)
    overdue = selectors.complaint_list(overdue=True, handler=handler, today=today)
    current = _current_stage()
    internal_late = current.filter(
        Q(acknowledged_on__isnull=True, internal_acknowledge_by__lt=today)
        | Q(
            acknowledged_on__isnull=False,
            responded_on__isnull=True,
            internal_respond_by__lt=today,
        )
    )
    internal_overdue = (
        selectors.complaint_list(overdue=False, handler=handler, today=today)
        .filter(status__in=ACTIVE)
        .filter(Exists(internal_late))
    )
    remedies = selectors.remedies_overdue(today=today).order_by("due_on", "pk")
    actions = selectors.actions_overdue(today=today).order_by("due_on", "pk")
    if mine:
        mine_q = Exists(
            Stage.objects.filter(
                complaint=OuterRef("complaint"),
                number=OuterRef("complaint__stage"),
                handler=user,
            )
        )
        remedies, actions = remedies.filter(mine_q), actions.filter(mine_q)
    return {
        "awaiting": rows(with_next_due(awaiting).order_by("next_due", "pk")),
        "due_today": [c for c in due_soon if c.deadline.due and c.deadline.due <= today],
        "due_soon": [c for c in due_soon if c.deadline.due and c.deadline.due > today],
        "overdue": rows(with_next_due(overdue).order_by("next_due", "pk")),
        "internal_overdue": rows(with_next_due(internal_overdue).order_by("next_due", "pk")),
        "remedies": list(remedies[:HOME_ROWS]),
        "actions": list(actions[:HOME_ROWS]),
    }
