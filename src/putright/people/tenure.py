"""The resident's tenure (LCRA, LCHO or not known), so that CH01 and CH02 can be reported per
tenure (oversight.tenure). Set by staff who change cases."""

from __future__ import annotations

from django.db import transaction

from putright.errors import InvalidInput, NotPermitted
from putright.people.models import Resident, Tenure


@transaction.atomic
def resident_tenure_set(*, user, resident: Resident, tenure: str) -> Resident:
    if user is None or not user.is_authenticated or not user.can_change_cases:
        raise NotPermitted("Governance users read residents but do not change them.")
    if tenure not in Tenure.values:
        raise InvalidInput({"tenure": f"Choose one of: {', '.join(Tenure.values)}."})
    Resident.objects.filter(pk=resident.pk).update(tenure=tenure)
    resident.tenure = tenure
    return resident
