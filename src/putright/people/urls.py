"""Staff pages of the people app, mounted at /people/ by putright.web.urls."""

from django.urls import path

from putright.people import representative_views, views

app_name = "people"

urlpatterns = [
    path("residents/<num:pk>/", views.resident_detail, name="resident"),
    path("residents/<num:pk>/adjustments/", views.adjustment_add, name="adjustment-add"),
    path("residents/<num:pk>/restrictions/", views.restriction_add, name="restriction-add"),
    path("residents/<num:pk>/export/", views.resident_export, name="export"),
    path(
        "complaints/<str:reference>/representative/",
        representative_views.representative_detail,
        name="representative",
    ),
    path(
        "complaints/<str:reference>/representative/evidence/",
        representative_views.consent_evidence,
        name="consent-evidence",
    ),
]
