"""API routes of the insight app, mounted under /api/v1/ by putright.api.urls."""

from django.urls import path

from putright.insight import api

urlpatterns = [
    path("dissatisfaction/detect/", api.Detect.as_view(), name="dissatisfaction-detect"),
    path("dissatisfaction/flags/", api.FlagQueue.as_view(), name="dissatisfaction-flags"),
    path("related-complaints/", api.Related.as_view(), name="related-complaints"),
    path(
        "dissatisfaction/flags/<num:pk>/follow-ups/",
        api.FlagFollowUpCreate.as_view(),
        name="dissatisfaction-flag-follow-up",
    ),
]
