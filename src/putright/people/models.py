from django.conf import settings
from django.db import models


class ContactMethod(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"
    LETTER = "letter", "Letter"
    TEXT = "text", "Text message"
    IN_PERSON = "in_person", "In person"


class Tenure(models.TextChoices):
    """The Regulator's two kinds of stock the TSMs are reported for (CH01, CH02, TP09)."""

    LCRA = "lcra", "Low cost rental (LCRA)"
    LCHO = "lcho", "Low cost home ownership (LCHO)"
    UNKNOWN = "unknown", "Not known"


class Resident(models.Model):
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    tenancy_reference = models.CharField(max_length=60, blank=True, db_index=True)
    preferred_contact_method = models.CharField(
        max_length=20, choices=ContactMethod.choices, default=ContactMethod.EMAIL
    )
    # Which stock their home is, so that CH01 and CH02 can be reported per tenure.
    tenure = models.CharField(max_length=10, choices=Tenure.choices, default=Tenure.UNKNOWN)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the retention schedule anonymises the resident (UK GDPR storage limitation).
    anonymised_at = models.DateTimeField(null=True, blank=True)
    # Set when staff merge this duplicate record into another (people.residents.resident_merge):
    # the row stays, so that the record's history still names who it was about.
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged"
    )

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class ConsentMethod(models.TextChoices):
    """How the resident agreed to the representative acting for them (1.3, 3.6)."""

    WRITTEN = "written", "In writing (letter or e-mail)"
    VERBAL = "verbal", "Verbally, to a member of staff"
    FORM = "form", "On the landlord's consent form"
    POWER_OF_ATTORNEY = "power_of_attorney", "Power of attorney"
    DEPUTYSHIP = "deputyship", "Court of Protection deputyship"
    ELECTED_MEMBER = "elected_member", "Resident asked their MP or councillor to act"


def consent_evidence_path(instance: "Representative", filename: str) -> str:
    # The name is random (complaints.uploads.stored_name): nothing the uploader chose is kept.
    return f"people/consent/{filename}"


class Representative(models.Model):
    """Someone acting for a resident: family, an advocate, a councillor, an MP (1.3, 3.6)."""

    name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The resident's consent to being represented: how, when, the evidence and who recorded it.
    consent_method = models.CharField(max_length=20, choices=ConsentMethod.choices, blank=True)
    consent_given_on = models.DateField(null=True, blank=True)
    consent_notes = models.TextField(blank=True)
    consent_evidence = models.FileField(upload_to=consent_evidence_path, blank=True)
    consent_evidence_type = models.CharField(max_length=100, blank=True)
    consent_evidence_name = models.CharField(max_length=255, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    consent_recorded_at = models.DateTimeField(null=True, blank=True)
    # The resident asked for copies of every letter to go to the representative too.
    wants_copies = models.BooleanField(default=False)

    def __str__(self):
        return f"{self.name} ({self.relationship})"

    @property
    def has_consent(self) -> bool:
        return bool(self.consent_method and self.consent_given_on)


class AdjustmentSource(models.TextChoices):
    STAFF = "staff", "Recorded by staff"
    RESIDENT = "resident", "Asked for on the public form"


class ReasonableAdjustment(models.Model):
    """A reasonable adjustment agreed with a resident, and any disability they disclosed (5.10,
    3.1). Kept under active review: each has a review date."""

    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="adjustments")
    description = models.TextField()
    disclosed_disability = models.TextField(blank=True)
    agreed_on = models.DateField()
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    review_on = models.DateField(db_index=True)
    source = models.CharField(
        max_length=20, choices=AdjustmentSource.choices, default=AdjustmentSource.STAFF
    )
    ended_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agreed_on", "pk"]

    def __str__(self):
        return self.description


class ReviewOutcome(models.TextChoices):
    CONTINUE = "continue", "Continues unchanged"
    CHANGED = "changed", "Continues, changed"
    ENDED = "ended", "Ended"


class AdjustmentReview(models.Model):
    adjustment = models.ForeignKey(
        ReasonableAdjustment, on_delete=models.PROTECT, related_name="reviews"
    )
    reviewed_on = models.DateField()
    outcome = models.CharField(max_length=20, choices=ReviewOutcome.choices)
    notes = models.TextField(blank=True)
    next_review_on = models.DateField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["reviewed_on", "pk"]


class RiskKind(models.TextChoices):
    HEALTH_SAFETY = "health_safety", "Risk to health or safety"
    VULNERABILITY = "vulnerability", "Resident vulnerable"
    DISREPAIR = "disrepair", "Serious disrepair (e.g. damp and mould)"
    SAFEGUARDING = "safeguarding", "Safeguarding concern"
    OTHER = "other", "Other"


class VulnerabilityFlag(models.Model):
    """Marks a complaint for early attention (6.1): it rises to the top of the handler's queue
    until the flag is cleared."""

    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.PROTECT, related_name="vulnerability_flags"
    )
    kind = models.CharField(max_length=20, choices=RiskKind.choices)
    reason = models.TextField()
    raised_on = models.DateField()
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    cleared_on = models.DateField(null=True, blank=True)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["raised_on", "pk"]


class Restriction(models.Model):
    """A restriction on contact because of unacceptable behaviour (5.14, 5.15). It restricts how
    the resident may contact the landlord; it never stops their complaint being handled."""

    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="restrictions")
    behaviour = models.TextField()
    evidence = models.TextField(blank=True)
    restriction = models.TextField(help_text="What contact is restricted, and how.")
    equality_considered = models.BooleanField()
    equality_notes = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    decided_on = models.DateField()
    resident_told_on = models.DateField()
    review_on = models.DateField(db_index=True)
    ends_on = models.DateField(null=True, blank=True)
    lifted_on = models.DateField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    lifted_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decided_on", "pk"]
        constraints = [
            # 5.15: a restriction without regard to the Equality Act is never stored.
            models.CheckConstraint(
                condition=models.Q(equality_considered=True), name="restriction_equality_considered"
            ),
        ]

    def is_active_on(self, day) -> bool:
        return (
            self.lifted_on is None
            and self.decided_on <= day
            and (self.ends_on is None or self.ends_on >= day)
        )


class RestrictionReview(models.Model):
    restriction = models.ForeignKey(Restriction, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField()
    outcome = models.CharField(max_length=20, choices=ReviewOutcome.choices)
    reasons = models.TextField()
    next_review_on = models.DateField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["reviewed_on", "pk"]


class UpdateAgreement(models.Model):
    """The interval agreed with the resident for updates while a response is late (5.9), or
    while outstanding actions are done after the response (6.6, 6.17)."""

    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.PROTECT, related_name="update_agreements"
    )
    stage = models.PositiveSmallIntegerField()
    interval_working_days = models.PositiveSmallIntegerField()
    agreed_on = models.DateField()
    method = models.CharField(max_length=20, choices=ContactMethod.choices)
    notes = models.TextField(blank=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    ended_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agreed_on", "pk"]


class ResidentUpdate(models.Model):
    """An update given to the resident, on the complaint or on one outstanding action."""

    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.PROTECT, related_name="resident_updates"
    )
    action = models.ForeignKey(
        "complaints.OutstandingAction",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="resident_updates",
    )
    given_on = models.DateField()
    method = models.CharField(max_length=20, choices=ContactMethod.choices)
    summary = models.TextField()
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["given_on", "pk"]
