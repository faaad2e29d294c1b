"""API routes of the surveys app, mounted under /api/v1/ by putright.api.urls."""

from django.urls import path

from putright.surveys import api

urlpatterns = [
    path("surveys/", api.SurveyCollection.as_view(), name="surveys"),
    path("surveys/follow-ups/", api.FollowUpQueue.as_view(), name="survey-follow-ups"),
    path("surveys/<num:pk>/", api.SurveyDetail.as_view(), name="survey-detail"),
    path(
        "surveys/<num:pk>/follow-ups/",
        api.FollowUpCreate.as_view(),
        name="survey-follow-up-create",
    ),
]
