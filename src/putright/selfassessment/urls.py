"""Staff and public pages of the selfassessment app, mounted by putright.web.urls."""

from django.urls import path

from putright.selfassessment import submission_web, views, web

app_name = "selfassessment"

urlpatterns = [
    path("", views.selfassessment_list, name="list"),
    path("start/", web.start, name="start"),
    path("import/", web.import_form, name="import"),
    path("submission/", submission_web.submission_page, name="submission"),
    path("submission.csv", submission_web.submission_csv, name="submission_csv"),
    path("<num:pk>/", views.selfassessment_detail, name="detail"),
    path("<num:pk>/answers/<num:answer_id>/", web.answer_edit, name="answer"),
    path("<num:pk>/step/", web.step, name="step"),
    path("published/", views.published_list, name="published_list"),
    path("published/<num:pk>/", views.published_detail, name="published_detail"),
]
