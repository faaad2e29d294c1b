"""The backend protocol and the e-mail backend."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Notification:
    channel: str  # a people.ContactMethod value: "email", "text", ...
    to: str  # the address or number on that channel
    subject: str
    body: str
    reply_to: str = ""


class Backend(Protocol):
    channels: frozenset[str]

    def send(self, notification: Notification) -> None:
        """Send it, or raise: the caller records the failure on the case."""


class EmailBackend:
    """Through Django's e-mail (EMAIL_BACKEND: SMTP in production, files in development)."""

    channels = frozenset({"email"})

    def send(self, notification: Notification) -> None:
        EmailMessage(
            subject=notification.subject,
            body=notification.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[notification.to],
            reply_to=[notification.reply_to] if notification.reply_to else None,
        ).send(fail_silently=False)


def backend_for(channel: str) -> Backend | None:
    """The first configured backend that carries this channel, or None."""
    for path in settings.PUTRIGHT_NOTIFICATION_BACKENDS:
        backend = import_string(path)()
        if channel in backend.channels:
            return backend
    return None
