"""Residents and representatives: finding the resident a complaint is about, and merging a
duplicate record into the real one (B14). The case engine calls these when a complaint is
logged; the safeguards in people.services follow the resident they are recorded against."""

from __future__ import annotations

from django.db import transaction

from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.people.events import PeopleEventType
from putright.people.models import (
    ContactMethod,
    ReasonableAdjustment,
    Representative,
    Resident,
    Restriction,
)

RESIDENT_FIELDS = ("name", "email", "phone", "address", "tenancy_reference")


def _clean_contact(data: dict, prefix: str) -> dict:
    name = (data.get("name") or "").strip()
    if not name:
        raise InvalidInput({f"{prefix}.name": "Enter the name."})
    cleaned = {"name": name}
    for field in ("email", "phone", "address", "tenancy_reference", "relationship"):
        if field in data and data[field] is not None:
            cleaned[field] = str(data[field]).strip()
    method = data.get("preferred_contact_method")
    if method:
        if method not in ContactMethod.values:
            raise InvalidInput(
                {
                    f"{prefix}.preferred_contact_method": (
                        f"Choose one of: {', '.join(ContactMethod.values)}."
                    )
                }
            )
        cleaned["preferred_contact_method"] = method
    return cleaned


@transaction.atomic
def resident_find_or_create(*, data: dict) -> Resident:
    """The resident a complaint is about. Matched on name together with the tenancy reference or
    the e-mail address, so that one resident's complaints build one record (and their
    adjustments follow them, 5.10), otherwise created. The name must match too: members of one
    household may share a tenancy or an e-mail address, and must not be taken for each other."""
    # An existing resident is named by id alone; their details are not required again.
    if data.get("id"):
        try:
            found = Resident.objects.get(pk=data["id"], anonymised_at__isnull=True)
        except (Resident.DoesNotExist, ValueError, TypeError):
            raise InvalidInput({"resident.id": "No resident has that id."}) from None
        # A merged duplicate stands for the record it was merged into.
        while found.merged_into_id is not None:
            found = found.merged_into
        return found
    cleaned = _clean_contact(data, "resident")
    cleaned.pop("relationship", None)
    return resident_matching(cleaned) or Resident.objects.create(**cleaned)


def resident_matching(cleaned: dict) -> Resident | None:
    """The live resident that contact details (cleaned) name, by the rule above, or None."""
    if not cleaned.get("name"):
        return None
    live = Resident.objects.filter(
        name__iexact=cleaned["name"], anonymised_at__isnull=True, merged_into__isnull=True
    )
    for field, lookup in (("tenancy_reference", "tenancy_reference"), ("email", "email__iexact")):
        value = cleaned.get(field)
        if value:
            existing = live.filter(**{lookup: value}).order_by("pk").first()
            if existing:
                return existing
    return None


@transaction.atomic
def representative_create(*, data: dict) -> Representative:
    cleaned = _clean_contact(data, "representative")
    if not cleaned.get("relationship"):
        raise InvalidInput(
            {"representative.relationship": "Say how they are related to the resident."}
        )
    cleaned.pop("tenancy_reference", None)
    cleaned.pop("preferred_contact_method", None)
    return Representative.objects.create(**cleaned)


@transaction.atomic
def require_merger(user) -> None:
    if user is None or not user.is_authenticated or not user.acts_on_any_case:
        raise NotPermitted("Only the complaints officer or a manager can merge residents.")


def resident_merge(*, user, duplicate: Resident, into: Resident, reason: str) -> Resident:
    """Merge a duplicate resident record into the real one: their complaints (as lead or group
    member), service requests, adjustments and restrictions move to `into`, and blank contact
    details on `into` are filled from the duplicate. The duplicate row stays, marked as merged,
    so that the events recorded against it still say who they were about (5.12); a lookup by its
    id finds the merged record. Complaints officer and managers only."""
    from putright.complaints import events
    from putright.complaints.models import Complaint, ServiceRequest

    require_merger(user)
    reason = (reason if isinstance(reason, str) else "").strip()
    if not reason:
        raise InvalidInput({"reason": "Say why these are the same resident."})
    duplicate = Resident.objects.select_for_update().get(pk=duplicate.pk)
    into = Resident.objects.select_for_update().get(pk=into.pk)
    if duplicate.pk == into.pk:
        raise InvalidInput({"into": "A resident cannot be merged into themselves."})
    for resident, field in ((duplicate, "duplicate"), (into, "into")):
        if resident.anonymised_at is not None:
            raise RuleBroken("resident_anonymised", f"The {field} resident has been anonymised.")
        if resident.merged_into_id is not None:
            raise RuleBroken("resident_merged", f"The {field} resident was already merged.")
    moved = {
        "complaints": Complaint.objects.filter(resident=duplicate).update(resident=into),
        "service_requests": ServiceRequest.objects.filter(resident=duplicate).update(resident=into),
        "adjustments": ReasonableAdjustment.objects.filter(resident=duplicate).update(
            resident=into
        ),
        "restrictions": Restriction.objects.filter(resident=duplicate).update(resident=into),
    }
    groups = 0
    for complaint in Complaint.objects.filter(co_complainants=duplicate):
        complaint.co_complainants.remove(duplicate)
        if complaint.resident_id != into.pk:  # the lead is never their own co-complainant
            complaint.co_complainants.add(into)
        groups += 1
    moved["group_complaints"] = groups
    filled = []
    for field in ("email", "phone", "address", "tenancy_reference"):
        if not getattr(into, field) and getattr(duplicate, field):
            setattr(into, field, getattr(duplicate, field))
            filled.append(field)
    if filled:
        into.save(update_fields=filled)
    duplicate.merged_into = into
    duplicate.save(update_fields=["merged_into"])
    events.record(
        type=PeopleEventType.RESIDENT_MERGED,
        resident=into,
        user=user,
        duplicate=duplicate.pk,
        duplicate_name=duplicate.name,
        moved=moved,
        filled=filled,
        reason=reason,
    )
    return into
