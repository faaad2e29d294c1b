"""Reads of self-assessments, with answers and actions fetched up front."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from putright.selfassessment.models import Answer, ImprovementAction, SelfAssessment, Status


def selfassessment_list(*, status: str | None = None) -> QuerySet[SelfAssessment]:
    queryset = SelfAssessment.objects.select_related("code_version", "completed_by", "reviewed_by")
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def selfassessment_published() -> QuerySet[SelfAssessment]:
    """What the public sees (8.2): published self-assessments, newest period first."""
    return (
        SelfAssessment.objects.filter(status=Status.PUBLISHED)
        .select_related("code_version")
        .order_by("-period_end", "-pk")
    )


def selfassessment_for_annual_report(*, start, end) -> SelfAssessment | None:
    """The self-assessment an annual report carries (8.1 a): the latest one ending in the
    reporting year that the governing body has approved (8.2). A draft never stands in."""
    return (
        SelfAssessment.objects.filter(
            period_end__range=(start, end),
            status__in=(Status.APPROVED, Status.PUBLISHED),
            governing_body_approved_on__isnull=False,
        )
        .select_related("code_version")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.order_by("position", "pk")))
        .order_by("-period_end", "-pk")
        .first()
    )


def selfassessment_detail(pk: int) -> SelfAssessment:
    return (
        SelfAssessment.objects.select_related(
            "code_version", "completed_by", "reviewed_by", "approval_recorded_by", "previous"
        )
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=Answer.objects.order_by("position")
                .select_related("provision__section")
                .prefetch_related(
                    Prefetch("actions", queryset=ImprovementAction.objects.select_related("owner"))
                ),
            )
        )
        .get(pk=pk)
    )


def previous_selfassessment(self_assessment: SelfAssessment) -> SelfAssessment | None:
    """The one before: the one it was started from, or else the latest that ended earlier."""
    if self_assessment.previous_id:
        return self_assessment.previous
    return (
        SelfAssessment.objects.filter(period_end__lt=self_assessment.period_start)
        .order_by("-period_end", "-pk")
        .first()
    )


@dataclass(frozen=True)
class ComplianceChange:
    ref: str
    before: str
    after: str


@dataclass(frozen=True)
class Comparison:
    changed: list[ComplianceChange]
    added: list[str]  # provisions new in the later self-assessment (a new Code version, say)
    removed: list[str]
    open_actions: list[ImprovementAction]


def selfassessment_compare(earlier: SelfAssessment, later: SelfAssessment) -> Comparison:
    """Year on year: provisions whose compliance changed, and improvement actions still open
    in either year."""
    before = dict(earlier.answers.values_list("ref", "comply"))
    after_rows = list(later.answers.order_by("position").values_list("ref", "comply"))
    after = dict(after_rows)
    changed = [
        ComplianceChange(ref, before[ref], comply)
        for ref, comply in after_rows
        if ref in before and before[ref] != comply
    ]
    open_actions = list(
        ImprovementAction.objects.filter(
            answer__self_assessment__in=[earlier, later], completed_on__isnull=True
        )
        .select_related("answer", "answer__self_assessment", "owner")
        .order_by("due_on", "pk")
    )
    return Comparison(
        changed=changed,
        added=[ref for ref, _ in after_rows if ref not in before],
        removed=[ref for ref in before if ref not in after],
        open_actions=open_actions,
    )
