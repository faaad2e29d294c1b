"""6.8: a related issue raised before the stage 1 response joins that response; after it, or
when joining would unreasonably delay the response, it is a new complaint linked to the first.

Only the same resident, or a member of the same group, can add to an open case: another
resident's complaint is always their own case, linked. A related issue is dated on or after the
case's receipt, and the stage 1 response letter must address every related issue (a letter
element, checked like 6.9).
"""

from __future__ import annotations

import datetime as dt

from putright.complaints.models import Complaint
from putright.complaints.workflow import Action, Status, check
from putright.errors import InvalidInput


def same_party(complaint: Complaint, resident) -> bool:
    """True when `resident` is the complaint's resident or one of its group."""
    if resident is None:
        return False
    if resident.pk == complaint.resident_id:
        return True
    return complaint.co_complainants.filter(pk=resident.pk).exists()


def joins(complaint: Complaint, *, resident, separate_reason: str) -> bool:
    """Whether a related issue joins `complaint` (6.8) rather than becoming a linked complaint."""
    if separate_reason:
        return False
    if check(Status(complaint.status), complaint.stage, Action.ADD_RELATED) is not None:
        return False
    return same_party(complaint, resident)


def check_date(complaint: Complaint, received_on: dt.date) -> None:
    if received_on < complaint.received_on:
        raise InvalidInput(
            {
                "received_on": "A related issue cannot be dated before the complaint it relates "
                f"to ({complaint.reference}, received {complaint.received_on.isoformat()})."
            }
        )
