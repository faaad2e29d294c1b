"""The landlord's governance and continuity records around the Code's sections 8 and 9:
exceptional circumstances with their public notice (8.5), organisational changes that call for a
fresh self-assessment (8.3), who is accountable for complaints (9.4, 9.5), and the governing
body's meetings with the reports each received (9.3, 9.7). The rules and measures are in
putright.rules.continuity, putright.rules.reassessment and putright.rules.governance."""

from django.conf import settings
from django.db import models


class Incident(models.Model):
    """Exceptional circumstances (for example a cyber attack) in which the landlord cannot keep
    to the Code (8.5). In force from `starts_on` to `ends_on` (open while unknown)."""

    title = models.CharField(max_length=200)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    description = models.TextField()
    ombudsman_informed_on = models.DateField(null=True, blank=True)
    # The notice residents see on the public pages while the incident is in force.
    notice = models.TextField(blank=True)
    notice_published_on = models.DateField(null=True, blank=True)
    # The timescale for returning to compliance with the Code.
    compliance_by = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "-pk"]

    def __str__(self):
        return self.title


class OrganisationalChange(models.Model):
    """A significant restructure, merger or change in procedures: a new self-assessment is due
    after it (8.3)."""

    class Kind(models.TextChoices):
        RESTRUCTURE = "restructure", "Restructure"
        MERGER = "merger", "Merger"
        PROCEDURE = "procedure", "Change of procedure"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    changed_on = models.DateField()
    description = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_on", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.changed_on:%-d %B %Y}"


class Accountability(models.Model):
    """Who is accountable for complaints (one row, pk=1): the senior lead (9.4) and the Member
    Responsible for Complaints on the governing body (9.5). Each is a user or a named person."""

    mrc_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    mrc_name = models.CharField(max_length=200, blank=True)
    mrc_appointed_on = models.DateField(null=True, blank=True)
    senior_lead_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    senior_lead_name = models.CharField(max_length=200, blank=True)
    senior_lead_job_title = models.CharField(max_length=200, blank=True)
    senior_lead_appointed_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "accountability"

    @staticmethod
    def _label(user, name) -> str:
        if user is not None:
            return user.get_full_name() or user.username
        return name

    @property
    def mrc_label(self) -> str:
        return self._label(self.mrc_user, self.mrc_name)

    @property
    def senior_lead_label(self) -> str:
        return self._label(self.senior_lead_user, self.senior_lead_name)


class Meeting(models.Model):
    """A meeting of the governing body or one of its committees, held or scheduled."""

    held_on = models.DateField()
    body = models.CharField(max_length=200)  # "Board", "Customer Services Committee"
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["held_on", "pk"]

    def __str__(self):
        return f"{self.body}, {self.held_on:%-d %B %Y}"


class ReportKind(models.TextChoices):
    PACK = "pack", "Governing body pack"
    ANNUAL_REPORT = "annual_report", "Annual complaints performance report"
    SELF_ASSESSMENT = "self_assessment", "Self-assessment"
    DETERMINATION = "determination", "Ombudsman determination"
    OTHER = "other", "Other complaints report"


class ReportPresented(models.Model):
    """A report that went to a meeting (9.3, 9.7). A determination names its Ombudsman case."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="reports")
    kind = models.CharField(max_length=20, choices=ReportKind.choices)
    title = models.CharField(max_length=200)
    ombudsman_case = models.ForeignKey(
        "oversight.OmbudsmanCase",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="presentations",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting__held_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "ombudsman_case"], name="one_presentation_per_case_per_meeting"
            )
        ]

    def __str__(self):
        return self.title
