"""Staff pages of the contractors app, mounted at /contractors/ by putright.web.urls."""

from django.urls import path

from putright.contractors import views

app_name = "contractors"

urlpatterns = [
    path("", views.register, name="register"),
    path("new/", views.contractor_add, name="add"),
    path("<num:pk>/edit/", views.contractor_edit, name="edit"),
    path("requests/", views.requests, name="requests"),
    path("requests/<num:pk>/answer/", views.request_answer, name="request_answer"),
    path("complaints/<str:reference>/name/", views.name_on_complaint, name="name"),
    path("complaints/<str:reference>/request/", views.request_send, name="request_send"),
    path("named/<num:pk>/remove/", views.remove_from_complaint, name="remove"),
    path("remedies/<num:pk>/", views.remedy_contractor, name="remedy"),
]
