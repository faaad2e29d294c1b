"""Letters to residents, the landlord's versioned wording and branding, and inbound e-mail.

An issued letter is part of the case's full record (5.12): its HTML and PDF are stored once and
never changed; only its delivery state moves afterwards.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class LetterKind(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", "Acknowledgement"
    EXTENSION = "extension", "Extension"
    REFUSAL = "refusal", "Refusal to accept a complaint"
    ESCALATION_REFUSAL = "escalation_refusal", "Refusal to escalate a complaint"
    STAGE1_RESPONSE = "stage1_response", "Stage 1 response"
    STAGE2_RESPONSE = "stage2_response", "Stage 2 response"


class LetterTemplateVersion(models.Model):
    """One version of the landlord's wording for a kind of letter. Every edit is a new row; the
    newest is used for new drafts, and each issued letter records the one it was drafted from."""

    kind = models.CharField(max_length=30, choices=LetterKind.choices)
    version = models.PositiveIntegerField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "version"], name="one_template_version_each")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} v{self.version}"


def logo_path(instance: "BrandingVersion", filename: str) -> str:
    return f"letters/branding/v{instance.version}-{filename}"


class BrandingVersion(models.Model):
    """The landlord's letterhead: logo, address and signature. Versioned like the wording."""

    version = models.PositiveIntegerField(unique=True)
    logo = models.FileField(upload_to=logo_path, blank=True)
    logo_content_type = models.CharField(max_length=50, blank=True)
    address = models.TextField(blank=True)
    signature = models.TextField(
        blank=True, help_text="Printed under the handler's name, e.g. 'Complaints Team'."
    )
    footer = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]

    def __str__(self):
        return f"Branding v{self.version}"


class LetterStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ISSUED = "issued", "Issued"


class Delivery(models.TextChoices):
    EMAIL = "email", "E-mail"
    POST = "post", "Post"


class SendStatus(models.TextChoices):
    NOT_SENT = "", "Not sent"
    QUEUED = "queued", "Queued to send"
    SENT = "sent", "Sent"
    RETRYING = "retrying", "Failed; will retry"
    FAILED = "failed", "Failed"
    FOR_POST = "for_post", "Marked for post"


def letter_pdf_path(instance: "Letter", filename: str) -> str:
    return f"letters/{instance.complaint.reference}/{filename}"


# Fields that may still change after a letter is issued: how it reached the resident.
DELIVERY_FIELDS = frozenset(
    {"send_status", "send_attempts", "last_error", "sent_at", "recipient", "delivery", "copies"}
)

RESPONSE_KINDS = ("stage1_response", "stage2_response")


