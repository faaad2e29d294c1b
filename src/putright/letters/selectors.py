"""Reads of letters, templates and inbound mail, with related rows fetched up front."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from putright.letters.models import (
    BrandingVersion,
    InboundMessage,
    InboundStatus,
    Letter,
    LetterKind,
    LetterStatus,
    LetterTemplateVersion,
)


def letters_for(*, complaint) -> QuerySet[Letter]:
    return (
        Letter.objects.filter(complaint=complaint)
        .select_related(
            "complaint",
            "template_version",
            "branding_version",
            "created_by",
            "issued_by",
            "signed_off_by",
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


# --- the letters the Code needs for a case -------------------------------------------------

# Why each letter is owed, in the Code's words, for the case page.
_DUE_BECAUSE = {
    LetterKind.ACKNOWLEDGEMENT: "The complaint was acknowledged: the resident gets the "
    "definition in writing (5.6, 6.1)",
    LetterKind.EXTENSION: "The deadline was extended: the resident is told why, the new date "
    "and the Ombudsman's details (6.5, 6.16)",
    LetterKind.STAGE1_RESPONSE: "The stage 1 response was recorded (6.9)",
    LetterKind.STAGE2_RESPONSE: "The stage 2 response was recorded (6.19)",
    LetterKind.REFUSAL: "The complaint was refused: the resident is told why and of their "
    "right to go to the Ombudsman (2.4)",
    LetterKind.ESCALATION_REFUSAL: "Stage 2 was refused: the resident is told why and of their "
    "right to go to the Ombudsman (2.4)",
}


@dataclass(frozen=True)
class LetterDue:
    """One letter the case's history calls for, and how far it has got."""

    kind: str
    stage: int
    because: str
    issued: Letter | None = None
    draft: Letter | None = None

    @property
    def label(self) -> str:
        return f"{LetterKind(self.kind).label} (stage {self.stage})"

    @property
    def unsent(self) -> bool:
        return self.issued is None


def letters_due(*, complaint) -> list[LetterDue]:
    """The letters the Code needs for this case so far, in the order the steps happened, each
    matched with the letter issued for it (or the draft waiting). One extension letter is due
    for every extension; an issued letter answers one step only, so two extensions with one
    letter leave one unsent."""
    steps: list[tuple[object, str, int]] = []  # (when, kind, stage)
    for stage in complaint.stages.all():
        if stage.acknowledged_on:
            steps.append((stage.acknowledged_on, LetterKind.ACKNOWLEDGEMENT, stage.number))
        for extension in stage.extensions.all():
            steps.append((extension.resident_informed_on, LetterKind.EXTENSION, stage.number))
        if stage.responded_on:
            kind = LetterKind.STAGE1_RESPONSE if stage.number == 1 else LetterKind.STAGE2_RESPONSE
            steps.append((stage.responded_on, kind, stage.number))
    for refusal in complaint.refusals.all():
        kind = LetterKind.REFUSAL if refusal.stage == 1 else LetterKind.ESCALATION_REFUSAL
        steps.append((refusal.decided_on, kind, refusal.stage))
    steps.sort(key=lambda step: (step[0], step[2]))
    letters = list(letters_for(complaint=complaint))
    issued = [x for x in letters if x.status == LetterStatus.ISSUED]
    drafts = [x for x in letters if x.status == LetterStatus.DRAFT]
    due = []
    for _when, kind, number in steps:
        match = next((x for x in issued if x.kind == kind and x.stage == number), None)
        if match is not None:
            issued.remove(match)
            due.append(LetterDue(kind, number, _DUE_BECAUSE[kind], issued=match))
            continue
        draft = next((x for x in reversed(drafts) if x.kind == kind and x.stage == number), None)
        due.append(LetterDue(kind, number, _DUE_BECAUSE[kind], draft=draft))
    return due


def draft_waiting(*, complaint, kind: str, stage: int) -> Letter | None:
    """The newest draft of this kind for this stage, to be written again rather than
    duplicated when the handler comes back to the same step."""
    return (
        letters_for(complaint=complaint)
        .filter(kind=kind, stage=stage, status=LetterStatus.DRAFT)
        .order_by("-created_at", "-pk")
        .first()
    )


def template_preview(*, kind: str, subject: str, body: str, reference: str | None) -> dict:
    """Wording as it would read on a case (UX review M8), without saving it or drafting a
    letter: the case named by `reference`, or the newest complaint. The same sandbox and the
    same context as a draft, so what the preview shows is what a letter would say."""
    from putright.complaints.models import Complaint
    from putright.errors import InvalidInput
    from putright.letters import context, sandbox

    reference = (reference or "").strip().upper()
    complaints = Complaint.objects.order_by("-received_on", "-pk")
    complaint = complaints.filter(reference=reference).first() if reference else complaints.first()
    if complaint is None:
        message = f"No complaint has reference {reference}." if reference else "No complaints yet."
        raise InvalidInput({"reference": message})
    data = context.build(kind, complaint)
    return {
        "complaint": complaint,
        "subject": " ".join(sandbox.render(subject, data, field="subject").split()),
        "body": sandbox.render(body, data),
    }
