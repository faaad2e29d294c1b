"""API routes of the contractors app, mounted under /api/v1/ by putright.api.urls."""

from django.urls import path

from putright.contractors import api

urlpatterns = [
    path("contractors/", api.ContractorList.as_view(), name="contractor-list"),
    path("contractors/figures/", api.ContractorFigures.as_view(), name="contractor-figures"),
    path("contractors/named/", api.InvolvementCreate.as_view(), name="contractor-named"),
    path(
        "contractors/remedies/<num:pk>/",
        api.RemedyContractorSet.as_view(),
        name="contractor-remedy",
    ),
    path("contractors/requests/", api.RequestList.as_view(), name="contractor-requests"),
    path(
        "contractors/requests/<num:pk>/answer/",
        api.RequestAnswer.as_view(),
        name="contractor-request-answer",
    ),
]
