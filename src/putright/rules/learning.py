"""9.1: the landlord looks beyond the individual complaint for service improvements.

A complaint upheld or partly upheld shows something went wrong: the measure counts those
answered in the period and finds the ones with no lesson in the learning register
(`oversight.Lesson.complaints`). One answered in the last `GRACE_DAYS` days is pending: learning
takes a little time to record.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q

from putright.complaints.models import Decision, Stage
from putright.rules.figures import Figure

GRACE_DAYS = 30
MEASURE = "Upheld complaints with a lesson recorded in the learning register"


def measure(
    *, period_start: dt.date, period_end: dt.date, today: dt.date, code_version: str | None
) -> Figure | None:
    from putright.oversight.models import Lesson

    stages = Stage.objects.filter(
        responded_on__range=(period_start, period_end),
        decision__in=[Decision.UPHELD, Decision.PARTLY_UPHELD],
    )
    if code_version:
        stages = stages.filter(complaint__code_version=code_version)
    learned = Exists(Lesson.complaints.through.objects.filter(complaint=OuterRef("complaint")))
    stages = stages.annotate(learned=learned)
    recent = Q(learned=False, responded_on__gt=today - dt.timedelta(days=GRACE_DAYS))
    # A complaint upheld at both stages is counted once.
    counts = stages.aggregate(
        judged=Count("complaint", distinct=True, filter=~recent),
        met=Count("complaint", distinct=True, filter=Q(learned=True)),
        pending=Count("complaint", distinct=True, filter=recent),
    )
    if not (counts["judged"] or counts["pending"]):
        return None
    figure = Figure("9.1", MEASURE)
    figure.total, figure.met, figure.pending = counts["judged"], counts["met"], counts["pending"]
    if figure.met < figure.total:
        figure.breaches = sorted(
            set(
                stages.filter(learned=False)
                .exclude(recent)
                .values_list("complaint__reference", flat=True)
            )
        )
    return figure
