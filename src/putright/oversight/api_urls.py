"""API routes of the oversight app, mounted under /api/v1/ by putright.api.urls."""

from django.urls import path

from putright.oversight import api

urlpatterns = [
    path("reports/tsm/", api.TsmView.as_view(), name="oversight-tsm"),
    path("reports/summary/", api.SummaryView.as_view(), name="oversight-summary"),
]
