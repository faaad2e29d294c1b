"""Reading a received e-mail: who sent it, which case it names, which thread it continues.

Parsing is imap-tools' (the same parser for IMAP and for .eml files); matching rules are here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from imap_tools import MailMessage

REFERENCE_RE = re.compile(r"\bCMP-\d{6}\b", re.IGNORECASE)
MESSAGE_ID_RE = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True)
class ParsedAttachment:
    filename: str
    content_type: str
    payload: bytes


@dataclass(frozen=True)
class ParsedMessage:
    message_id: str
    subject: str
    from_address: str
    from_name: str
    to: tuple[str, ...]
    date: dt.datetime | None
    in_reply_to: str
    references: tuple[str, ...]
    text: str
    html: str
    attachments: tuple[ParsedAttachment, ...] = field(default=())

    @property
    def references_in_subject(self) -> list[str]:
        return [match.upper() for match in REFERENCE_RE.findall(self.subject)]

    @property
    def thread_ids(self) -> list[str]:
        """The messages this one answers, nearest first."""
        ids = MESSAGE_ID_RE.findall(self.in_reply_to) + list(reversed(self.references))
        return list(dict.fromkeys(ids))


def _header(message: MailMessage, name: str) -> str:
    values = message.headers.get(name.lower(), ())
    return " ".join(" ".join(v.split()) for v in values).strip()


def parse(raw: bytes) -> ParsedMessage:
    message = MailMessage.from_bytes(raw)
    message_id = (MESSAGE_ID_RE.findall(_header(message, "Message-ID")) or [""])[0]
    if not message_id:
        # No Message-ID: the message's own digest keeps a second run from storing it again.
        message_id = f"<sha256-{hashlib.sha256(raw).hexdigest()}@putright.invalid>"
    sender = message.from_values
    date = message.date
    if date is not None and (date.year < 1971 or date.tzinfo is None):
        date = None  # imap-tools gives 1900-01-01 for a missing or unreadable Date header
    return ParsedMessage(
        message_id=message_id,
        subject=" ".join((message.subject or "").split()),
        from_address=(sender.email if sender else message.from_) or "",
        from_name=(sender.name if sender else "") or "",
        to=tuple(message.to),
        date=date,
        in_reply_to=_header(message, "In-Reply-To"),
        references=tuple(MESSAGE_ID_RE.findall(_header(message, "References"))),
        text=message.text or "",
        html=message.html or "",
        attachments=tuple(
            ParsedAttachment(
                filename=attachment.filename or "attachment",
                content_type=(attachment.content_type or "application/octet-stream").lower(),
                payload=attachment.payload or b"",
            )
            for attachment in message.attachments
        ),
    )
