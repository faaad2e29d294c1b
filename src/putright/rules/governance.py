"""The governing body (9.3, 9.4, 9.5, 9.6, 9.7).

9.6: the MRC makes sure the governing body receives regular information on complaints. Putright
takes "regular" as at least once a quarter: each quarter of the period (counted from its first
day) is met when a meeting held in it received a complaints report; a quarter still running
without one is not yet judged.

9.4 and 9.5: a senior lead is accountable for complaint handling and a member of the governing
body is the Member Responsible for Complaints (MRC). Each is a user or a named person; an MRC who
is a Putright user has the governance role (a member of the governing body, not staff).

9.7 (c) and 9.3: each Ombudsman determination goes to the governing body at its first meeting
after the determination date. The measure counts determinations made in the period: met when
recorded as presented at a meeting held on or before that first meeting; not yet judged
(pending) while that meeting is still to come, or none is scheduled. The breaches are the
complaints the determinations were about, flagged with the Ombudsman's reference.
"""

from __future__ import annotations

import datetime as dt

from putright.accounts.models import Role
from putright.errors import InvalidInput
from putright.rules.figures import Figure

DETERMINATIONS = "9.7"
LEARNING = "9.3"
SENIOR_LEAD = "9.4"
MRC = "9.5"
INSIGHT = "9.6"


def check_accountability(
    *, mrc_user, mrc_name: str, senior_lead_user, senior_lead_name: str
) -> None:
    errors: dict[str, str] = {}
    if mrc_user is not None and mrc_name.strip():
        errors["mrc_name"] = "Choose a user or type a name for the MRC, not both."
    if mrc_user is not None and mrc_user.role != Role.GOVERNANCE:
        errors["mrc_user"] = (
            "The Member Responsible for Complaints is a member of the governing body (9.5): "
            "choose a user with the governance role, or type their name."
        )
    if senior_lead_user is not None and senior_lead_name.strip():
        errors["senior_lead_name"] = "Choose a user or type a name for the senior lead, not both."
    if errors:
        raise InvalidInput(errors)


def check_presentation(*, meeting, kind: str, ombudsman_case, today: dt.date) -> None:
    from putright.governance.models import ReportKind

    errors: dict[str, str] = {}
    if meeting.held_on > today:
        errors["meeting"] = "Record a report once the meeting has been held."
    if kind == ReportKind.DETERMINATION:
        if ombudsman_case is None:
            errors["ombudsman_case"] = "Say which Ombudsman case's determination was reported."
        elif ombudsman_case.determined_on is None:
            errors["ombudsman_case"] = "That Ombudsman case has no determination yet."
        elif ombudsman_case.determined_on > meeting.held_on:
            errors["ombudsman_case"] = "The determination was made after this meeting."
    elif ombudsman_case is not None:
        errors["ombudsman_case"] = "Only a determination names an Ombudsman case."
    if errors:
        raise InvalidInput(errors)


def next_meeting_after(day: dt.date, meetings: list) -> object | None:
    """The first meeting held after `day` (meetings sorted by date)."""
    return next((m for m in meetings if m.held_on > day), None)


def unreported_determinations(before: dt.date):
    """Ombudsman cases determined before `before` and not yet reported to any meeting."""
    from putright.oversight.models import OmbudsmanCase

    return (
        OmbudsmanCase.objects.filter(determined_on__lt=before)
        .exclude(presentations__isnull=False)
        .select_related("complaint")
        .order_by("determined_on", "pk")
    )


def determinations_measure(
    *, period_start: dt.date, period_end: dt.date, today: dt.date
) -> Figure | None:
    from putright.governance.models import Meeting, ReportKind, ReportPresented
    from putright.oversight.models import OmbudsmanCase

    cases = list(
        OmbudsmanCase.objects.filter(determined_on__range=(period_start, period_end))
        .select_related("complaint")
        .order_by("determined_on", "pk")
    )
    if not cases:
        return None
    meetings = list(Meeting.objects.order_by("held_on", "pk"))
    reported: dict[int, dt.date] = {}
    for case_id, held_on in ReportPresented.objects.filter(
        kind=ReportKind.DETERMINATION, ombudsman_case__in=cases
    ).values_list("ombudsman_case_id", "meeting__held_on"):
        reported[case_id] = min(held_on, reported.get(case_id, held_on))
    figure = Figure(
        DETERMINATIONS,
        "Ombudsman determinations reported to the governing body by its first meeting after them",
    )
    for case in cases:
        first = next_meeting_after(case.determined_on, meetings)
        when = reported.get(case.pk)
        if when is not None and (first is None or when <= first.held_on):
            figure.add(True, case.complaint.reference)
        elif first is None or first.held_on > today:
            figure.pending += 1
        else:
            figure.add(
                False,
                case.complaint.reference,
                f"{case} determined {case.determined_on.isoformat()}, not reported by the "
                f"{first.body} meeting on {first.held_on.isoformat()}",
            )
    figure.breaches.sort()
    return figure


def learning_measure(*, period_start: dt.date, period_end: dt.date) -> Figure | None:
    """9.3: meetings of the governing body held in the period that received a complaints report
    (a pack, the annual report, a self-assessment, a determination or another report)."""
    from putright.governance.models import Meeting

    meetings = list(
        Meeting.objects.filter(held_on__range=(period_start, period_end))
        .prefetch_related("reports")
        .order_by("held_on", "pk")
    )
    if not meetings:
        return None
    figure = Figure(
        LEARNING, "Governing body meetings in the period that received a complaints report"
    )
    for meeting in meetings:
        figure.add(bool(meeting.reports.all()), str(meeting), "no report recorded")
    return figure


def accountability_measures() -> list[Figure]:
    """9.4 and 9.5 as register entries: named or not."""
    from putright.governance.selectors import accountability

    record = accountability()
    result = []
    for ref, measure, name in (
        (SENIOR_LEAD, "Senior lead for complaints named", record.senior_lead_label),
        (MRC, "Member Responsible for Complaints named", record.mrc_label),
    ):
        figure = Figure(ref, measure)
        figure.add(bool(name), "nobody named in the governance settings")
        result.append(figure)
    return result


def quarters(period_start: dt.date, period_end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The period in quarters from its first day (the last may be short)."""
    result = []
    start = period_start
    while start <= period_end:
        month = start.month - 1 + 3
        following = dt.date(start.year + month // 12, month % 12 + 1, 1)
        if start.day != 1:  # a period that does not start on the 1st keeps its day of the month
            following = following.replace(day=min(start.day, 28))
        end = min(following - dt.timedelta(days=1), period_end)
        result.append((start, end))
        start = end + dt.timedelta(days=1)
    return result


def insight_measure(*, period_start: dt.date, period_end: dt.date, today: dt.date) -> Figure:
    """9.6: quarters of the period in which the governing body received a complaints report."""
    from putright.governance.models import ReportPresented

    reported = set(
        ReportPresented.objects.filter(
            meeting__held_on__range=(period_start, period_end)
        ).values_list("meeting__held_on", flat=True)
    )
    figure = Figure(INSIGHT, "Quarters in which the governing body received a complaints report")
    for first, last in quarters(period_start, period_end):
        received = any(first <= day <= last for day in reported)
        if received or last < today:
            figure.add(
                received,
                f"quarter {first.isoformat()} to {last.isoformat()}",
                "" if received else "no complaints report to the governing body",
            )
        elif first <= today:
            figure.pending += 1  # the quarter is still running
    return figure
