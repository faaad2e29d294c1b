"""Reads of letters, templates and inbound mail, with related rows fetched up front."""

from __future__ import annotations

from django.db.models import QuerySet

from putright.letters.models import (
    BrandingVersion,
    InboundMessage,
    InboundStatus,
    Letter,
    LetterTemplateVersion,
)


def letters_for(*, complaint) -> QuerySet[Letter]:
    return (
        Letter.objects.filter(complaint=complaint)
        .select_related(
            "complaint", "template_version", "branding_version", "created_by", "issued_by"
        )
        .order_by("created_at", "pk")
    )


def letter_get(*, complaint, letter_id) -> Letter:
    return letters_for(complaint=complaint).get(pk=letter_id)


def template_versions(*, kind: str) -> QuerySet[LetterTemplateVersion]:
    return LetterTemplateVersion.objects.filter(kind=kind).select_related("created_by")


def branding_versions() -> QuerySet[BrandingVersion]:
    return BrandingVersion.objects.select_related("created_by")


def inbound_to_triage() -> QuerySet[InboundMessage]:
    return InboundMessage.objects.filter(status=InboundStatus.TO_TRIAGE).prefetch_related(
        "attachments"
    )


def inbound_for(*, complaint) -> QuerySet[InboundMessage]:
    return InboundMessage.objects.filter(complaint=complaint).prefetch_related("attachments")
