"""Staff pages of the training register, mounted at /training/ by putright.web.urls."""

from django.urls import path

from putright.training import views

app_name = "training"

urlpatterns = [
    path("", views.register, name="register"),
    path("courses/new/", views.course_add, name="course_add"),
    path("records/new/", views.record_add, name="record_add"),
]
