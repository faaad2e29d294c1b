"""Reads of the training register: the records with their expiry flags, the latest per person
and course, and the relevant staff's standing for 4.3."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Q

from putright.rules import training as rule
from putright.training.models import Course, TrainingRecord


def _superseded():
    """A later record of the same course for the same person: this one no longer counts."""
    later = TrainingRecord.objects.filter(
        course=OuterRef("course"), completed_on__gt=OuterRef("completed_on")
    )
    return Exists(
        later.filter(
            Q(staff__isnull=False, staff=OuterRef("staff"))
            | Q(
                contractor__isnull=False,
                contractor=OuterRef("contractor"),
                person_name=OuterRef("person_name"),
            )
        )
    )


def register(*, today: dt.date, current_only: bool = True):
    """The records, each with `status`: "expired", "expiring" (within the reminder days) or
    "in_date"; by default the latest per person and course only."""
    rows = TrainingRecord.objects.select_related("course", "staff", "contractor").annotate(
        superseded=_superseded()
    )
    if current_only:
        rows = rows.filter(superseded=False)
    result = list(rows.order_by("expires_on", "course__name", "pk"))
    soon = today + dt.timedelta(days=rule.reminder_days())
    for row in result:
        if row.expires_on is not None and row.expires_on < today:
            row.status = "expired"
        elif row.expires_on is not None and row.expires_on <= soon:
            row.status = "expiring"
        else:
            row.status = "in_date"
    return result


def expiring_between(start: dt.date, end: dt.date):
    """Current records (not superseded) that expire from `start` to `end`: for reminders."""
    return (
        TrainingRecord.objects.select_related("course", "staff", "contractor")
        .annotate(superseded=_superseded())
        .filter(superseded=False, expires_on__range=(start, end))
        .order_by("expires_on", "pk")
    )


def relevant_staff(*, day: dt.date):
    """4.3: each relevant member of staff and whether they are trained on `day`."""
    return list(rule.trained(day, rule.HANDLING_COURSES, rule.RELEVANT_ROLES))


def courses():
    return Course.objects.order_by("name")
