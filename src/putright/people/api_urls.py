"""API routes of the people app, mounted under /api/v1/ by putright.api.urls."""

from django.urls import path

from putright.people import api, representative_api

urlpatterns = [
    path(
        "complaints/<str:reference>/representative/",
        representative_api.RepresentativeDetail.as_view(),
        name="representative-detail",
    ),
    path(
        "complaints/<str:reference>/representative/consent/",
        representative_api.RepresentativeConsent.as_view(),
        name="representative-consent",
    ),
    path(
        "complaints/<str:reference>/representative/consent/evidence/",
        representative_api.ConsentEvidence.as_view(),
        name="representative-consent-evidence",
    ),
    path(
        "complaints/<str:reference>/representative/copies/",
        representative_api.RepresentativeCopies.as_view(),
        name="representative-copies",
    ),
    path("residents/<num:pk>/", api.ResidentDetail.as_view(), name="resident-detail"),
    path("residents/<num:pk>/merge/", api.ResidentMerge.as_view(), name="resident-merge"),
    path(
        "residents/<num:pk>/adjustments/",
        api.AdjustmentCreate.as_view(),
        name="resident-adjustments",
    ),
    path(
        "residents/<num:pk>/adjustments/<num:aid>/reviews/",
        api.AdjustmentReviewCreate.as_view(),
        name="resident-adjustment-reviews",
    ),
    path(
        "residents/<num:pk>/restrictions/",
        api.RestrictionCreate.as_view(),
        name="resident-restrictions",
    ),
    path(
        "residents/<num:pk>/restrictions/<num:rid>/reviews/",
        api.RestrictionReviewCreate.as_view(),
        name="resident-restriction-reviews",
    ),
    path(
        "residents/<num:pk>/restrictions/<num:rid>/lift/",
        api.RestrictionLift.as_view(),
        name="resident-restriction-lift",
    ),
    path("residents/<num:pk>/export/", api.ResidentExport.as_view(), name="resident-export"),
    path(
        "complaints/<str:reference>/vulnerability-flags/",
        api.FlagCreate.as_view(),
        name="complaint-vulnerability-flags",
    ),
    path(
        "complaints/<str:reference>/update-interval/",
        api.AgreementCreate.as_view(),
        name="complaint-update-interval",
    ),
    path(
        "complaints/<str:reference>/resident-updates/",
        api.UpdateCreate.as_view(),
        name="complaint-resident-updates",
    ),
]
