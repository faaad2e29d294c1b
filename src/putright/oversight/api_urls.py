"""API routes of the oversight app, mounted under /api/v1/ by putright.api.urls."""

urlpatterns: list = []
