"""Revoking a resident's tracking links, one complaint at a time (review finding 17).

The link itself is made and checked in `putright.web.tracking`; what it signs includes
`Complaint.tracking_generation`, so bumping the generation here ends every link already sent for
this complaint, and only for it. The next link made for the complaint (the case page shows it) is
the fresh one to send."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from putright.accounts.models import User
from putright.complaints import events
from putright.complaints.models import Complaint
from putright.complaints.services._checks import MAX_TEXT
from putright.errors import InvalidInput
from putright.rules import access


@transaction.atomic
def tracking_link_revoke(*, user: User, complaint: Complaint, reason: str = "") -> Complaint:
    """End every tracking link sent for this complaint, for example when one reached the wrong
    person. Officers, managers and administrators only: it cuts a resident off from their case."""
    access.require_acts_on_any_case(user, "revoke a resident's tracking link")
    reason = (reason or "").strip()
    if len(reason) > MAX_TEXT:
        raise InvalidInput({"reason": f"Use at most {MAX_TEXT:,} characters."})
    # F(): two revocations at once both count, and neither reuses a generation.
    Complaint.objects.filter(pk=complaint.pk).update(
        tracking_generation=F("tracking_generation") + 1
    )
    complaint.refresh_from_db(fields=["tracking_generation"])
    events.tracking_link_revoked_event(
        complaint=complaint, user=user, generation=complaint.tracking_generation, reason=reason
    )
    return complaint
