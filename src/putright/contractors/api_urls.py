"""API routes of the contractors app, mounted under /api/v1/ by putright.api.urls. Writes on
a case name the complaint in the path, so that who may act on it is checked before the body."""

from django.urls import path

from putright.contractors import api

CASE = "contractors/complaints/<str:reference>/"

urlpatterns = [
    path("contractors/", api.ContractorList.as_view(), name="contractor-list"),
    path("contractors/figures/", api.ContractorFigures.as_view(), name="contractor-figures"),
    path("contractors/requests/", api.RequestList.as_view(), name="contractor-requests"),
    path(f"{CASE}named/", api.InvolvementCreate.as_view(), name="contractor-named"),
    path(
        f"{CASE}remedies/<num:pk>/",
        api.RemedyContractorSet.as_view(),
        name="contractor-remedy",
    ),
    path(f"{CASE}requests/", api.RequestCreate.as_view(), name="contractor-request-create"),
    path(
        f"{CASE}requests/<num:pk>/answer/",
        api.RequestAnswer.as_view(),
        name="contractor-request-answer",
    ),
]
