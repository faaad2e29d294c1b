"""Staff and public pages of the oversight app, mounted at /oversight/ by putright.web.urls."""

from django.urls import path

from putright.oversight import editing, views

app_name = "oversight"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("complaints/", views.complaints, name="complaints"),
    path("learning/", views.learning, name="learning"),
    path("lessons/", views.lessons, name="lessons"),
    path("ombudsman/", views.ombudsman_cases, name="ombudsman"),
    # Staff forms (officer, managers, administrators) that write through oversight.services.
    path("lessons/new/", editing.lesson_add, name="lesson_add"),
    path("lessons/<num:pk>/status/", editing.lesson_status, name="lesson_status"),
    path("ombudsman/new/", editing.ombudsman_case_add, name="ombudsman_case_add"),
    path(
        "ombudsman/<num:pk>/evidence-request/",
        editing.evidence_request_add,
        name="evidence_request_add",
    ),
    path("ombudsman/<num:pk>/determination/", editing.determination_add, name="determination_add"),
    path("ombudsman/reports/new/", editing.ombudsman_report_add, name="ombudsman_report_add"),
    path(
        "ombudsman/orders/<num:pk>/compliance/",
        editing.order_compliance,
        name="order_compliance",
    ),
    path("annual-report/<num:year>/", views.annual_report, name="annual_report"),
    path("annual-report/<num:year>/pdf/", views.annual_report_pdf, name="annual_report_pdf"),
    path(
        "annual-report/<num:year>/response/",
        views.annual_report_response,
        name="annual_report_response",
    ),
    path("pack/<num:year>/q<num:number>/", views.pack, name="pack"),
    path("pack/<num:year>/q<num:number>/pdf/", views.pack_pdf, name="pack_pdf"),
    # Public: the published annual reports with the governing body's response (3.5, 8.2).
    path("published/", views.public_reports, name="public_reports"),
    path("published/<num:year>/", views.public_report, name="public_report"),
    path("published/<num:year>/pdf/", views.public_report_pdf, name="public_report_pdf"),
]
