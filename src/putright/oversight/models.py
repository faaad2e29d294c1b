"""Learning from complaints (9.1 to 9.4), Ombudsman cases and reports (8.1 c, e, f; 9.7 c), and
the annual complaints performance and service improvement report with the governing body's
response (8.1, 8.2, 3.5)."""

from django.conf import settings
from django.db import models


class Lesson(models.Model):
    """A lesson learned or service improvement, linked to the complaints that prompted it."""

    class Status(models.TextChoices):
        IDENTIFIED = "identified", "Identified"
        IN_PROGRESS = "in_progress", "In progress"
        IMPLEMENTED = "implemented", "Implemented"
        NOT_TAKEN_FORWARD = "not_taken_forward", "Not taken forward"

    title = models.CharField(max_length=200)
    description = models.TextField()
    complaints = models.ManyToManyField("complaints.Complaint", blank=True, related_name="lessons")
    category = models.CharField(max_length=30, blank=True)
    service_area = models.CharField(max_length=100, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IDENTIFIED)
    identified_on = models.DateField()
    target_on = models.DateField(null=True, blank=True)
    implemented_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-identified_on", "-pk"]

    def __str__(self):
        return self.title


class Finding(models.TextChoices):
    # The Housing Ombudsman's determinations, one per element of a complaint.
    SEVERE_MALADMINISTRATION = "severe_maladministration", "Severe maladministration"
    MALADMINISTRATION = "maladministration", "Maladministration"
    SERVICE_FAILURE = "service_failure", "Service failure"
    NO_MALADMINISTRATION = "no_maladministration", "No maladministration"
    REASONABLE_REDRESS = "reasonable_redress", "Reasonable redress"
    OUTSIDE_JURISDICTION = "outside_jurisdiction", "Outside jurisdiction"


# Findings that are a finding of failure against the landlord (8.1 c).
ADVERSE_FINDINGS = (
    Finding.SEVERE_MALADMINISTRATION,
    Finding.MALADMINISTRATION,
    Finding.SERVICE_FAILURE,
)


class OmbudsmanCase(models.Model):
    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.PROTECT, related_name="ombudsman_cases"
    )
    ombudsman_reference = models.CharField(max_length=40, blank=True)
    referred_on = models.DateField()
    # The Ombudsman's finding that the landlord failed to comply with the Code (8.1 c).
    code_non_compliance = models.BooleanField(default=False)
    # 8.4: the Ombudsman asked the landlord to review its self-assessment after the investigation.
    self_assessment_review = models.BooleanField(default=False)
    determined_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-referred_on", "-pk"]

    def __str__(self):
        return self.ombudsman_reference or f"Ombudsman case {self.pk}"


class EvidenceRequest(models.Model):
    case = models.ForeignKey(OmbudsmanCase, on_delete=models.CASCADE, related_name="requests")
    description = models.TextField()
    requested_on = models.DateField()
    due_on = models.DateField()
    provided_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]


class Determination(models.Model):
    """The Ombudsman's finding on one element of the complaint."""

    case = models.ForeignKey(OmbudsmanCase, on_delete=models.CASCADE, related_name="findings")
    element = models.CharField(max_length=300)
    finding = models.CharField(max_length=30, choices=Finding.choices)

    class Meta:
        ordering = ["pk"]


class Order(models.Model):
    class Kind(models.TextChoices):
        ORDER = "order", "Order"
        RECOMMENDATION = "recommendation", "Recommendation"

    case = models.ForeignKey(OmbudsmanCase, on_delete=models.CASCADE, related_name="orders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField()
    amount = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    due_on = models.DateField(null=True, blank=True)
    complied_on = models.DateField(null=True, blank=True)
    compliance_evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["due_on", "pk"]


class OmbudsmanReport(models.Model):
    """The Ombudsman's annual letter, a special report or other report about the landlord."""

    class Kind(models.TextChoices):
        ANNUAL_LETTER = "annual_letter", "Annual landlord performance letter"
        SPECIAL_REPORT = "special_report", "Special report"
        OTHER = "other", "Other report"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200)
    received_on = models.DateField()
    summary = models.TextField(blank=True)
    url = models.URLField(blank=True)

    class Meta:
        ordering = ["-received_on", "-pk"]

    def __str__(self):
        return self.title


class AnnualReport(models.Model):
    """The annual complaints performance and service improvement report (8.1) with the governing
    body's response (8.2). Publication freezes the HTML shown on the public page (3.5)."""

    reporting_year = models.PositiveSmallIntegerField(unique=True)
    commentary = models.TextField(blank=True)
    governing_body_response = models.TextField(blank=True)
    response_recorded_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    published_html = models.TextField(blank=True)

    class Meta:
        ordering = ["-reporting_year"]

    def __str__(self):
        return (
            f"Annual complaints report {self.reporting_year}/{(self.reporting_year + 1) % 100:02d}"
        )
