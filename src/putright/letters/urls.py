"""Staff pages of the letters app, mounted at /letters/ by putright.web.urls."""

from django.urls import path

from putright.letters import findings_views, views

app_name = "letters"

urlpatterns = [
    path("templates/", views.template_list, name="templates"),
    path("templates/branding/", views.branding_edit, name="branding"),
    path("templates/sign-off/", findings_views.sign_off_settings, name="sign_off"),
    path("templates/<str:kind>/", views.template_edit, name="template_edit"),
    path("inbox/", views.triage, name="triage"),
    path("inbox/<num:message_id>/file/", views.triage_file, name="triage_file"),
    path("<str:reference>/", views.case_letters, name="case"),
    path("<str:reference>/findings/", findings_views.findings_page, name="findings"),
    path("<str:reference>/<num:letter_id>/", views.letter_detail, name="letter"),
    path("<str:reference>/<num:letter_id>/pdf/", views.letter_pdf, name="pdf"),
]
