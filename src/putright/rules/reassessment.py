"""8.3: a self-assessment after a significant restructure, merger or change in procedures.

An organisational change recorded after the latest self-assessment was completed makes a new
self-assessment due, until one is started on or after the day of the change (a self-assessment
started the same day counts; one completed the same day does not make the change "after" it).
The measure counts the changes in the period: met when a self-assessment was started on or after
the change. Only self-assessments against the Code in force count: last year's form on an older
Code, imported today, is a record of the past and not a new self-assessment.
"""

from __future__ import annotations

import datetime as dt

from putright import dates
from putright.rules.figures import Figure

PROVISION = "8.3"


def _started_on(self_assessment) -> dt.date:
    return dates.london_date(self_assessment.created_at)


def _against_code_in_force(day: dt.date):
    from putright.selfassessment.models import SelfAssessment
    from putright.timescales.code import code_version_on

    return SelfAssessment.objects.filter(code_version__key=code_version_on(day))


def due() -> object | None:
    """The organisational change a new self-assessment is due after, or None: the latest change
    after the latest completed self-assessment's completion with no self-assessment started on
    or after it."""
    from putright.governance.models import OrganisationalChange

    self_assessments = _against_code_in_force(dates.today())
    changes = OrganisationalChange.objects.order_by("-changed_on", "-pk")
    completed = (
        self_assessments.filter(completed_on__isnull=False).order_by("-completed_on").first()
    )
    if completed is not None:
        changes = changes.filter(changed_on__gt=completed.completed_on)
    change = changes.first()
    if change is None:
        return None
    latest = self_assessments.order_by("-created_at").first()
    if latest is not None and _started_on(latest) >= change.changed_on:
        return None
    return change


def measure(*, period_start: dt.date, period_end: dt.date) -> Figure | None:
    from putright.governance.models import OrganisationalChange

    changes = list(
        OrganisationalChange.objects.filter(changed_on__range=(period_start, period_end)).order_by(
            "changed_on", "pk"
        )
    )
    if not changes:
        return None
    latest = _against_code_in_force(period_end).order_by("-created_at").first()
    latest_started = _started_on(latest) if latest else None
    figure = Figure(PROVISION, "Organisational changes followed by a new self-assessment")
    for change in changes:
        ok = latest_started is not None and latest_started >= change.changed_on
        figure.add(ok, str(change), "" if ok else "no self-assessment started since")
    return figure
