"""The complaint case: stages, extensions, refusals, remedies, actions, and its full record."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from putright.complaints.workflow import Status


class Channel(models.TextChoices):
    WEB = "web", "Web form"
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"
    LETTER = "letter", "Letter"
    IN_PERSON = "in_person", "In person"
    SOCIAL_MEDIA = "social_media", "Social media"
    OTHER = "other", "Other"


class Category(models.TextChoices):
    REPAIRS = "repairs", "Repairs and maintenance"
    DAMP_MOULD = "damp_mould", "Damp and mould"
    ANTISOCIAL_BEHAVIOUR = "antisocial_behaviour", "Anti-social behaviour"
    STAFF_CONDUCT = "staff_conduct", "Staff conduct"
    COMMUNICATION = "communication", "Communication"
    RENT_CHARGES = "rent_charges", "Rent and service charges"
    ESTATE_SERVICES = "estate_services", "Estate services and cleaning"
    ALLOCATIONS = "allocations", "Allocations and lettings"
    COMPLAINT_HANDLING = "complaint_handling", "Complaint handling"
    OTHER = "other", "Other"


class Decision(models.TextChoices):
    UPHELD = "upheld", "Upheld"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"


class RefusalReason(models.TextChoices):
    # Section 2: the grounds on which a landlord may decline a complaint.
    OVER_12_MONTHS = "over_12_months", "The issue arose more than 12 months ago (2.3)"
    LEGAL_PROCEEDINGS = "legal_proceedings", "Legal proceedings have started (2.3)"
    PREVIOUSLY_CONSIDERED = (
        "previously_considered",
        "The matter was previously considered under the complaints policy (2.3)",
    )
    # Only for a request for stage 2 made after the window the landlord's policy sets (5.11).
    ESCALATION_WINDOW = (
        "escalation_window",
        "Stage 2 was asked for after the time the complaints policy allows (5.11)",
    )
    OTHER = "other", "Another reason, explained (2.1)"


class RemedyType(models.TextChoices):
    APOLOGY = "apology", "Apology"
    EXPLANATION = "explanation", "Explanation"
    ACTION = "action", "Action taken"
    DECISION_CHANGED = "decision_changed", "Decision changed"
    RECORD_CORRECTED = "record_corrected", "Record corrected"
    FINANCIAL = "financial", "Financial remedy"
    POLICY_CHANGE = "policy_change", "Policy or procedure changed"


class Complaint(models.Model):
    reference = models.CharField(max_length=20, unique=True)
    resident = models.ForeignKey(
        "people.Resident", on_delete=models.PROTECT, related_name="complaints"
    )
    # Further residents where a group complains together.
    co_complainants = models.ManyToManyField(
        "people.Resident", blank=True, related_name="group_complaints"
    )
    representative = models.ForeignKey(
        "people.Representative",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
    )
    received_on = models.DateField(db_index=True)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    description = models.TextField()
    outcome_wanted = models.TextField(blank=True)
    category = models.CharField(max_length=30, choices=Category.choices, default=Category.OTHER)
    service_area = models.CharField(max_length=100, blank=True)
    issue_date = models.DateField(null=True, blank=True)
    # 2.3: the 12 months run from the later of the issue and the resident becoming aware of it.
    aware_on = models.DateField(null=True, blank=True)
    # 2.3: a landlord may accept a complaint about an issue older than 12 months.
    discretion_applied = models.BooleanField(default=False)
    status = models.CharField(
        max_length=30,
        choices=[(s.value, s.value.replace("_", " ")) for s in Status],
        default=Status.AWAITING_ACKNOWLEDGEMENT,
        db_index=True,
    )
    stage = models.PositiveSmallIntegerField(default=1, db_index=True)
    code_version = models.CharField(max_length=10)
    service_request = models.ForeignKey(
        "complaints.ServiceRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
    )
    # A related complaint made after the stage 1 response is a new complaint that refers back
    # to the first (6.8).
    related_to = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="related"
    )
    # Why a related issue raised before the stage 1 response is its own complaint: it is
    # another resident's, or joining would unreasonably delay the response (6.8).
    related_reason = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)
    # Signed into the resident's tracking link; revoking the link bumps it, so that the links
    # already sent for this complaint stop working and no other complaint's do (finding 17).
    tracking_generation = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["status", "stage"])]

    def __str__(self):
        return self.reference

    @property
    def current_stage(self) -> "Stage | None":
        return next((s for s in self.stages.all() if s.number == self.stage), None)


class Stage(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="stages")
    number = models.PositiveSmallIntegerField()
    # Stage 1: the date received. Stage 2: the date the resident asked to escalate.
    requested_on = models.DateField()
    escalation_reason = models.TextField(blank=True)  # never required (6.12)
    # None where the Code sets no acknowledgement timescale (2022 Code stage 2, or no Code).
    acknowledge_by = models.DateField(null=True, blank=True, db_index=True)
    internal_acknowledge_by = models.DateField(null=True, blank=True)
    acknowledged_on = models.DateField(null=True, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stages_handled",
    )
    # The complaint definition (5.6, 5.7).
    understanding = models.TextField(blank=True)
    outcomes_sought = models.TextField(blank=True)
    responsible_for = models.TextField(blank=True)
    not_responsible_for = models.TextField(blank=True)
    respond_by = models.DateField(null=True, blank=True, db_index=True)
    internal_respond_by = models.DateField(null=True, blank=True)
    extended_days = models.PositiveSmallIntegerField(default=0)
    responded_on = models.DateField(null=True, blank=True)
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True)
    reasons = models.TextField(blank=True)
    acknowledged_within_timescale = models.BooleanField(null=True)
    within_timescale = models.BooleanField(null=True)
    # Who made the stage's decision, and their role then (6.20): a role changed later does not
    # change who decided. Set at stage 2 (the responder unless someone else is named).
    decision_maker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stage_decisions",
    )
    decision_maker_role = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["complaint_id", "number"]
        # Reports select stages by when they were asked for and answered (CH01, CH02, 8.1).
        indexes = [
            models.Index(fields=["number", "requested_on"]),
            models.Index(fields=["number", "responded_on"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "number"], name="one_stage_each"),
            models.CheckConstraint(condition=models.Q(number__in=[1, 2]), name="stage_1_or_2"),
        ]

    def __str__(self):
        return f"{self.complaint.reference} stage {self.number}"


class Panel(models.Model):
    """A panel or meeting held to consider a stage (usually stage 2): who sat on it, whether the
    resident attended and who accompanied them (3.6, 6.20)."""

    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="panels")
    held_on = models.DateField()
    members = models.JSONField(default=list)  # names as the panel record gives them
    resident_attended = models.BooleanField()
    accompanied_by = models.CharField(max_length=300, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["held_on", "pk"]


class Extension(models.Model):
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="extensions")
    working_days = models.PositiveSmallIntegerField()
    reason = models.TextField()
    good_reason = models.TextField(blank=True)
    resident_informed_on = models.DateField()
    respond_by_before = models.DateField()
    respond_by_after = models.DateField()
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]


class Refusal(models.Model):
    """A decision not to accept a complaint, or not to escalate it (section 2, 5.11)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="refusals")
    stage = models.PositiveSmallIntegerField()
    reason = models.CharField(max_length=30, choices=RefusalReason.choices)
    explanation = models.TextField()
    decided_on = models.DateField()
    # 2.4: the resident is told of their right to take the decision to the Ombudsman. Never
    # assumed: set when a refusal letter, which must give the Ombudsman's details, is issued.
    ombudsman_rights_given = models.BooleanField(default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)


