"""Reads for surveys: the responses, and the follow-up queue (dissatisfied comments whose
resident has not yet been offered the complaints process, oldest first)."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from putright.rules import surveys as rule
from putright.surveys.models import SurveyFollowUp, SurveyResponse


def survey_list() -> QuerySet[SurveyResponse]:
    return SurveyResponse.objects.select_related("complaint", "resident", "recorded_by")


def follow_up_queue() -> QuerySet[SurveyResponse]:
    """Waiting: a dissatisfied comment with no offer recorded (the measure's own test)."""
    return (
        rule.dissatisfied_comments()
        .filter(followed_up=False)
        .select_related("complaint", "resident")
        .order_by("responded_on", "pk")
    )


def follow_up_count() -> int:
    return follow_up_queue().count()


def survey_get(pk: int) -> SurveyResponse:
    return (
        SurveyResponse.objects.select_related("complaint", "resident", "recorded_by")
        .prefetch_related(
            Prefetch(
                "follow_ups",
                queryset=SurveyFollowUp.objects.select_related("recorded_by", "complaint"),
            )
        )
        .get(pk=pk)
    )


def is_dissatisfied_comment(survey: SurveyResponse) -> bool:
    return rule.is_dissatisfied_comment(survey.satisfaction, survey.comment)
