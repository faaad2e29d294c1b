"""Staff and public pages of the oversight app, mounted by putright.web.urls."""

app_name = "oversight"

urlpatterns: list = []
