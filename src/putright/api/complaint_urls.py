"""Complaint and service request routes, mounted under /api/v1/ by putright.api.urls."""

from django.urls import path

from putright.api import stage2, views
from putright.api.case_actions import ACTIONS, view_for

URL_NAMES = {
    "remedies/<num:remedy_id>/complete": "api-remedy-complete",
    "remedies/<num:remedy_id>/amend": "api-remedy-amend",
    "actions/<num:action_id>/complete": "api-action-complete",
    "tracking-link/revoke": "api-tracking-link-revoke",
}

urlpatterns = [
    path("complaints/", views.ComplaintCollection.as_view(), name="api-complaints"),
    path(
        "complaints/<str:reference>/",
        views.ComplaintDetail.as_view(),
        name="api-complaint",
    ),
    path(
        "complaints/<str:reference>/events/",
        views.ComplaintEvents.as_view(),
        name="api-complaint-events",
    ),
    path(
        "complaints/<str:reference>/attachments/<num:attachment_id>/file/",
        views.AttachmentFile.as_view(),
        name="api-attachment-file",
    ),
    # Every write on a case, from one table (putright.api.case_actions).
    *[
        path(
            f"complaints/<str:reference>/{name}/",
            view_for(action).as_view(),
            name=URL_NAMES.get(name, f"api-complaint-{name}"),
        )
        for name, action in ACTIONS.items()
    ],
    path("compensation-bands/", stage2.BandList.as_view(), name="api-compensation-bands"),
    path(
        "service-requests/", views.ServiceRequestCollection.as_view(), name="api-service-requests"
    ),
    path(
        "service-requests/<num:pk>/",
        views.ServiceRequestDetail.as_view(),
        name="api-service-request",
    ),
    path(
        "service-requests/<num:pk>/complaint/",
        views.ServiceRequestComplaint.as_view(),
        name="api-service-request-complaint",
    ),
    path(
        "service-requests/<num:pk>/complete/",
        views.ServiceRequestComplete.as_view(),
        name="api-service-request-complete",
    ),
]
