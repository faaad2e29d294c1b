"""Staff pages of the surveys app, mounted at /surveys/ by putright.web.urls."""

from django.urls import path

from putright.surveys import views

app_name = "surveys"

urlpatterns = [
    path("", views.survey_list, name="list"),
    path("new/", views.survey_add, name="add"),
    path("import/", views.survey_import, name="import"),
    path("follow-ups/", views.follow_ups, name="follow_ups"),
    path("<num:pk>/", views.survey_detail, name="detail"),
]
