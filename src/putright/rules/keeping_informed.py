"""5.9, 6.6 and 6.17: keeping the resident informed.

5.9: where a response will fall outside the Code's timescales, the landlord agrees with the
resident how often it will keep them informed. A stage whose response was extended, was given
late or is overdue needs such an agreement (`people.services.update_interval_agree`); the
measure counts those stages and finds the ones without one.

6.6 and 6.17: the response is given when the answer is known, and the outstanding actions are
tracked and done promptly. The measure counts the actions due in the period, met when done by
the date promised (one still open past its date is a breach, judged as of today).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, F, OuterRef, Q

from putright.complaints.models import OutstandingAction, Stage
from putright.people.models import UpdateAgreement
from putright.rules.figures import Figure

ACTION_PROVISIONS = {1: "6.6", 2: "6.17"}


def _outside_the_timescale(today: dt.date) -> Q:
    return (
        Q(extended_days__gt=0)
        | Q(responded_on__isnull=False, respond_by__isnull=False, responded_on__gt=F("respond_by"))
        | Q(responded_on__isnull=True, respond_by__isnull=False, respond_by__lt=today)
    )


def update_agreement_measure(
    *, period_start: dt.date, period_end: dt.date, today: dt.date, code_version: str | None
) -> Figure | None:
    """Stages started in the period whose response fell (or is falling) outside the timescale:
    met when an interval for updates was agreed for that stage. A refused or withdrawn stage
    without a response is not judged."""
    stages = Stage.objects.filter(requested_on__range=(period_start, period_end))
    if code_version:
        stages = stages.filter(complaint__code_version=code_version)
    stages = stages.filter(_outside_the_timescale(today)).exclude(
        responded_on__isnull=True, complaint__status__in=["refused", "withdrawn"]
    )
    agreed = Exists(
        UpdateAgreement.objects.filter(complaint=OuterRef("complaint"), stage=OuterRef("number"))
    )
    stages = stages.annotate(agreed=agreed)
    counts = stages.aggregate(total=Count("pk"), met=Count("pk", filter=Q(agreed=True)))
    if not counts["total"]:
        return None
    figure = Figure("5.9", "Responses outside the timescale with intervals for updates agreed")
    figure.total, figure.met = counts["total"], counts["met"]
    if figure.met < figure.total:
        figure.breaches = sorted(
            set(stages.filter(agreed=False).values_list("complaint__reference", flat=True))
        )
    return figure


def actions_measures(
    *, period_start: dt.date, period_end: dt.date, today: dt.date, code_version: str | None
) -> list[Figure]:
    """Outstanding actions due in the period, per stage: met when done by the date promised;
    one not done and not yet due is pending."""
    actions = OutstandingAction.objects.filter(due_on__range=(period_start, period_end))
    if code_version:
        actions = actions.filter(complaint__code_version=code_version)
    on_time = Q(completed_on__isnull=False, completed_on__lte=F("due_on"))
    late = Q(completed_on__gt=F("due_on")) | Q(completed_on__isnull=True, due_on__lt=today)
    pending = Q(completed_on__isnull=True, due_on__gte=today)
    rows = actions.values("stage").annotate(
        met=Count("pk", filter=on_time),
        late=Count("pk", filter=late),
        pending=Count("pk", filter=pending),
    )
    result = []
    for row in sorted(rows, key=lambda r: r["stage"]):
        ref = ACTION_PROVISIONS.get(row["stage"])
        if ref is None:
            continue
        figure = Figure(ref, f"Stage {row['stage']} outstanding actions done by the date promised")
        figure.met, figure.pending = row["met"], row["pending"]
        figure.total = row["met"] + row["late"]
        if row["late"]:
            figure.breaches = sorted(
                set(
                    actions.filter(late, stage=row["stage"]).values_list(
                        "complaint__reference", flat=True
                    )
                )
            )
        result.append(figure)
    return result
