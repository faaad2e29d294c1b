"""API routes of the letters app, mounted under /api/v1/ by putright.api.urls."""

from django.urls import path

from putright.letters import api

urlpatterns = [
    path(
        "complaints/<str:reference>/letters/",
        api.LetterListView.as_view(),
        name="letters-api-list",
    ),
    path(
        "complaints/<str:reference>/letters/<num:letter_id>/",
        api.LetterDetailView.as_view(),
        name="letters-api-detail",
    ),
    path(
        "complaints/<str:reference>/letters/<num:letter_id>/redraft/",
        api.LetterRedraftView.as_view(),
        name="letters-api-redraft",
    ),
    path(
        "complaints/<str:reference>/letters/<num:letter_id>/issue/",
        api.LetterIssueView.as_view(),
        name="letters-api-issue",
    ),
    path(
        "complaints/<str:reference>/letters/<num:letter_id>/sign-off/",
        api.LetterSignOffView.as_view(),
        name="letters-api-sign-off",
    ),
    path("letters/sign-off/", api.SignOffSettingsView.as_view(), name="letters-api-sign-off-all"),
    path(
        "letters/sign-off/<num:stage>/",
        api.SignOffSettingView.as_view(),
        name="letters-api-sign-off-stage",
    ),
    path(
        "complaints/<str:reference>/findings/",
        api.FindingsListView.as_view(),
        name="letters-api-findings",
    ),
    path(
        "complaints/<str:reference>/findings/<num:findings_id>/outcome/",
        api.FindingsCommentView.as_view(),
        name="letters-api-findings-outcome",
    ),
    path(
        "complaints/<str:reference>/letters/<num:letter_id>/pdf/",
        api.LetterPdfView.as_view(),
        name="letters-api-pdf",
    ),
]
