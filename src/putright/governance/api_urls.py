"""API routes of the governance app, mounted under /api/v1/ by putright.api.urls."""

from django.urls import path

from putright.governance import api

urlpatterns = [
    path(
        "governance/accountability/",
        api.AccountabilityView.as_view(),
        name="governance-accountability",
    ),
    path("governance/incidents/", api.IncidentList.as_view(), name="governance-incidents"),
    path(
        "governance/incidents/<num:pk>/",
        api.IncidentDetail.as_view(),
        name="governance-incident",
    ),
    path(
        "governance/organisational-changes/",
        api.ChangeList.as_view(),
        name="governance-changes",
    ),
    path("governance/meetings/", api.MeetingList.as_view(), name="governance-meetings"),
    path("governance/meetings/<num:pk>/", api.MeetingDetail.as_view(), name="governance-meeting"),
    path(
        "governance/meetings/<num:pk>/reports/",
        api.MeetingReports.as_view(),
        name="governance-meeting-reports",
    ),
]
