"""Assigning many complaints at once (the officer's bulk assign and reassign from the list).

Each case goes through `complaint_assign`, the one rule for assigning, in its own transaction:
a case the Code forbids (6.13: the stage 1 handler cannot take stage 2) or the workflow does
not allow (a closed case) is refused and named, and the others are still assigned. Nothing is
assigned when the user may not assign at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from putright.accounts.models import User
from putright.complaints.models import Complaint
from putright.complaints.services._checks import _resolve_handler
from putright.complaints.services.intake import complaint_assign
from putright.errors import InvalidInput, NotPermitted, RuleBroken

MAX_AT_ONCE = 50


@dataclass(frozen=True)
class Refused:
    reference: str
    reason: str
    provision: str | None = None


@dataclass
class BulkAssignment:
    handler: User
    assigned: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # already with this handler
    refused: list[Refused] = field(default_factory=list)


def complaints_assign(*, user: User, references: list[str], handler: User | str) -> BulkAssignment:
    """Assign each complaint named in `references` to `handler`, one case at a time."""
    if not user.can_change_cases or not user.acts_on_any_case:
        raise NotPermitted("Only the complaints officer or a manager can assign complaints.")
    references = list(dict.fromkeys(references))
    if not references:
        raise InvalidInput({"complaints": "Tick at least one complaint to assign."})
    if len(references) > MAX_AT_ONCE:
        raise InvalidInput({"complaints": f"Choose at most {MAX_AT_ONCE} complaints at once."})
    handler = _resolve_handler("handler", handler)
    found = {
        c.reference: c
        for c in Complaint.objects.filter(reference__in=references).prefetch_related(
            "stages__handler"
        )
    }
    result = BulkAssignment(handler=handler)
    for reference in references:
        complaint = found.get(reference)
        if complaint is None:
            result.refused.append(Refused(reference, "No complaint has that reference."))
            continue
        current = complaint.current_stage
        if current is not None and current.handler_id == handler.pk:
            result.unchanged.append(reference)
            continue
        try:
            with transaction.atomic():
                complaint_assign(user=user, complaint=complaint, handler=handler)
        except RuleBroken as error:
            result.refused.append(Refused(reference, error.detail, error.provision))
        else:
            result.assigned.append(reference)
    return result
