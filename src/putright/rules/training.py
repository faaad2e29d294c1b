"""3.2, 4.3 and 9.8: staff are trained in handling complaints, and everyone knows the process.

4.3 asks that the staff who handle complaints are trained to do it; 3.2 that all staff are
aware of the complaints process; 9.8 that the landlord keeps what staff learn up to date. The
register (putright.training) holds each completion with its expiry, worked out here from the
course's validity. The measures are taken on the period's last day (today, for a period not
yet over):

- 4.3: the relevant staff (active users with a case-handling role: handler, officer, manager,
  who had joined by then) with in-date complaint-handling training, of all relevant staff;
- 3.2: all staff (every active user but the governing body's) with in-date awareness or
  complaint-handling training.

A breach names the staff member by record number ("staff member 12"), never by name: the
figures are published (8.2). The training register page names them for the officer.
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from putright.accounts.models import Role, User
from putright.errors import InvalidInput
from putright.rules.figures import Figure

RELEVANT_ROLES = [Role.HANDLER, Role.OFFICER, Role.MANAGER]
STAFF_ROLES = [Role.HANDLER, Role.OFFICER, Role.MANAGER, Role.ADMIN]
MAX_VALIDITY_MONTHS = 120


def reminder_days() -> int:
    """How many days before a record expires the officer and the person are reminded."""
    return int(getattr(settings, "PUTRIGHT_TRAINING_REMINDER_DAYS", 30))


def add_months(day: dt.date, months: int) -> dt.date:
    """`months` after `day`; the 31st of a shorter month falls on its last day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def expires_on(completed_on: dt.date, validity_months: int | None) -> dt.date | None:
    """The last day the training is in date; None for a course that does not expire."""
    if not validity_months:
        return None
    return add_months(completed_on, validity_months) - dt.timedelta(days=1)


def check_validity(validity_months) -> None:
    if validity_months is not None and not (1 <= validity_months <= MAX_VALIDITY_MONTHS):
        message = (
            f"Enter a number of months from 1 to {MAX_VALIDITY_MONTHS}, or leave it blank if "
            "it does not expire."
        )
        raise InvalidInput({"validity_months": [message]})


def check_completed_on(completed_on: dt.date, today: dt.date) -> None:
    if completed_on > today:
        raise InvalidInput({"completed_on": ["The training cannot be completed in the future."]})


def in_date_on(day: dt.date) -> Q:
    """TrainingRecord rows in date on `day`."""
    return Q(completed_on__lte=day) & (Q(expires_on__isnull=True) | Q(expires_on__gte=day))


def staff_on(day: dt.date, roles) -> object:
    joined_by = dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC)
    return User.objects.filter(is_active=True, role__in=roles, date_joined__lt=joined_by)


def trained(day: dt.date, courses: Q, roles):
    """Staff with the roles, each annotated `trained` (an in-date record of such a course)."""
    from putright.training.models import TrainingRecord

    records = TrainingRecord.objects.filter(in_date_on(day), courses, staff=OuterRef("pk"))
    return staff_on(day, roles).annotate(trained=Exists(records)).order_by("username")


HANDLING = "Staff who handle complaints with in-date complaint-handling training"
AWARENESS = "Staff with in-date training in the complaints process"
HANDLING_COURSES = Q(course__complaint_handling=True)
AWARENESS_COURSES = Q(course__awareness=True) | Q(course__complaint_handling=True)


def staff_label(pk: int) -> str:
    return f"staff member {pk}"


def _figures(day: dt.date) -> dict[str, Figure]:
    """Both figures from one query: every member of staff with both flags."""
    from putright.training.models import TrainingRecord

    def trained_in(courses: Q):
        return Exists(TrainingRecord.objects.filter(in_date_on(day), courses, staff=OuterRef("pk")))

    rows = (
        staff_on(day, STAFF_ROLES)
        .annotate(handling=trained_in(HANDLING_COURSES), aware=trained_in(AWARENESS_COURSES))
        .order_by("pk")
        .values_list("pk", "role", "handling", "aware")
    )
    figures = {"3.2": Figure("3.2", AWARENESS), "4.3": Figure("4.3", HANDLING)}
    for pk, role, handling, aware in rows:
        figures["3.2"].add(bool(aware), staff_label(pk))
        if role in RELEVANT_ROLES:
            figures["4.3"].add(bool(handling), staff_label(pk))
    return figures


def complaint_handling_measure(*, period_end: dt.date) -> Figure | None:
    """4.3 on `period_end`."""
    figure = _figures(period_end)["4.3"]
    return figure if figure.total else None


def awareness_measure(*, period_end: dt.date) -> Figure | None:
    """3.2 on `period_end`."""
    figure = _figures(period_end)["3.2"]
    return figure if figure.total else None


def measures(*, period_end: dt.date, today: dt.date) -> list[Figure]:
    """Both, on the period's last day, or today for a period not yet over."""
    figures = _figures(min(period_end, today))
    return [figures[ref] for ref in ("3.2", "4.3") if figures[ref].total]
