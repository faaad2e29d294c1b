"""API routes of the selfassessment app, mounted under /api/v1/ by putright.api.urls."""

urlpatterns: list = []