class Letter(models.Model):
    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.PROTECT, related_name="letters"
    )
    kind = models.CharField(max_length=30, choices=LetterKind.choices)
    stage = models.PositiveSmallIntegerField()
    status = models.CharField(
        max_length=10, choices=LetterStatus.choices, default=LetterStatus.DRAFT, db_index=True
    )
    subject = models.CharField(max_length=200)
    # Plain text: blank lines separate paragraphs, "- " starts a list item, "## " a heading.
    body = models.TextField()
    # The plain dict the template saw: what the case said when the draft was made or refreshed.
    context = models.JSONField(default=dict)
    template_version = models.ForeignKey(
        LetterTemplateVersion, on_delete=models.PROTECT, related_name="letters"
    )
    branding_version = models.ForeignKey(
        BrandingVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="letters"
    )
    readability = models.FloatField(null=True, blank=True)  # Flesch reading ease of the body
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    html = models.TextField(blank=True)
    pdf = models.FileField(upload_to=letter_pdf_path, blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    # Our Message-ID on the e-mail, so that a reply's In-Reply-To finds the case.
    message_id = models.CharField(max_length=255, blank=True, db_index=True)
    delivery = models.CharField(max_length=10, choices=Delivery.choices, blank=True)
    recipient = models.CharField(max_length=254, blank=True)
    send_status = models.CharField(
        max_length=10, choices=SendStatus.choices, blank=True, default=SendStatus.NOT_SENT
    )
    send_attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Whoever last changed the draft's words: with the drafter, an author who may not sign it off.
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Everyone who changed the draft (user ids), not only the last: each is an author, and no
    # author signs the letter off (6.7).
    editors = models.JSONField(default=list, blank=True)
    # Review and sign-off of a response letter (6.7, 6.9, 6.19); void again if the draft changes.
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    sign_off_note = models.TextField(blank=True)
    # Whether the landlord required sign-off for this stage when the letter was issued.
    sign_off_required = models.BooleanField(default=False)
    # Copies sent at the resident's request (3.6): [{"name", "relationship", "delivery",
    # "recipient"}], one per person besides the resident.
    copies = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.complaint_id}: {self.get_kind_display()} ({self.status})"

    def save(self, *args, **kwargs):
        # An issued letter is part of the record (5.12): only its delivery state may move.
        if getattr(self, "_issued_when_loaded", False):
            update_fields = kwargs.get("update_fields")
            if update_fields is None or not set(update_fields) <= DELIVERY_FIELDS:
                raise PermissionError("An issued letter cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.status == LetterStatus.ISSUED:
            raise PermissionError("An issued letter cannot be deleted.")
        return super().delete(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._issued_when_loaded = instance.status == LetterStatus.ISSUED
        return instance

    @property
    def authors(self) -> set[int]:
        named = {self.created_by_id, self.edited_by_id, *(self.editors or [])}
        return {pk for pk in named if pk is not None}


class InboundStatus(models.TextChoices):
    FILED = "filed", "Filed on a case"
    TO_TRIAGE = "to_triage", "New contact to triage"


def inbound_path(instance, filename: str) -> str:
    return f"mail/{timezone.now():%Y/%m}/{filename}"


class InboundMessage(models.Model):
    """An e-mail received: filed on the case it belongs to, or new contact to triage."""

    # The Message-ID header (or a digest of the message when it has none): never stored twice.
    message_id = models.CharField(max_length=255, unique=True)
    complaint = models.ForeignKey(
        "complaints.Complaint",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inbound_messages",
    )
    status = models.CharField(max_length=12, choices=InboundStatus.choices, db_index=True)
    matched_by = models.CharField(max_length=20, blank=True)  # "reference", "thread", "staff"
    from_address = models.CharField(max_length=254)
    from_name = models.CharField(max_length=200, blank=True)
    to = models.TextField(blank=True)
    subject = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    in_reply_to = models.CharField(max_length=255, blank=True)
    references = models.TextField(blank=True)
    text = models.TextField(blank=True)
    html = models.TextField(blank=True)
    raw = models.FileField(upload_to=inbound_path)

    class Meta:
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return f"{self.from_address}: {self.subject}"


class InboundAttachment(models.Model):
    message = models.ForeignKey(
        InboundMessage, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to="mail/attachments/")
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    # The copy filed on the case, when the type is one the case accepts.
    case_attachment = models.OneToOneField(
        "complaints.Attachment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inbound",
    )

    class Meta:
        ordering = ["pk"]


class SignOffSetting(models.Model):
    """Whether a response letter at a stage must be reviewed and signed off before it is issued,
    and which roles may sign off (6.7, 6.9, 6.19). One row per stage; no row means not required.
    Kept with the letters rather than the landlord's settings: it governs letters alone."""

    stage = models.PositiveSmallIntegerField(unique=True)
    required = models.BooleanField(default=False)
    roles = models.JSONField(default=list, blank=True)  # accounts.Role values
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["stage"]


class FindingsShared(models.Model):
    """The findings of an investigation shared with the resident before the final decision, for
    their comment: when and how they were shared, the date to comment by, and what came back (the
    comment, or a record that none came by that date)."""

    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.PROTECT, related_name="findings_shared"
    )
    stage = models.PositiveSmallIntegerField()
    shared_on = models.DateField()
    method = models.CharField(max_length=20)  # people.ContactMethod
    summary = models.TextField()
    comment_by = models.DateField()
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    comment = models.TextField(blank=True)
    commented_on = models.DateField(null=True, blank=True)
    no_comment_on = models.DateField(null=True, blank=True)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["shared_on", "pk"]

    @property
    def answered(self) -> bool:
        return self.commented_on is not None or self.no_comment_on is not None
