"""Reads for the workspace pages, built on the complaint selectors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, When

from putright.accounts.models import Role, User
from putright.complaints import selectors
from putright.complaints.models import Stage
from putright.complaints.workflow import Status
from putright.landlord.selectors import working_day_calendar
from putright.web.deadlines import with_deadlines
from putright.web.models import SavedView

HOME_ROWS = 50
LATE_ROWS = 20
ACTIVE = [Status.AWAITING_ACKNOWLEDGEMENT, Status.INVESTIGATING]
# Who can hold a case (web.forms.handler_choices offers the same).
ASSIGNABLE_ROLES = [Role.HANDLER, Role.OFFICER, Role.MANAGER]


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


def end_of_week(today: dt.date) -> dt.date:
    """The Sunday of today's week: "due this week" is due from today to then."""
    return today + dt.timedelta(days=6 - today.weekday())


def _current_handler_q(handler) -> Q:
    """The current stage is held by `handler` (a User), or by nobody when it is None."""
    current = _current_stage()
    if handler is None:
        return Q(Exists(current.filter(handler__isnull=True)))
    return Q(Exists(current.filter(handler=handler)))


def complaint_search(
    *,
    user=None,
    status="open",
    stage="",
    overdue="",
    handler="",
    category="",
    q="",
    sort="due",
    today,
):
    """The complaints list. `status`: "open" (the default), "any" or one status. `handler`: a
    username, "me" (`user`) or "none" (unassigned). `overdue`: "true", "false" or "week" (the
    next statutory step falls due between today and Sunday)."""
    open_only = status in ("open", "")
    queryset = selectors.complaint_list(
        status=None if open_only or status == "any" else status,
        stage=int(stage) if stage else None,
        overdue={"true": True, "false": False}.get(overdue),
        handler=handler if handler not in ("", "me", "none") else None,
        search=q or None,
        today=today,
    )
    if open_only:
        queryset = queryset.exclude(status__in=[Status.CLOSED, Status.REFUSED, Status.WITHDRAWN])
    if handler == "me" and user is not None:
        queryset = queryset.filter(_current_handler_q(user))
    elif handler == "none":
        queryset = queryset.filter(_current_handler_q(None))
    if category:
        queryset = queryset.filter(category=category)
    queryset = with_next_due(queryset)
    if overdue == "week":
        queryset = queryset.filter(
            status__in=ACTIVE, next_due__gte=today, next_due__lte=end_of_week(today)
        )
    ordering = {
        "due": [F("next_due").asc(nulls_last=True), "-received_on", "-pk"],
        "-received": ["-received_on", "-pk"],
        "received": ["received_on", "pk"],
        "reference": ["reference"],
    }.get(sort or "due")
    return queryset.order_by(*ordering)


@dataclass
class LatePage:
    """One page of the late remedies and of the late actions, side by side (LATE_ROWS of
    each): a list that has run out is simply empty on the later pages."""

    remedies: list
    actions: list
    number: int
    count: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def _late_page(remedies, actions, number) -> LatePage:
    try:
        number = max(1, min(int(number or 1), 10_000))
    except (TypeError, ValueError):
        number = 1
    start, end = (number - 1) * LATE_ROWS, number * LATE_ROWS
    # One row more than the page, to know whether there is a next page without counting twice.
    remedy_rows, action_rows = list(remedies[start : end + 1]), list(actions[start : end + 1])
    return LatePage(
        remedies=remedy_rows[:LATE_ROWS],
        actions=action_rows[:LATE_ROWS],
        number=number,
        count=remedies.count() + actions.count(),
        has_next=len(remedy_rows) > LATE_ROWS or len(action_rows) > LATE_ROWS,
    )


def _once_each(sections: dict[str, list]) -> dict[str, list]:
    """Each case under its most urgent heading only (the order of `sections`), so that a case
    due soon and still unacknowledged is listed once, not three times."""
    seen: set[int] = set()
    result = {}
    for name, rows in sections.items():
        result[name] = [c for c in rows if c.pk not in seen]
        seen.update(c.pk for c in rows)
    return result


def home_groups(*, user, mine: bool, today: dt.date, late_page=1) -> dict:
    """The open work: first the open cases by due date (the user's own, or everyone's), then
    the urgent ones grouped by what needs doing, each case once. `mine`: only the user's
    cases. The late remedies and actions come a page (LATE_ROWS) at a time."""
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
    open_cases = selectors.complaint_list(handler=handler).filter(status__in=ACTIVE)
    open_cases = with_next_due(open_cases).order_by(
        F("next_due").asc(nulls_last=True), "received_on", "pk"
    )
    urgent = _once_each(
        {
            "overdue": rows(with_next_due(overdue).order_by("next_due", "pk")),
            "due_today": [c for c in due_soon if c.deadline.due and c.deadline.due <= today],
            "due_soon": [c for c in due_soon if c.deadline.due and c.deadline.due > today],
            "awaiting": rows(with_next_due(awaiting).order_by("next_due", "pk")),
            "internal_overdue": rows(with_next_due(internal_overdue).order_by("next_due", "pk")),
        }
    )
    return {
        "open": rows(open_cases),
        "open_count": open_cases.count(),
        **urgent,
        "late": _late_page(remedies, actions, late_page),
    }


@dataclass
class Workload:
    handler: object  # a User, or None for the unassigned cases
    stage_1: int = 0
    stage_2: int = 0
    overdue: int = 0
    due_this_week: int = 0

    @property
    def open(self) -> int:
        return self.stage_1 + self.stage_2


def handler_workload(*, today: dt.date) -> list[Workload]:
    """Open cases per handler (by stage, overdue, next step due this week), every handler who
    can be assigned listed even with none, the unassigned cases last. Two queries: one grouped
    count over the current stages, one for the handlers."""
    week_end = end_of_week(today)
    unacknowledged = Q(acknowledged_on__isnull=True)
    awaiting_response = Q(acknowledged_on__isnull=False, responded_on__isnull=True)
    counts = (
        Stage.objects.filter(number=F("complaint__stage"), complaint__status__in=ACTIVE)
        .values("handler_id")
        .annotate(
            stage_1=Count("pk", filter=Q(number=1)),
            stage_2=Count("pk", filter=Q(number=2)),
            overdue=Count(
                "pk",
                filter=(unacknowledged & Q(acknowledge_by__lt=today))
                | (awaiting_response & Q(respond_by__lt=today)),
            ),
            due_this_week=Count(
                "pk",
                filter=(unacknowledged & Q(acknowledge_by__range=(today, week_end)))
                | (awaiting_response & Q(respond_by__range=(today, week_end))),
            ),
        )
        .order_by()
    )
    by_handler = {row.pop("handler_id"): row for row in counts}
    handlers = User.objects.filter(
        Q(is_active=True, role__in=ASSIGNABLE_ROLES) | Q(pk__in=[k for k in by_handler if k])
    ).order_by("first_name", "last_name", "username")
    result = [Workload(handler=u, **by_handler.get(u.pk, {})) for u in handlers]
    result.append(Workload(handler=None, **by_handler.get(None, {})))
    return result


def saved_views(*, user) -> list:
    return list(SavedView.objects.filter(user=user).order_by("name", "pk"))