class Impact(models.TextChoices):
    # The impact on the resident, as the Ombudsman's remedies guidance grades it (7.2, 7.4).
    MINOR = "minor", "Minor"
    SOME = "some", "Some"
    CONSIDERABLE = "considerable", "Considerable"
    SIGNIFICANT = "significant", "Significant"
    SET_RATE = "set_rate", "Set rate"


class CompensationBand(models.Model):
    """One band of the landlord's compensation guide: for a kind of failure and its impact, the
    amount range (a sum per day, week or appointment where `per` says so). Kept by the
    complaints officer; defaults from the Ombudsman's guidance (rules.compensation)."""

    failure = models.CharField("kind of failure", max_length=120)
    impact = models.CharField(max_length=20, choices=Impact.choices)
    minimum = models.DecimalField(max_digits=10, decimal_places=2)
    maximum = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    per = models.CharField(max_length=30, blank=True, help_text='e.g. "day": a rate per unit.')
    description = models.TextField(blank=True)
    source = models.CharField(max_length=300, blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["failure", "minimum", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["failure", "impact"], name="one_band_per_impact"),
            models.CheckConstraint(
                condition=models.Q(maximum__isnull=True)
                | models.Q(maximum__gte=models.F("minimum")),
                name="band_maximum_not_below_minimum",
            ),
        ]

    def __str__(self):
        return f"{self.failure}: {self.get_impact_display().lower()}"

    def clean(self):
        # The Django admin calls this; the services check the same through rules.compensation.
        from django.core.exceptions import ValidationError

        from putright.errors import InvalidInput
        from putright.rules import compensation

        try:
            compensation.check_band(self.minimum, self.maximum)
        except InvalidInput as error:
            raise ValidationError(error.errors) from None


