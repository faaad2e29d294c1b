"""Staff and public pages of the selfassessment app, mounted by putright.web.urls."""

app_name = "selfassessment"

urlpatterns: list = []
