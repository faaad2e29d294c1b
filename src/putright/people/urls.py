"""Staff pages of the people app, mounted at /people/ by putright.web.urls."""

from django.urls import path

from putright.people import views

app_name = "people"

urlpatterns = [
    path("residents/<int:pk>/", views.resident_detail, name="resident"),
    path("residents/<int:pk>/adjustments/", views.adjustment_add, name="adjustment-add"),
    path("residents/<int:pk>/restrictions/", views.restriction_add, name="restriction-add"),
    path("residents/<int:pk>/export/", views.resident_export, name="export"),
]
