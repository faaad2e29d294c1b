"""Staff and public pages of the oversight app, mounted at /oversight/ by putright.web.urls."""

from django.urls import path

from putright.oversight import views

app_name = "oversight"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("complaints/", views.complaints, name="complaints"),
    path("learning/", views.learning, name="learning"),
    path("lessons/", views.lessons, name="lessons"),
    path("ombudsman/", views.ombudsman_cases, name="ombudsman"),
    path("annual-report/<int:year>/", views.annual_report, name="annual_report"),
    path("annual-report/<int:year>/pdf/", views.annual_report_pdf, name="annual_report_pdf"),
    path(
        "annual-report/<int:year>/response/",
        views.annual_report_response,
        name="annual_report_response",
    ),
    path("pack/<int:year>/q<int:number>/", views.pack, name="pack"),
    path("pack/<int:year>/q<int:number>/pdf/", views.pack_pdf, name="pack_pdf"),
    # Public: the published annual reports with the governing body's response (3.5, 8.2).
    path("published/", views.public_reports, name="public_reports"),
    path("published/<int:year>/", views.public_report, name="public_report"),
    path("published/<int:year>/pdf/", views.public_report_pdf, name="public_report_pdf"),
]
