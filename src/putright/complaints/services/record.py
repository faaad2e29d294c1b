"""The record: notes and attachments (5.12)."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from putright.accounts.models import User
from putright.complaints import events, uploads
from putright.complaints.models import (
    Attachment,
    Complaint,
    Note,
)
from putright.complaints.services._checks import (
    _require_can_act,
    _required_text,
)
from putright.errors import InvalidInput

# --- the record ------------------------------------------------------------------------------

_UNSAFE = dict.fromkeys(range(32)) | {
    ord(c): None for c in "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
}


def clean_filename(name: str) -> str:
    """The uploader's name for the file, kept only to show and to offer on download: no path,
    no control or bidirectional characters."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1].translate(_UNSAFE).strip()
    return name[:255] or "document"


@transaction.atomic
def note_add(*, user: User | None, complaint: Complaint, text: str, actor_label: str = "") -> Note:
    """A note on the case. `user` is None when the resident adds information through their link."""
    if user is not None:
        _require_can_act(user, complaint)
    text = _required_text("text", text, "Write the note.")
    note = Note.objects.create(complaint=complaint, text=text, author=user)
    events.note_added_event(
        complaint=complaint,
        user=user,
        note=note,
        actor_label=actor_label or ("resident" if user is None else ""),
    )
    return note


@transaction.atomic
def attachment_add(
    *,
    user: User | None,
    complaint: Complaint,
    uploaded_file,
    description: str = "",
    source: str = "staff",
    actor_label: str = "",
) -> Attachment:
    """Attach a document to the case, within the size and type limits."""
    if user is not None:
        _require_can_act(user, complaint)
    if uploaded_file is None:
        raise InvalidInput({"file": "Choose a file to upload."})
    if not uploaded_file.size:
        raise InvalidInput({"file": "The file is empty."})
    limit = settings.PUTRIGHT_MAX_ATTACHMENT_BYTES
    if uploaded_file.size > limit:
        raise InvalidInput({"file": f"The file must be smaller than {limit // (1024 * 1024)} MB."})
    # The type is the content's, not the client's claim; the name on disk is random.
    checked = uploads.check(uploaded_file)
    attachment = Attachment(
        complaint=complaint,
        original_name=clean_filename(uploaded_file.name),
        content_type=checked.content_type,
        size=uploaded_file.size,
        description=(description or "").strip()[:255],
        source=source,
        uploaded_by=user,
    )
    attachment.file.save(uploads.stored_name(checked.extension), uploaded_file, save=False)
    attachment.save()
    events.attachment_added_event(
        complaint=complaint, user=user, attachment=attachment, actor_label=actor_label
    )
    return attachment
