"""Writes of the insight app: flag a message the detector hears as dissatisfied, and record the
follow-up (issue 15; Code 1.3, 1.5). The detector suggests; staff decide. Flagging runs inside
the transaction that stores the message, so a message is never stored without its flag."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from putright import dates, text
from putright.errors import InvalidInput, RuleBroken, nested
from putright.insight import detector
from putright.insight.models import Flag, FlagChoice, FlagFollowUp, FlagSource
from putright.surveys import permissions
from putright.surveys.models import OfferMethod

OFFERED = {FlagChoice.RAISE_COMPLAINT, FlagChoice.KEEP_SERVICE_REQUEST, FlagChoice.NO_REPLY}


def _flag(source: str, message: str, **target) -> Flag | None:
    result = detector.detect(message)
    if not result.dissatisfied:
        return None
    flag, _ = Flag.objects.get_or_create(
        **target,
        defaults={
            "source": source,
            "flagged_on": dates.today(),
            "score": result.score,
            "reasons": result.reasons,
        },
    )
    return flag


def flag_inbound_message(message) -> Flag | None:
    """New contact by e-mail (not filed on a case): flagged when it reads as dissatisfaction."""
    if message.complaint_id is not None:
        return None  # already on a complaint
    return _flag(FlagSource.EMAIL, f"{message.subject}\n{message.text}", inbound_message=message)


def flag_service_request(request) -> Flag | None:
    return _flag(FlagSource.SERVICE_REQUEST, request.description, service_request=request)


def _check(flag: Flag, *, choice, offered_on, method, errors) -> None:
    if choice not in FlagChoice.values:
        errors["choice"] = [f"Choose one of: {', '.join(FlagChoice.values)}."]
        return
    if choice == FlagChoice.KEEP_SERVICE_REQUEST and flag.source != FlagSource.SERVICE_REQUEST:
        errors["choice"] = ["Only a flagged service request can be kept as one."]
    if choice in OFFERED:
        if offered_on is None:
            errors["offered_on"] = ["Enter the date the complaints process was offered."]
        elif offered_on > dates.today() or offered_on < flag.flagged_on:
            errors["offered_on"] = ["The offer is between the flag and today."]
        if method not in OfferMethod.values:
            errors["method"] = [f"Choose one of: {', '.join(OfferMethod.values)}."]


@transaction.atomic
def flag_follow_up_record(
    *,
    user,
    flag: Flag,
    choice: str,
    offered_on: dt.date | None = None,
    method: str = "",
    notes: str = "",
    complaint: dict | None = None,
) -> FlagFollowUp:
    """Record what was done about a flag. "raise_complaint" logs the complaint through
    complaint_log, linked to the service request (1.5) or from the e-mail's sender (1.3);
    "not_dissatisfied" needs no offer (staff judged the detector wrong)."""
    permissions.require_recorder(user)
    flag = (
        # Only the flag's row is locked: PostgreSQL locks no nullable side of an outer join.
        Flag.objects.select_for_update(of=("self",))
        .select_related("inbound_message", "service_request")
        .get(pk=flag.pk)
    )
    errors: dict[str, list[str]] = {}
    _check(flag, choice=choice, offered_on=offered_on, method=method, errors=errors)
    if choice == FlagChoice.NOT_DISSATISFIED and not (notes or "").strip():
        errors["notes"] = ["Say why this is not dissatisfaction with the service."]
    if errors:
        raise InvalidInput(errors)
    _check_not_decided(flag)
    raised = None
    if choice == FlagChoice.RAISE_COMPLAINT:
        raised = _raise_complaint(user, flag, offered_on, complaint or {})
    return FlagFollowUp.objects.create(
        flag=flag,
        offered_on=offered_on if choice in OFFERED else None,
        method=method if choice in OFFERED else "",
        choice=choice,
        complaint=raised,
        notes=text.clean_text(notes or "").strip(),
        recorded_by=user,
    )


def _check_not_decided(flag: Flag) -> None:
    """Once a complaint is raised (from the flag, or from its service request by another
    route), the resident's choice is made: nothing recorded after it may say otherwise."""
    provision = "1.5" if flag.service_request_id else "1.3"
    raised = flag.follow_ups.filter(complaint__isnull=False).exists() or (
        flag.service_request_id is not None and flag.service_request.complaints.exists()
    )
    if raised:
        raise RuleBroken(
            "complaint_already_raised",
            "A complaint has already been raised from this message: the resident's choice is made.",
            provision,
        )


def _raise_complaint(user, flag: Flag, offered_on: dt.date, data: dict):
    from putright.complaints.services import complaint_log

    if flag.service_request_id:
        request = flag.service_request
        values = {
            "resident": {"id": request.resident_id},
            "channel": data.get("channel") or request.channel,
            "description": data.get("description") or request.description,
            "category": data.get("category") or request.category,
            "service_request": request,
        }
    else:
        message = flag.inbound_message
        values = {
            "resident": {
                "name": data.get("name") or message.from_name or message.from_address,
                "email": message.from_address,
            },
            "channel": data.get("channel") or "email",
            "description": data.get("description") or message.text or message.subject,
            "category": data.get("category") or None,
        }
    try:
        complaint, _ = complaint_log(user=user, received_on=offered_on, actor_label="", **values)
    except InvalidInput as error:
        raise nested(error, "complaint") from error
    return complaint
