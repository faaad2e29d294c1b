"""Sending the resident their reference and tracking link by the contact method they chose."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from putright.complaints import events
from putright.complaints.models import Complaint
from putright.landlord.selectors import landlord_settings
from putright.notifications.backends import Notification, backend_for

log = logging.getLogger(__name__)

TRACKING_LINK_SENT = "tracking_link_sent"
TRACKING_LINK_NOT_SENT = "tracking_link_not_sent"


def site_url(path: str) -> str:
    return settings.PUTRIGHT_SITE_URL.rstrip("/") + path


def tracking_address() -> str:
    """The short address printed on letters: the reference and a postcode or e-mail address
    open the case there."""
    return site_url(reverse("web:track-find"))


def tracking_link(complaint: Complaint) -> str:
    """The resident's private signed link, in full."""
    from putright.web.tracking import tracking_path

    return site_url(tracking_path(complaint))


def _acknowledge_by(complaint: Complaint) -> str:
    # The date the case's own deadline gives (the Code version it was received under, the
    # landlord's closure days), not a number written here.
    stage = complaint.current_stage
    if stage is None or stage.acknowledge_by is None:
        return "We will acknowledge your complaint soon."
    return f"We will acknowledge your complaint by {stage.acknowledge_by:%A %-d %B %Y}."


def _message(complaint: Complaint, channel: str, to: str) -> Notification:
    landlord = landlord_settings()
    reference = complaint.reference
    if channel == "email":
        body = (
            f"Dear {complaint.resident.name},\n\n"
            f"Thank you for your complaint. Your reference is {reference}.\n\n"
            "Follow your complaint, read our letters, add information or ask for stage 2 "
            f"through this private link:\n{tracking_link(complaint)}\n\n"
            "Keep it safe: anyone with the link can see your complaint. If you lose it, go to "
            f"{tracking_address()} and enter your reference with your postcode or email "
            "address.\n\n"
            f"{_acknowledge_by(complaint)}\n\n{landlord.name}\n"
            f"{landlord.complaints_phone} {landlord.complaints_email}\n"
        )
    else:
        # A text message is short: the link and the reference.
        body = f"{landlord.name}: complaint {reference} received. Follow it: " + tracking_link(
            complaint
        )
    return Notification(
        channel=channel,
        to=to,
        subject=f"Your complaint {reference}: how to follow it",
        body=body,
        reply_to=landlord.complaints_email,
    )


def _route(complaint: Complaint) -> tuple[str, str] | tuple[None, str]:
    """(channel, address), or (None, why not) when no message can go automatically."""
    # The public form and the staff form keep the contact details on the resident, also when a
    # representative complains for them.
    resident = complaint.resident
    method = resident.preferred_contact_method
    email, phone = resident.email.strip(), resident.phone.strip()
    if method == "text" and phone and backend_for("text") is not None:
        return "text", phone
    if method in ("email", "text") and email and backend_for("email") is not None:
        # No text message service configured: the e-mail address we have, if any.
        return "email", email
    if method == "letter":
        return None, (
            "The resident asked for letters: the acknowledgement letter gives the reference "
            "and the tracking address."
        )
    if method in ("phone", "in_person"):
        return None, (
            "The resident asked to be phoned or seen: tell them their reference and the "
            "tracking address."
        )
    return None, "No address the configured notification services can reach."


def tracking_link_send(*, complaint_id: int) -> str:
    """Send the resident their reference and link once, by the method they chose, and record
    the outcome on the case: "sent", "not_sent" (no automatic way) or "failed"."""
    complaint = Complaint.objects.select_related("resident", "representative").get(pk=complaint_id)
    if complaint.events.filter(type=TRACKING_LINK_SENT).exists():
        return "sent"  # a retried task sends nothing twice
    channel, to = _route(complaint)
    if channel is None:
        with transaction.atomic():
            events.record(
                type=TRACKING_LINK_NOT_SENT, complaint=complaint, actor_label="system", why=to
            )
        return "not_sent"
    try:
        backend_for(channel).send(_message(complaint, channel, to))
    except Exception as error:  # any transport failure: record it on the case, never raise
        log.warning("Sending the tracking link for %s failed: %s", complaint.reference, error)
        with transaction.atomic():
            events.record(
                type=TRACKING_LINK_NOT_SENT,
                complaint=complaint,
                actor_label="system",
                why=f"Sending failed: {type(error).__name__}",
            )
        return "failed"
    with transaction.atomic():
        events.record(
            type=TRACKING_LINK_SENT,
            complaint=complaint,
            actor_label="system",
            channel=channel,  # not the address: the resident's record holds that
        )
    return "sent"
