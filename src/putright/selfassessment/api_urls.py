"""API routes of the selfassessment app, mounted under /api/v1/ by putright.api.urls."""

from django.urls import path

from putright.selfassessment import api

urlpatterns = [
    path("self-assessments/", api.SelfAssessmentList.as_view(), name="selfassessment-list"),
    path(
        "self-assessments/import/",
        api.SelfAssessmentImport.as_view(),
        name="selfassessment-import",
    ),
    path(
        "self-assessments/submission/",
        api.SubmissionPack.as_view(),
        name="selfassessment-submission",
    ),
    path(
        "self-assessments/<num:pk>/",
        api.SelfAssessmentDetail.as_view(),
        name="selfassessment-detail",
    ),
    path(
        "self-assessments/<num:pk>/answers/<str:ref>/",
        api.AnswerDetail.as_view(),
        name="selfassessment-answer",
    ),
    path(
        "self-assessments/<num:pk>/answers/<str:ref>/actions/",
        api.AnswerActions.as_view(),
        name="selfassessment-answer-actions",
    ),
    *(
        path(
            f"self-assessments/<num:pk>/{step}/",
            api.Step.as_view(step=step),
            name=f"selfassessment-{step}",
        )
        for step in api.STEPS
    ),
    path(
        "self-assessments/<num:pk>/export.<str:fmt>",
        api.Export.as_view(),
        name="selfassessment-export",
    ),
    path(
        "self-assessments/<num:pk>/compare/<num:other>/",
        api.Compare.as_view(),
        name="selfassessment-compare",
    ),
]
