"""API routes of the letters app, mounted under /api/v1/ by putright.api.urls."""

urlpatterns: list = []
