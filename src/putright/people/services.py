from django.db import transaction

from putright.errors import InvalidInput
from putright.people.models import ContactMethod, Representative, Resident

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
    """The resident a complaint is about. Matched on tenancy reference and name, so that one
    household's complaints build one record, otherwise created."""
    cleaned = _clean_contact(data, "resident")
    cleaned.pop("relationship", None)
    if data.get("id"):
        try:
            return Resident.objects.get(pk=data["id"], anonymised_at__isnull=True)
        except (Resident.DoesNotExist, ValueError, TypeError):
            raise InvalidInput({"resident.id": "No resident has that id."}) from None
    tenancy = cleaned.get("tenancy_reference")
    if tenancy:
        existing = Resident.objects.filter(
            tenancy_reference=tenancy, name__iexact=cleaned["name"], anonymised_at__isnull=True
        ).first()
        if existing:
            return existing
    return Resident.objects.create(**cleaned)


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
