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

# JSON under /api/, Django's pages elsewhere (putright.api.errors).
handler400 = "putright.api.errors.bad_request"
handler403 = "putright.api.errors.permission_denied"
handler404 = "putright.api.errors.page_not_found"
handler500 = "putright.api.errors.server_error"
