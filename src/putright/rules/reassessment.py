"""8.3: a self-assessment after a significant restructure, merger or change in procedures; 8.4:
a review of the self-assessment when the Ombudsman asks for one after an investigation.

An organisational change recorded after the latest self-assessment was completed makes a new
self-assessment due, until one is started on or after the day of the change (a self-assessment
started the same day counts; one completed the same day does not make the change "after" it).
The measure counts the changes in the period: met when a self-assessment was started on or after
the change. Only self-assessments against the Code in force count: an old form imported for the
record does not answer a change made under the 2024 Code.

8.4 is judged the same way from the Ombudsman's side: a determination that asks the landlord to
review its self-assessment is met when a self-assessment was started on or after the day of the
determination, and prompts one until then.
"""

from __future__ import annotations

import datetime as dt

from putright import dates
from putright.rules.figures import Figure

PROVISION = "8.3"
REVIEW = "8.4"


def _started_on(self_assessment) -> dt.date:
    return dates.london_date(self_assessment.created_at)


def _assessments():
    """Self-assessments against the Code in force today: last year's form on an older Code,
    imported today, is a record of the past and not a new self-assessment."""
    from putright.selfassessment.models import SelfAssessment
    from putright.timescales.code import code_version_on

    return SelfAssessment.objects.filter(code_version__key=code_version_on(dates.today()))


def _latest_started() -> dt.date | None:
    latest = _assessments().order_by("-created_at").first()
    return _started_on(latest) if latest is not None else None


def due() -> object | None:
    """The organisational change a new self-assessment is due after, or None: the latest change
    after the latest completed self-assessment's completion with no self-assessment started on
    or after it."""
    from putright.governance.models import OrganisationalChange

    changes = OrganisationalChange.objects.order_by("-changed_on", "-pk")
    completed = _assessments().filter(completed_on__isnull=False).order_by("-completed_on").first()
    if completed is not None:
        changes = changes.filter(changed_on__gt=completed.completed_on)
    change = changes.first()
    if change is None:
        return None
    started = _latest_started()
    if started is not None and started >= change.changed_on:
        return None
    return change


def _review_requests():
    from putright.oversight.models import OmbudsmanCase

    return OmbudsmanCase.objects.filter(
        self_assessment_review=True, determined_on__isnull=False
    ).select_related("complaint")


def review_due() -> object | None:
    """8.4: the latest Ombudsman case whose determination asked for the self-assessment to be
    reviewed, when no self-assessment has been started since, or None."""
    case = _review_requests().order_by("-determined_on", "-pk").first()
    if case is None:
        return None
    started = _latest_started()
    return None if started is not None and started >= case.determined_on else case


def _followed(figure: Figure, prompts: list[tuple[str, dt.date]]) -> Figure | None:
    """Each prompt (a label and its day) met when a self-assessment was started on or after it."""
    if not prompts:
        return None
    started = _latest_started()
    for label, day in prompts:
        ok = started is not None and started >= day
        figure.add(ok, label, "" if ok else "no self-assessment started since")
    return figure


def measure(*, period_start: dt.date, period_end: dt.date) -> Figure | None:
    from putright.governance.models import OrganisationalChange

    changes = OrganisationalChange.objects.filter(
        changed_on__range=(period_start, period_end)
    ).order_by("changed_on", "pk")
    return _followed(
        Figure(PROVISION, "Organisational changes followed by a new self-assessment"),
        [(str(change), change.changed_on) for change in changes],
    )


def review_measure(*, period_start: dt.date, period_end: dt.date) -> Figure | None:
    """8.4: the Ombudsman's requests in the period to review the self-assessment, each met when a
    self-assessment was started on or after the determination. The breaches are the complaints
    the Ombudsman investigated."""
    cases = (
        _review_requests()
        .filter(determined_on__range=(period_start, period_end))
        .order_by("determined_on", "pk")
    )
    return _followed(
        Figure(REVIEW, "Ombudsman requests to review the self-assessment acted on"),
        [(case.complaint.reference, case.determined_on) for case in cases],
    )
