"""Staff and public pages of the people app, mounted by putright.web.urls."""

app_name = "people"

urlpatterns: list = []
