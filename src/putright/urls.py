from django.contrib import admin
from django.urls import include, path

from putright.system.health import healthz
from putright.web.urls import app_urlpatterns

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("putright.api.urls")),
    path("accounts/", include("putright.accounts.urls")),
    *app_urlpatterns,
    path("", include("putright.web.urls")),
]