class Remedy(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="remedies")
    stage = models.PositiveSmallIntegerField()
    type = models.CharField(max_length=30, choices=RemedyType.choices)
    description = models.TextField()
    amount = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    offered_on = models.DateField()
    # 7.3: what will happen and by when. Required by the services; nullable only for remedies
    # recorded before that rule, which the 7.3 evidence counts as breaches.
    due_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # 7.4: the compensation guide's band a financial remedy was chosen from, how many days (or
    # other units) a set rate covers, and why an amount outside the band was offered.
    band = models.ForeignKey(
        CompensationBand, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    units = models.PositiveIntegerField(null=True, blank=True)
    outside_guide_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "remedies"


class OutstandingAction(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="actions")
    stage = models.PositiveSmallIntegerField()
    description = models.TextField()
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]


class RelatedIssue(models.Model):
    """A related complaint raised before the stage 1 response, added to this one (6.8)."""

    complaint = models.ForeignKey(
        Complaint, on_delete=models.PROTECT, related_name="related_issues"
    )
    description = models.TextField()
    received_on = models.DateField()
    channel = models.CharField(max_length=20, choices=Channel.choices)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)


class ServiceRequest(models.Model):
    """A request for a service (a repair, say): not a complaint, but recorded and monitored
    (1.4)."""

    class State(models.TextChoices):
        OPEN = "open", "Open"
        COMPLETED = "completed", "Completed"

    resident = models.ForeignKey(
        "people.Resident", on_delete=models.PROTECT, related_name="service_requests"
    )
    received_on = models.DateField()
    channel = models.CharField(max_length=20, choices=Channel.choices)
    description = models.TextField()
    category = models.CharField(max_length=30, choices=Category.choices, default=Category.OTHER)
    state = models.CharField(max_length=20, choices=State.choices, default=State.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-received_on", "-pk"]


class Note(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="notes")
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]


def attachment_path(instance: "Attachment", filename: str) -> str:
    # `filename` is the random name complaints.uploads gave it, never the uploader's.
    return f"attachments/{instance.complaint.reference}/{filename}"


class Attachment(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(upload_to=attachment_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    description = models.CharField(max_length=255, blank=True)
    # Who supplied it: staff, the resident through their tracking link, or inbound e-mail.
    source = models.CharField(max_length=20, default="staff")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]


class EventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Events are append-only (5.12): they cannot be changed.")

    # Refused here, before Django opens the transaction it would run in, so that the refusal
    # does not spoil the caller's transaction.
    def bulk_update(self, objs, fields, batch_size=None):
        raise PermissionError("Events are append-only (5.12): they cannot be changed.")

    def update_or_create(self, defaults=None, create_defaults=None, **kwargs):
        raise PermissionError("Events are append-only (5.12): they cannot be changed.")

    def delete(self):
        raise PermissionError("Events are append-only (5.12): they cannot be deleted.")


class Event(models.Model):
    """One append-only row per change: the case timeline, the audit trail and the resident's
    record are all read from these (5.12)."""

    complaint = models.ForeignKey(
        Complaint, on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    resident = models.ForeignKey(
        "people.Resident", on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    type = models.CharField(max_length=60, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Who acted when there is no staff user: "resident", "system", "mail".
    actor_label = models.CharField(max_length=60, blank=True)
    # Who the actor was at the time (5.12): renaming or re-roling a user changes no history.
    actor_name = models.CharField(max_length=150, blank=True)  # the username then
    actor_display = models.CharField(max_length=300, blank=True)  # the full name then
    actor_role = models.CharField(max_length=20, blank=True)
    # Set by events.record, never by the database, so that the hash covers the stored value.
    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    parameters = models.JSONField(default=dict, blank=True)
    # The hash chain (complaints.audit): the event's stream, its place in it, the previous
    # event's hash and its own.
    stream = models.CharField(max_length=40)
    sequence = models.PositiveIntegerField()
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["occurred_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["stream", "sequence"], name="event_one_place_in_stream")
        ]

    def __str__(self):
        return f"{self.type} at {self.occurred_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Events are append-only (5.12): they cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Events are append-only (5.12): they cannot be deleted.")


class IdempotencyKey(models.Model):
    """A retried submission never creates a second complaint: the key a client (the API caller,
    or the public form's page) sent with its first attempt, and what that attempt made."""

    key = models.CharField(max_length=150, unique=True)  # "<scope>:<the client's key>"
    fingerprint = models.CharField(max_length=64)  # of the request, to refuse a reused key
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="+")
    created = models.BooleanField()  # whether the first attempt made a new complaint
    created_at = models.DateTimeField(auto_now_add=True)
