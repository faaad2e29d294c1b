"""Web pages. The web app owns the workspace, the public side and the layout; other apps mount
their own pages here."""

from django.urls import include, path

from putright.accounts import views as accounts
from putright.web import (
    case_action_pages,
    compensation,
    corrections,
    documents,
    intake,
    public,
    queue,
    resident,
    tracking,
    views,
    workspace,
)

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/login/", accounts.login_view, name="login"),
    path("accounts/logout/", accounts.logout_view, name="logout"),
    # The staff workspace.
    path("complaints/", queue.complaint_list, name="complaints"),
    path("complaints/new/", intake.complaint_log, name="complaint-log"),
    # Before complaints/<reference>/, so that neither is taken for a reference.
    path("complaints/assign/", queue.bulk_assign, name="complaints-assign"),
    path("complaints/views/", queue.saved_view_save, name="saved-view-save"),
    path("complaints/views/<num:pk>/delete/", queue.saved_view_delete, name="saved-view-delete"),
    path("workload/", queue.workload, name="workload"),
    path("complaints/<str:reference>/", workspace.complaint_detail, name="complaint"),
    path(
        "complaints/<str:reference>/remedies/<num:pk>/done/",
        case_action_pages.item_done,
        {"kind": "remedy"},
        name="remedy-done",
    ),
    path(
        "complaints/<str:reference>/remedies/<num:pk>/correct/",
        corrections.remedy_correct,
        name="remedy-correct",
    ),
    path(
        "complaints/<str:reference>/actions/<num:pk>/done/",
        case_action_pages.item_done,
        {"kind": "action"},
        name="action-done",
    ),
    path(
        "complaints/<str:reference>/documents/<num:pk>/",
        documents.attachment_download,
        name="attachment-download",
    ),
    path(
        "complaints/<str:reference>/tracking-link/revoke/",
        tracking.revoke,
        name="tracking-link-revoke",
    ),
    path(
        "complaints/<str:reference>/<slug:action>/",
        case_action_pages.complaint_action,
        name="complaint-action",
    ),
    path("compensation-guide/", compensation.guide, name="compensation-guide"),
    path("compensation-guide/new/", compensation.band_edit, name="compensation-band-add"),
    path("compensation-guide/<num:pk>/", compensation.band_edit, name="compensation-band"),
    path("service-requests/", workspace.service_request_list, name="service-requests"),
    path(
        "service-requests/<num:pk>/raise/",
        workspace.service_request_raise,
        name="service-request-raise",
    ),
    # The public side: no account.
    path("complain/", public.start, name="complain"),
    path("complain/who/", public.complaint_who, name="complain-who"),
    path("complain/details/", public.complaint_form, name="complain-form"),
    path("complain/check/", public.complaint_check, name="complain-check"),
    path("complain/done/", public.complaint_done, name="complain-done"),
    path("track/", resident.track_find, name="track-find"),
    path("track/<str:token>/", resident.track, name="track"),
    path("track/<str:token>/stage-2/", resident.track_escalate, name="track-escalate"),
    path("track/<str:token>/information/", resident.track_note, name="track-note"),
    path("track/<str:token>/documents/", resident.track_upload, name="track-upload"),
    path(
        "track/<str:token>/letters/<num:pk>/",
        resident.track_letter,
        name="track-letter",
    ),
    path(
        "track/<str:token>/documents/<num:pk>/",
        documents.track_document,
        name="track-document",
    ),
]

# Other apps' pages have their own namespaces (letters:, people:, oversight:, selfassessment:).
app_urlpatterns = [
    path("letters/", include("putright.letters.urls")),
    path("people/", include("putright.people.urls")),
    path("oversight/", include("putright.oversight.urls")),
    path("self-assessment/", include("putright.selfassessment.urls")),
    path("insight/", include("putright.insight.urls")),
    path("surveys/", include("putright.surveys.urls")),
    path("governance/", include("putright.governance.urls")),
    path("contractors/", include("putright.contractors.urls")),
    path("training/", include("putright.training.urls")),
]
