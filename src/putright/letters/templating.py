"""Letter templates and branding: the versions the officer edits, each change a new version
(the old one kept, so an issued letter shows what it was made from). letters.services drafts
letters from them."""

from __future__ import annotations

from importlib import resources

from django.db import IntegrityError, transaction

from putright import text
from putright.accounts.models import User
from putright.errors import InvalidInput, NotPermitted
from putright.letters import sandbox
from putright.letters.models import BrandingVersion, LetterKind, LetterTemplateVersion

DEFAULT_SUBJECTS = {
    LetterKind.ACKNOWLEDGEMENT: "We have received your complaint ({{ stage.name }})",
    LetterKind.EXTENSION: "We need more time to respond to your complaint",
    LetterKind.REFUSAL: "Our decision not to take your complaint forward",
    LetterKind.ESCALATION_REFUSAL: "Our decision not to escalate your complaint to stage 2",
    LetterKind.STAGE1_RESPONSE: "Our stage 1 response to your complaint",
    LetterKind.STAGE2_RESPONSE: "Our stage 2 (final) response to your complaint",
}

LOGO_TYPES = {"image/png", "image/jpeg", "image/gif"}
MAX_LOGO_BYTES = 1024 * 1024


# --- permissions -----------------------------------------------------------------------------


def _require_template_editor(user: User | None) -> None:
    if (
        user is None
        or not user.is_authenticated
        or not (user.acts_on_any_case or user.manages_settings)
    ):
        raise NotPermitted(
            "Only the complaints officer, a manager or an administrator can edit letter templates."
        )


def _kind(kind) -> LetterKind:
    try:
        return LetterKind(kind)
    except ValueError:
        raise InvalidInput({"kind": f"Choose one of: {', '.join(LetterKind.values)}."}) from None


# --- templates and branding ------------------------------------------------------------------


def default_template_body(kind: str) -> str:
    return (
        resources.files("putright.letters")
        .joinpath("default_templates", f"{kind}.txt")
        .read_text(encoding="utf-8")
    )


def template_current(kind: str) -> LetterTemplateVersion:
    """The newest wording for a kind; the first time, Putright's own wording as version 1."""
    kind = _kind(kind)
    current = LetterTemplateVersion.objects.filter(kind=kind).order_by("-version").first()
    if current is not None:
        return current
    try:
        with transaction.atomic():
            return LetterTemplateVersion.objects.create(
                kind=kind,
                version=1,
                subject=DEFAULT_SUBJECTS[kind],
                body=default_template_body(kind),
            )
    except IntegrityError:  # made by a concurrent request
        return LetterTemplateVersion.objects.get(kind=kind, version=1)


@transaction.atomic
def template_edit(*, user: User, kind: str, subject: str, body: str) -> LetterTemplateVersion:
    """Save the landlord's wording as a new version. Letters already issued keep theirs."""
    _require_template_editor(user)
    kind = _kind(kind)
    errors = {}
    subject = text.bounded("subject", subject, text.LINE)
    body = text.bounded("body", body, text.LETTER).strip() + "\n"
    if not subject:
        errors["subject"] = ["Write the subject line."]
    if not body.strip():
        errors["body"] = ["Write the letter."]
    for field, source in (("subject", subject), ("body", body)):
        if field in errors:
            continue
        try:
            sandbox.compile_template(source, field=field)
        except InvalidInput as error:
            errors.update(error.errors)
    if errors:
        raise InvalidInput(errors)
    current = template_current(kind)
    # Lock the kind's newest row so that two editors cannot both make the same version.
    LetterTemplateVersion.objects.select_for_update().filter(pk=current.pk).exists()
    return LetterTemplateVersion.objects.create(
        kind=kind, version=current.version + 1, subject=subject, body=body, created_by=user
    )


def branding_current() -> BrandingVersion | None:
    return BrandingVersion.objects.order_by("-version").first()


@transaction.atomic
def branding_edit(
    *,
    user: User,
    address: str = "",
    signature: str = "",
    footer: str = "",
    logo=None,
    remove_logo: bool = False,
) -> BrandingVersion:
    """A new version of the letterhead. Without a new logo the current one is kept."""
    _require_template_editor(user)
    current = branding_current()
    branding = BrandingVersion(
        version=(current.version + 1) if current else 1,
        address=text.bounded("address", address, text.ADDRESS).strip(),
        signature=text.bounded("signature", signature, text.TEXT).strip(),
        footer=text.bounded("footer", footer, text.TEXT).strip(),
        created_by=user,
    )
    if logo is not None:
        content_type = (getattr(logo, "content_type", "") or "").split(";")[0].strip()
        if content_type not in LOGO_TYPES:
            raise InvalidInput({"logo": "The logo must be a PNG, JPEG or GIF image."})
        if logo.size > MAX_LOGO_BYTES:
            raise InvalidInput({"logo": "The logo must be smaller than 1 MB."})
        branding.logo_content_type = content_type
        branding.logo.save(logo.name, logo, save=False)
    elif current is not None and current.logo and not remove_logo:
        branding.logo = current.logo.name
        branding.logo_content_type = current.logo_content_type
    branding.save()
    return branding
