"""Service requests (1.4, 1.5)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from putright import dates
from putright.accounts.models import User
from putright.complaints import events
from putright.complaints.models import (
    Category,
    Channel,
    Complaint,
    ServiceRequest,
)
from putright.complaints.services._checks import (
    _check_date,
    _choice,
    _require_staff_who_can_change,
    _required_text,
)
from putright.complaints.services.intake import complaint_log
from putright.errors import InvalidInput, RuleBroken, collect_errors
from putright.people.services import resident_find_or_create

# --- service requests (1.4, 1.5) ------------------------------------------------------------


@transaction.atomic
def service_request_log(
    *,
    user: User,
    resident: dict,
    received_on: dt.date,
    channel: str,
    description: str,
    category: str | None = None,
) -> ServiceRequest:
    _require_staff_who_can_change(user)
    collect_errors(
        lambda: _check_date("received_on", received_on),
        lambda: _choice("channel", channel, Channel),
        lambda: _choice("category", category, Category, required=False),
        lambda: _required_text("description", description, "Describe the request."),
    )
    request = ServiceRequest.objects.create(
        resident=resident_find_or_create(data=resident),
        received_on=received_on,
        channel=channel,
        description=description.strip(),
        category=category or Category.OTHER,
        created_by=user,
    )
    events.record(
        type=events.EventType.SERVICE_REQUEST_LOGGED,
        resident=request.resident,
        user=user,
        service_request=request.pk,
        received_on=received_on,
    )
    from putright.insight.services import flag_service_request

    flag_service_request(request)  # dissatisfaction with the service is a complaint (1.5)
    return request


@transaction.atomic
def service_request_complete(
    *, user: User, service_request: ServiceRequest, completed_on: dt.date | None = None
) -> ServiceRequest:
    _require_staff_who_can_change(user)
    service_request = ServiceRequest.objects.select_for_update().get(pk=service_request.pk)
    if service_request.state == ServiceRequest.State.COMPLETED:
        raise RuleBroken("already_completed", "This service request is already completed.")
    completed_on = completed_on or dates.today()
    _check_date(
        "completed_on",
        completed_on,
        not_before=service_request.received_on,
        not_before_label="the request",
    )
    service_request.state = ServiceRequest.State.COMPLETED
    service_request.completed_on = completed_on
    service_request.save(update_fields=["state", "completed_on"])
    events.record(
        type=events.EventType.SERVICE_REQUEST_COMPLETED,
        resident=service_request.resident,
        user=user,
        service_request=service_request.pk,
        completed_on=completed_on,
    )
    return service_request


@transaction.atomic
def complaint_raise_from_service_request(
    *,
    user: User,
    service_request: ServiceRequest,
    received_on: dt.date,
    description: str,
    channel: str | None = None,
) -> Complaint:
    """The resident is dissatisfied with the response to a service request: a complaint is raised
    while the request itself stays open and is still monitored (1.5)."""
    if isinstance(received_on, dt.date) and received_on < service_request.received_on:
        raise InvalidInput(
            {"received_on": "The complaint cannot be before the service request it is about."}
        )
    complaint, _ = complaint_log(
        user=user,
        resident={"id": service_request.resident_id, "name": service_request.resident.name},
        received_on=received_on,
        channel=channel or service_request.channel,
        description=description,
        category=service_request.category,
        service_request=service_request,
    )
    return complaint
