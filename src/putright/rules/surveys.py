"""1.3, 1.6 and TSM TP09: satisfaction with the approach to complaints handling, and what
happens to a dissatisfied survey comment.

1.6: survey dissatisfaction is not itself a complaint, but the resident must be told how to
complain (1.3: offered the choice). Every dissatisfied comment (fairly or very dissatisfied, with
a comment) is followed up with that offer, recorded with what the resident chose. The measure
counts dissatisfied comments received in the period: met when an offer is recorded; one with no
offer is pending for FOLLOW_UP_WORKING_DAYS after the response, then a breach.

TP09 (the Regulator's TSM perception measure): of respondents who report making a complaint in
the last 12 months and answered the question, the proportion very or fairly satisfied with the
landlord's approach to complaints handling; reported for LCRA and LCHO separately, by the date
of the response.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from putright.rules.figures import Figure

SATISFIED = ("very_satisfied", "fairly_satisfied")
DISSATISFIED = ("fairly_dissatisfied", "very_dissatisfied")
FOLLOW_UP_WORKING_DAYS = 10
TENURES = ("lcra", "lcho")


def is_dissatisfied_comment(satisfaction: str, comment: str) -> bool:
    """The one test of what enters the follow-up queue."""
    return satisfaction in DISSATISFIED and bool((comment or "").strip())


def dissatisfied_comments():
    from putright.surveys.models import SurveyFollowUp, SurveyResponse

    return (
        SurveyResponse.objects.filter(satisfaction__in=DISSATISFIED)
        .exclude(comment="")
        .annotate(followed_up=Exists(SurveyFollowUp.objects.filter(survey=OuterRef("pk"))))
    )


def follow_up_due(responded_on: dt.date, calendar=None) -> dt.date:
    from putright.landlord.selectors import working_day_calendar

    calendar = calendar or working_day_calendar()
    return calendar.add_working_days(responded_on, FOLLOW_UP_WORKING_DAYS)


def follow_up_measures(
    *, period_start: dt.date, period_end: dt.date, today: dt.date, refs=("1.3", "1.6")
) -> list[Figure]:
    """One figure per provision, from the one count: dissatisfied comments in the period whose
    resident was offered the complaints process."""
    rows = list(
        dissatisfied_comments()
        .filter(responded_on__range=(period_start, period_end))
        .order_by("responded_on", "pk")
        .values_list("pk", "provider_response_id", "responded_on", "followed_up")
    )
    waiting = [row for row in rows if not row[3]]
    due = {}
    if waiting:  # one read of the closure days, and only when something waits
        from putright.landlord.selectors import working_day_calendar

        calendar = working_day_calendar()
        due = {row[0]: follow_up_due(row[2], calendar) for row in waiting}
    figures = []
    for ref in refs:
        figure = Figure(
            ref,
            "Dissatisfied survey comments followed up with the offer of the complaints process",
        )
        for pk, provider_id, _responded_on, followed_up in rows:
            if not followed_up and due[pk] >= today:
                figure.pending += 1
                continue
            figure.add(followed_up, f"Survey response {provider_id or pk}")
        if figure.total or figure.pending:
            figures.append(figure)
    return figures


@dataclass
class Proportion:
    """A TSM perception measure: numerator of denominator, as a percentage to 1 dp."""

    ref: str
    tenure: str
    numerator: int = 0
    denominator: int = 0

    @property
    def percent(self) -> float | None:
        return round(100 * self.numerator / self.denominator, 1) if self.denominator else None

    def as_dict(self) -> dict:
        return {
            "ref": self.ref,
            "tenure": self.tenure,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "percent": self.percent,
        }


def tp09(*, period_start: dt.date, period_end: dt.date) -> dict[str, Proportion]:
    """TP09 per tenure over the period (both dates inclusive), in one query."""
    from putright.surveys.models import SurveyResponse

    base = Q(complained_last_12_months=True) & ~Q(satisfaction="")
    rows = (
        SurveyResponse.objects.filter(responded_on__range=(period_start, period_end))
        .filter(base)
        .values("tenure")
        .annotate(
            denominator=Count("pk"), numerator=Count("pk", filter=Q(satisfaction__in=SATISFIED))
        )
        .order_by()
    )
    result = {tenure: Proportion("TP09", tenure) for tenure in TENURES}
    for row in rows:
        if row["tenure"] in result:
            result[row["tenure"]].numerator = row["numerator"]
            result[row["tenure"]].denominator = row["denominator"]
    return result
