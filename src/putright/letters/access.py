"""Who may write letters on a case, and the events letters add to its record."""

from __future__ import annotations

from putright.accounts.models import User
from putright.complaints import services as complaint_services
from putright.complaints.models import Complaint
from putright.errors import NotPermitted


class LetterEvent:
    ISSUED = "letter_issued"
    SENT = "letter_sent"
    SEND_FAILED = "letter_send_failed"
    MARKED_FOR_POST = "letter_marked_for_post"
    EMAIL_RECEIVED = "email_received"
    SIGNED_OFF = "letter_signed_off"
    SIGN_OFF_VOIDED = "letter_sign_off_voided"
    FINDINGS_SHARED = "findings_shared"
    FINDINGS_COMMENTED = "findings_commented"
    FINDINGS_NO_COMMENT = "findings_no_comment"


def require_can_act(user: User | None, complaint: Complaint) -> None:
    if user is None or not user.is_authenticated:
        raise NotPermitted("Sign in to write letters.")
    if not user.can_change_cases:
        raise NotPermitted("Governance users can read letters but not write them.")
    if not complaint_services.user_can_act_on(user, complaint):
        raise NotPermitted(
            f"{complaint.reference} is assigned to another handler; only they, the complaints "
            "officer or a manager can write its letters."
        )
