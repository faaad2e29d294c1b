"""Messages the detector flagged as dissatisfied (issue 15; Code 1.3, 1.5), and what staff did.

A flag is a suggestion: the detector read an inbound e-mail that is new contact, or a service
request's description, and scored it as dissatisfaction. Staff then record that the resident was
offered the complaints process and what they chose, or that the message was not dissatisfaction
after all. The follow-ups are append-only evidence, as for survey comments (surveys app); the
offer's method and the resident's choices are the same vocabulary."""

from django.conf import settings
from django.db import models

from putright.surveys.models import OfferMethod


class FlagSource(models.TextChoices):
    EMAIL = "email", "Inbound e-mail"
    SERVICE_REQUEST = "service_request", "Service request"


class FlagChoice(models.TextChoices):
    RAISE_COMPLAINT = "raise_complaint", "Wants to make a complaint (complaint raised)"
    KEEP_SERVICE_REQUEST = "keep_service_request", "Keep it as a service request"
    NO_REPLY = "no_reply", "Did not reply"
    NOT_DISSATISFIED = "not_dissatisfied", "Not dissatisfaction (the detector was wrong)"


class Flag(models.Model):
    source = models.CharField(max_length=20, choices=FlagSource.choices)
    inbound_message = models.OneToOneField(
        "letters.InboundMessage",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dissatisfaction_flag",
    )
    service_request = models.OneToOneField(
        "complaints.ServiceRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dissatisfaction_flag",
    )
    flagged_on = models.DateField()
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["flagged_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="flag_has_one_source",
                condition=(
                    models.Q(inbound_message__isnull=False, service_request__isnull=True)
                    | models.Q(inbound_message__isnull=True, service_request__isnull=False)
                ),
            )
        ]

    def __str__(self):
        return f"Flag {self.pk}"


class FlagFollowUp(models.Model):
    """The offer of the complaints process after a flag, and the resident's choice. Append-only:
    the database refuses to change or delete a row."""

    flag = models.ForeignKey(Flag, on_delete=models.PROTECT, related_name="follow_ups")
    offered_on = models.DateField(null=True, blank=True)  # none when not dissatisfaction
    method = models.CharField(max_length=20, choices=OfferMethod.choices, blank=True)
    choice = models.CharField(max_length=24, choices=FlagChoice.choices)
    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at", "pk"]
