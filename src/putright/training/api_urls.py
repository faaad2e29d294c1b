"""API routes of the training register, mounted under /api/v1/ by putright.api.urls."""

from django.urls import path

from putright.training import api

urlpatterns = [
    path("training/courses/", api.CourseList.as_view(), name="training-courses"),
    path("training/records/", api.RecordList.as_view(), name="training-records"),
    path("training/staff/", api.RelevantStaff.as_view(), name="training-staff"),
]
