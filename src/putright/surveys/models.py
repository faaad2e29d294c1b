"""Satisfaction surveys about complaint handling (TSM TP09), and the follow-up of every
dissatisfied comment (1.3, 1.6): survey dissatisfaction is not itself a complaint, but the
resident is told how to complain, and what they chose is kept as append-only evidence."""

from django.conf import settings
from django.db import models


class SurveyTenure(models.TextChoices):
    LCRA = "lcra", "Low cost rental (LCRA)"
    LCHO = "lcho", "Low cost home ownership (LCHO)"


class Satisfaction(models.TextChoices):
    """The TSM survey's scale for TP09. Blank: not answered (don't know, not applicable), left
    out of the measure's base."""

    VERY_SATISFIED = "very_satisfied", "Very satisfied"
    FAIRLY_SATISFIED = "fairly_satisfied", "Fairly satisfied"
    NEITHER = "neither", "Neither satisfied nor dissatisfied"
    FAIRLY_DISSATISFIED = "fairly_dissatisfied", "Fairly dissatisfied"
    VERY_DISSATISFIED = "very_dissatisfied", "Very dissatisfied"


class SurveySource(models.TextChoices):
    IMPORT = "import", "Imported from the survey provider"
    STAFF = "staff", "Entered by staff"


class SurveyResponse(models.Model):
    # The survey provider's own id for the response: an import is idempotent on it. Blank for
    # a response entered by staff without one.
    provider_response_id = models.CharField(max_length=100, blank=True)
    responded_on = models.DateField(db_index=True)
    complaint = models.ForeignKey(
        "complaints.Complaint",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_responses",
    )
    resident = models.ForeignKey(
        "people.Resident",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_responses",
    )
    tenure = models.CharField(max_length=10, choices=SurveyTenure.choices)
    complained_last_12_months = models.BooleanField()
    satisfaction = models.CharField(max_length=30, choices=Satisfaction.choices, blank=True)
    comment = models.TextField(blank=True)
    source = models.CharField(max_length=10, choices=SurveySource.choices)
    source_file = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-responded_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider_response_id"],
                condition=~models.Q(provider_response_id=""),
                name="survey_provider_response_id_unique",
            )
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """How figures and pages name the response: its provider id, else its number."""
        return f"Survey response {self.provider_response_id or self.pk}"


class FollowUpChoice(models.TextChoices):
    RAISE_COMPLAINT = "raise_complaint", "Wants to make a complaint (complaint raised)"
    NO_COMPLAINT = "no_complaint", "Does not want to make a complaint"
    NO_REPLY = "no_reply", "Did not reply"


class OfferMethod(models.TextChoices):
    PHONE = "phone", "Phone"
    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"
    TEXT = "text", "Text message"
    IN_PERSON = "in_person", "In person"


class SurveyFollowUp(models.Model):
    """That the resident was offered the complaints process after a dissatisfied comment, and
    what they chose. Append-only: the database refuses to change or delete a row (a later reply
    is a new row)."""

    survey = models.ForeignKey(SurveyResponse, on_delete=models.PROTECT, related_name="follow_ups")
    offered_on = models.DateField()
    method = models.CharField(max_length=20, choices=OfferMethod.choices)
    choice = models.CharField(max_length=20, choices=FollowUpChoice.choices)
    complaint = models.ForeignKey(
        "complaints.Complaint",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at", "pk"]
