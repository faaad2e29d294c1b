"""Staff and public pages of the letters app, mounted by putright.web.urls."""

app_name = "letters"

urlpatterns: list = []
