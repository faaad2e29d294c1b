"""Web pages. The web app owns the workspace, the public side and the layout; other apps mount
their own pages here."""

from django.urls import include, path

from putright.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/login/", views.login_view, name="login"),
]

# Other apps' pages have their own namespaces (letters:, people:, oversight:, selfassessment:).
app_urlpatterns = [
    path("letters/", include("putright.letters.urls")),
    path("people/", include("putright.people.urls")),
    path("oversight/", include("putright.oversight.urls")),
    path("self-assessment/", include("putright.selfassessment.urls")),
]
