"""Governance pages, mounted at /governance/ by putright.web.urls."""

from django.urls import path

from putright.governance import views

app_name = "governance"

urlpatterns = [
    path("", views.index, name="index"),
    path("accountability/", views.accountability_edit, name="accountability"),
    path("incidents/new/", views.incident_add, name="incident-add"),
    path("incidents/<num:pk>/", views.incident_edit, name="incident-edit"),
    path("notices/<num:pk>/", views.notice, name="notice"),
    path("changes/new/", views.change_add, name="change-add"),
    path("meetings/", views.meeting_list, name="meetings"),
    path("meetings/new/", views.meeting_add, name="meeting-add"),
    path("meetings/<num:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<num:pk>/reports/new/", views.report_add, name="report-add"),
]
