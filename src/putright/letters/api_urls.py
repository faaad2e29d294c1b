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
        "complaints/<str:reference>/letters/<num:letter_id>/pdf/",
        api.LetterPdfView.as_view(),
        name="letters-api-pdf",
    ),
]
