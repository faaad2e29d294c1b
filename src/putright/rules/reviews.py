"""5.10 and 5.14: reasonable adjustments and restrictions on contact are kept under active
review. A review date must be set, after the day it is set on, and no further ahead than the
landlord's settings allow (a year for adjustments and six months for restrictions by default);
the measure finds any still in force past its review date.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q

from putright.errors import InvalidInput
from putright.people.models import (
    AdjustmentReview,
    ReasonableAdjustment,
    Restriction,
    RestrictionReview,
)
from putright.rules.figures import Figure


def check_review_on(field: str, review_on: dt.date, set_on: dt.date, *, kind: str) -> None:
    """`kind` is "adjustment" or "restriction"."""
    from putright.landlord.selectors import landlord_settings

    settings = landlord_settings()
    limit = (
        settings.adjustment_review_max_days
        if kind == "adjustment"
        else settings.restriction_review_max_days
    )
    provision = "5.10" if kind == "adjustment" else "5.14"
    if review_on > set_on + dt.timedelta(days=limit):
        raise InvalidInput(
            {
                field: f"Set the review within {limit} days of {set_on.isoformat()}: the "
                f"{kind} must be kept under active review ({provision})."
            }
        )


def _kinds(period_start: dt.date, period_end: dt.date, today: dt.date):
    return (
        (
            "5.10",
            ReasonableAdjustment.objects.filter(agreed_on__lte=period_end).filter(
                Q(ended_on__isnull=True) | Q(ended_on__gte=period_start)
            ),
            AdjustmentReview.objects.filter(adjustment=OuterRef("pk")),
            Q(ended_on__isnull=True),
            "Reasonable adjustments kept under review (none left past its review date)",
            "adjustment",
        ),
        (
            "5.14",
            Restriction.objects.filter(decided_on__lte=period_end)
            .filter(Q(lifted_on__isnull=True) | Q(lifted_on__gte=period_start))
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=period_start)),
            RestrictionReview.objects.filter(restriction=OuterRef("pk")),
            Q(lifted_on__isnull=True) & (Q(ends_on__isnull=True) | Q(ends_on__gte=today)),
            "Restrictions on contact kept under review (none left past its review date)",
            "restriction",
        ),
    )


def measures(*, period_start: dt.date, period_end: dt.date, today: dt.date) -> list[Figure]:
    """Judged as of today: one still in force past its review date is a breach; one in force,
    never reviewed and not yet due for review is pending; one lifted or ended without a review
    no longer restricts anyone, so is not a breach."""
    result = []
    for ref, records, reviews, in_force, measure, label in _kinds(period_start, period_end, today):
        overdue = in_force & Q(review_on__lt=today)
        pending = in_force & Q(review_on__gte=today) & Q(reviewed=False)
        records = records.annotate(reviewed=Exists(reviews))
        counts = records.aggregate(
            total=Count("pk", filter=~pending),
            overdue=Count("pk", filter=overdue),
            pending=Count("pk", filter=pending),
        )
        if not (counts["total"] or counts["pending"]):
            continue
        item = Figure(ref, measure)
        item.total = counts["total"]
        item.met = counts["total"] - counts["overdue"]
        item.pending = counts["pending"]
        if counts["overdue"]:
            # Record numbers, not names: the figures are published (8.2).
            item.breaches = [
                f"{label} {pk}"
                for pk in records.filter(overdue).order_by("pk").values_list("pk", flat=True)
            ]
        result.append(item)
    return result
