"""Writes of the contractors app: the register (officer, managers, administrators) and, on a
case, naming a contractor, the contractor for a remedy, and requests for information (whoever
may act on the case). Every write on a case writes its event in the same transaction."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from putright import dates
from putright.accounts.models import User
from putright.complaints.models import Complaint, Remedy
from putright.complaints.services._checks import _required_text
from putright.contractors import events
from putright.contractors.models import (
    Contractor,
    InformationRequest,
    Involvement,
    RemedyContractor,
)
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.oversight import permissions
from putright.rules import access
from putright.rules import contractors as rule


def require_register_editor(user: User) -> None:
    if not permissions.can_edit_oversight(user):
        raise NotPermitted(permissions.EDITORS_ONLY)


def _line(errors, field, value, message) -> str:
    value = (value or "").strip()
    if not value:
        errors[field] = [message]
    return value


@transaction.atomic
def contractor_add(
    *, user: User, name: str, service: str, contact: str = "", added_on: dt.date | None = None
) -> Contractor:
    require_register_editor(user)
    errors: dict = {}
    name = _line(errors, "name", name, "Enter the contractor's name.")
    service = _line(errors, "service", service, "Say what the contractor does for you.")
    if name and Contractor.objects.filter(name__iexact=name).exists():
        errors["name"] = [f"{name} is on the register already."]
    if errors:
        raise InvalidInput(errors)
    return Contractor.objects.create(
        name=name,
        service=service,
        contact=(contact or "").strip(),
        added_on=added_on or dates.today(),
    )


@transaction.atomic
def contractor_update(
    *, user: User, contractor: Contractor, service: str, contact: str, active: bool
) -> Contractor:
    require_register_editor(user)
    errors: dict = {}
    service = _line(errors, "service", service, "Say what the contractor does for you.")
    if errors:
        raise InvalidInput(errors)
    contractor.service, contractor.contact, contractor.active = service, contact.strip(), active
    contractor.save(update_fields=["service", "contact", "active"])
    return contractor


@transaction.atomic
def contractor_name(
    *, user: User, complaint: Complaint, contractor: Contractor, role: str = ""
) -> Involvement:
    """5.4: the contractor involved in what the complaint is about."""
    access.require_can_act(user, complaint)
    if not contractor.active:
        raise InvalidInput({"contractor": [f"{contractor} is no longer an active contractor."]})
    if Involvement.objects.filter(
        complaint=complaint, contractor=contractor, removed_on__isnull=True
    ).exists():
        raise InvalidInput({"contractor": [f"{contractor} is named on this complaint already."]})
    involvement = Involvement.objects.create(
        complaint=complaint,
        contractor=contractor,
        named_on=dates.today(),
        named_by=user,
        role=(role or "").strip(),
    )
    events.contractor_named_event(complaint=complaint, user=user, involvement=involvement)
    return involvement


@transaction.atomic
def contractor_unname(*, user: User, involvement: Involvement, reason: str) -> Involvement:
    access.require_can_act(user, involvement.complaint)
    involvement = Involvement.objects.select_for_update().get(pk=involvement.pk)
    if involvement.removed_on is not None:
        raise RuleBroken("already_removed", "This contractor was taken off the complaint already.")
    involvement.removed_reason = _required_text(
        "reason", reason, "Say why the contractor is taken off the complaint."
    )
    involvement.removed_on = dates.today()
    involvement.save(update_fields=["removed_on", "removed_reason"])
    events.contractor_removed_event(
        complaint=involvement.complaint, user=user, involvement=involvement
    )
    return involvement


@transaction.atomic
def remedy_contractor_set(
    *, user: User, remedy: Remedy, contractor: Contractor | None, reason: str
) -> Remedy:
    """Name (or change, or clear) the contractor who must carry out a remedy; recorded as an
    amendment of the remedy, before and after."""
    access.require_can_act(user, remedy.complaint)
    reason = _required_text("reason", reason, "Say why the remedy's contractor is being set.")
    current = RemedyContractor.objects.select_related("contractor").filter(remedy=remedy).first()
    before = current.contractor.name if current else None
    after = contractor.name if contractor else None
    if before == after:
        raise InvalidInput({"contractor": ["Nothing would change: the record already says this."]})
    if contractor is not None and not contractor.active:
        raise InvalidInput({"contractor": [f"{contractor} is no longer an active contractor."]})
    if current is not None:
        current.delete()
    if contractor is not None:
        RemedyContractor.objects.create(remedy=remedy, contractor=contractor)
    events.remedy_contractor_amended_event(
        remedy=remedy, user=user, before=before, after=after, reason=reason
    )
    return remedy


@transaction.atomic
def information_request_send(
    *,
    user: User,
    complaint: Complaint,
    contractor: Contractor,
    description: str,
    sent_on: dt.date,
    due_on: dt.date,
) -> InformationRequest:
    """5.5: ask the contractor for its information on the complaint by a date."""
    access.require_can_act(user, complaint)
    description = _required_text("description", description, "Say what you asked for.")
    rule.check_request_dates(sent_on=sent_on, due_on=due_on, today=dates.today())
    request = InformationRequest.objects.create(
        complaint=complaint,
        contractor=contractor,
        description=description,
        sent_on=sent_on,
        due_on=due_on,
        sent_by=user,
    )
    events.request_sent_event(complaint=complaint, user=user, request=request)
    return request


@transaction.atomic
def information_request_answer(
    *, user: User, request: InformationRequest, answered_on: dt.date, answer: str = ""
) -> InformationRequest:
    access.require_can_act(user, request.complaint)
    request = InformationRequest.objects.select_for_update().get(pk=request.pk)
    if request.answered_on is not None:
        raise RuleBroken(
            "already_answered",
            f"The answer was recorded on {request.answered_on:%-d %B %Y}: the record of when "
            "it came is kept as it is.",
            "5.5",
        )
    rule.check_answer_date(answered_on=answered_on, sent_on=request.sent_on, today=dates.today())
    request.answered_on, request.answer = answered_on, (answer or "").strip()
    request.save(update_fields=["answered_on", "answer"])
    events.request_answered_event(complaint=request.complaint, user=user, request=request)
    return request
