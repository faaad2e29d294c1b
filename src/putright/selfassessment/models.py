"""A landlord's self-assessment against one version of the Code: an answer per provision, the
improvement actions behind each "no" or "partly", who completed, reviewed and approved it, and an
append-only history of every change (8.1, 8.2)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved by the governing body"
    PUBLISHED = "published", "Published"


class Comply(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    PARTLY = "partly", "Partly"
    NA = "na", "Not applicable"


class SelfAssessment(models.Model):
    code_version = models.ForeignKey(
        "codes.CodeVersion", on_delete=models.PROTECT, related_name="self_assessments"
    )
    period_start = models.DateField()
    period_end = models.DateField()
    title = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # 8.3: a fresh self-assessment after a restructure, merger or change in procedures.
    reason = models.CharField(max_length=200, blank=True)
    previous = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="next"
    )
    source = models.CharField(max_length=255, blank=True)  # the file it was imported from
    # The complaints officer completes it; a manager reviews it; the governing body approves it.
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    completed_on = models.DateField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_on = models.DateField(null=True, blank=True)
    governing_body_approved_on = models.DateField(null=True, blank=True)
    approval_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_end", "-pk"]

    def __str__(self):
        return self.title or f"Self-assessment {self.period_start} to {self.period_end}"


class Answer(models.Model):
    """The landlord's answer to one provision (or, for the 2020 Code, one question)."""

    self_assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.CASCADE, related_name="answers"
    )
    provision = models.ForeignKey(
        "codes.Provision", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ref = models.CharField(max_length=500)
    requirement = models.TextField(blank=True)
    section_title = models.CharField(max_length=200, blank=True)
    position = models.PositiveSmallIntegerField()
    comply = models.CharField(max_length=10, choices=Comply.choices, blank=True)
    evidence = models.TextField(blank=True)
    commentary = models.TextField(blank=True)
    # Carried forward from last year's self-assessment: still to be checked this year.
    to_review = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["self_assessment", "position"]
        constraints = [
            models.UniqueConstraint(fields=["self_assessment", "ref"], name="one_answer_per_ref")
        ]

    def __str__(self):
        return self.ref


class ImprovementAction(models.Model):
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    owner_name = models.CharField(max_length=200, blank=True)  # a team or someone without login
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]

    @property
    def owner_label(self) -> str:
        if self.owner is not None:
            return self.owner.get_full_name() or self.owner.username
        return self.owner_name


class ChangeQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Self-assessment history is append-only.")

    def delete(self):
        raise PermissionError("Self-assessment history is append-only.")


class Change(models.Model):
    """One append-only row per change to a self-assessment."""

    self_assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.PROTECT, related_name="changes"
    )
    ref = models.CharField(max_length=500, blank=True)
    type = models.CharField(max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Who acted, as they were then: renaming a user changes no history.
    actor_name = models.CharField(max_length=150, blank=True)
    # Set before saving (not auto_now_add), because the row's hash covers it.
    occurred_at = models.DateTimeField(default=timezone.now)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    # Each self-assessment's changes are a hash chain, as the event log is (selfassessment.history).
    sequence = models.PositiveIntegerField(default=0)
    previous_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)

    objects = ChangeQuerySet.as_manager()

    class Meta:
        ordering = ["occurred_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["self_assessment", "sequence"], name="selfassessment_change_place"
            )
        ]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Self-assessment history is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Self-assessment history is append-only.")

    @property
    def stream(self) -> str:
        return f"self-assessment:{self.self_assessment_id}"
