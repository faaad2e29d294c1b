"""Complaint and service request routes, mounted under /api/v1/ by putright.api.urls."""

from django.urls import path

from putright.api import views

ACTIONS = {
    "acknowledge": views.Acknowledge,
    "extend": views.Extend,
    "respond": views.Respond,
    "escalate": views.Escalate,
    "refuse": views.Refuse,
    "withdraw": views.Withdraw,
    "close": views.Close,
    "assign": views.Assign,
    "remedies": views.OfferRemedy,
    "actions": views.AddAction,
    "notes": views.AddNote,
    "attachments": views.AddAttachment,
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
    *[
        path(f"complaints/<str:reference>/{name}/", view.as_view(), name=f"api-complaint-{name}")
        for name, view in ACTIONS.items()
    ],
    path(
        "complaints/<str:reference>/remedies/<int:remedy_id>/complete/",
        views.CompleteRemedy.as_view(),
        name="api-remedy-complete",
    ),
    path(
        "complaints/<str:reference>/actions/<int:action_id>/complete/",
        views.CompleteAction.as_view(),
        name="api-action-complete",
    ),
    path(
        "service-requests/", views.ServiceRequestCollection.as_view(), name="api-service-requests"
    ),
    path(
        "service-requests/<int:pk>/",
        views.ServiceRequestDetail.as_view(),
        name="api-service-request",
    ),
    path(
        "service-requests/<int:pk>/complaint/",
        views.ServiceRequestComplaint.as_view(),
        name="api-service-request-complaint",
    ),
    path(
        "service-requests/<int:pk>/complete/",
        views.ServiceRequestComplete.as_view(),
        name="api-service-request-complete",
    ),
]
