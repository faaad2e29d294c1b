"""Staff and public pages of the selfassessment app, mounted by putright.web.urls."""

from django.urls import path

from putright.selfassessment import views

app_name = "selfassessment"

urlpatterns = [
    path("", views.selfassessment_list, name="list"),
    path("<num:pk>/", views.selfassessment_detail, name="detail"),
    path("published/", views.published_list, name="published_list"),
    path("published/<num:pk>/", views.published_detail, name="published_detail"),
]
