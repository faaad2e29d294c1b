"""Inbound e-mail: each received message stored once, on its case when the subject names the
reference or it answers one of our letters (thread), otherwise as new contact to triage; its
attachments kept on the case (5.12). `putright ingest-mail` and the triage page call these."""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from putright.accounts.models import User
from putright.complaints import events
from putright.complaints import services as complaint_services
from putright.complaints.models import Complaint
from putright.errors import InvalidInput, RuleBroken
from putright.letters import mail
from putright.letters.access import LetterEvent
from putright.letters.access import require_can_act as _require_can_act
from putright.letters.models import (
    InboundAttachment,
    InboundMessage,
    InboundStatus,
    Letter,
)


def _match(parsed: mail.ParsedMessage) -> tuple[Complaint | None, str]:
    for reference in parsed.references_in_subject:
        complaint = Complaint.objects.filter(reference=reference).first()
        if complaint is not None:
            return complaint, "reference"
    thread = parsed.thread_ids
    if thread:
        letter = Letter.objects.filter(message_id__in=thread).select_related("complaint").first()
        if letter is not None:
            return letter.complaint, "thread"
        earlier = (
            InboundMessage.objects.filter(message_id__in=thread, complaint__isnull=False)
            .select_related("complaint")
            .first()
        )
        if earlier is not None:
            return earlier.complaint, "thread"
    return None, ""


def inbound_ingest(*, raw: bytes) -> tuple[InboundMessage, bool]:
    """Store one received e-mail on its case, or as new contact to triage. Returns (message,
    created); a message already stored (same Message-ID) is not stored again."""
    parsed = mail.parse(raw)
    existing = InboundMessage.objects.filter(message_id=parsed.message_id).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return _inbound_store(parsed, raw), True
    except IntegrityError:  # stored by a concurrent run
        return InboundMessage.objects.get(message_id=parsed.message_id), False


def _inbound_store(parsed: mail.ParsedMessage, raw: bytes) -> InboundMessage:
    complaint, matched_by = _match(parsed)
    message = InboundMessage(
        message_id=parsed.message_id,
        complaint=complaint,
        status=InboundStatus.FILED if complaint else InboundStatus.TO_TRIAGE,
        matched_by=matched_by,
        from_address=parsed.from_address[:254],
        from_name=parsed.from_name[:200],
        to=", ".join(parsed.to),
        subject=parsed.subject[:500],
        sent_at=parsed.date,
        in_reply_to=parsed.in_reply_to[:255],
        references=" ".join(parsed.references),
        text=parsed.text,
        html=parsed.html,
    )
    digest = hashlib.sha256(raw).hexdigest()[:16]
    message.raw.save(f"{digest}.eml", ContentFile(raw), save=False)
    message.save()
    for item in parsed.attachments:
        attachment = InboundAttachment(
            message=message,
            filename=item.filename[:255],
            content_type=item.content_type[:100],
            size=len(item.payload),
        )
        attachment.file.save(item.filename or "attachment", ContentFile(item.payload), save=False)
        attachment.save()
    if complaint is not None:
        _file_on_case(message, complaint, actor_label="mail", user=None)
    else:  # new contact: the detector may hear dissatisfaction in it (1.3)
        from putright.insight.services import flag_inbound_message

        flag_inbound_message(message)
    return message


def _file_on_case(message: InboundMessage, complaint: Complaint, *, actor_label, user) -> None:
    copied = 0
    for attachment in message.attachments.all():
        try:
            with transaction.atomic():
                with attachment.file.open("rb") as handle:
                    upload = SimpleUploadedFile(
                        attachment.filename, handle.read(), attachment.content_type
                    )
                case_attachment = complaint_services.attachment_add(
                    user=user,
                    complaint=complaint,
                    uploaded_file=upload,
                    description=f"E-mail from {message.from_address}: {message.subject}"[:255],
                    source="email",
                    actor_label=actor_label,
                )
        except InvalidInput:
            continue  # a type or size the case does not accept: kept with the message only
        attachment.case_attachment = case_attachment
        attachment.save(update_fields=["case_attachment"])
        copied += 1
    events.record(
        type=LetterEvent.EMAIL_RECEIVED,
        complaint=complaint,
        user=user,
        actor_label=actor_label if user is None else "",
        message=message.pk,
        from_address=message.from_address,
        subject=message.subject,
        matched_by=message.matched_by,
        attachments=message.attachments.count(),
        attachments_filed=copied,
    )


@transaction.atomic
def inbound_file(*, user: User, message: InboundMessage, complaint: Complaint) -> InboundMessage:
    """Triage: file a message that matched no case on the case it belongs to."""
    _require_can_act(user, complaint)
    message = InboundMessage.objects.select_for_update().get(pk=message.pk)
    if message.complaint_id is not None:
        raise RuleBroken(
            "already_filed", f"This message is already filed on {message.complaint.reference}."
        )
    message.complaint = complaint
    message.status = InboundStatus.FILED
    message.matched_by = "staff"
    message.save(update_fields=["complaint", "status", "matched_by"])
    _file_on_case(message, complaint, actor_label="", user=user)
    return message
