"""/api/v1/: each app contributes its own routes from its api_urls module."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("putright.accounts.api")),
    path("", include("putright.api.complaint_urls")),
    path("", include("putright.people.api_urls")),
    path("", include("putright.letters.api_urls")),
    path("", include("putright.oversight.api_urls")),
    path("", include("putright.selfassessment.api_urls")),
    path("", include("putright.insight.api_urls")),
    path("", include("putright.surveys.api_urls")),
    path("", include("putright.governance.api_urls")),
    path("", include("putright.contractors.api_urls")),
    path("", include("putright.training.api_urls")),
]
