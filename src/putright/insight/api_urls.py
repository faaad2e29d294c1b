"""API routes of the insight app, mounted under /api/v1/ by putright.api.urls."""

from django.urls import path

from putright.insight import api

urlpatterns = [
    path("dissatisfaction/detect/", api.Detect.as_view(), name="dissatisfaction-detect"),
]
