"""Contractors and agents who act for the landlord (5.4, 5.5): the register, the complaints and
remedies they are named on, and the landlord's requests to them for information on a complaint.

Kept beside the case, not in it: the complaints app's tables are unchanged, and every naming,
request and answer writes an event on the complaint's own timeline (5.12)."""

from django.conf import settings
from django.db import models


class Contractor(models.Model):
    name = models.CharField(max_length=200, unique=True)
    service = models.CharField("What they do", max_length=200)
    contact = models.CharField(max_length=200, blank=True)
    active = models.BooleanField(default=True)
    added_on = models.DateField()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Involvement(models.Model):
    """A contractor named on a complaint. Taking the name off keeps the row, with when and why,
    so that the record of who was named stays."""

    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.PROTECT, related_name="contractor_involvements"
    )
    contractor = models.ForeignKey(
        Contractor, on_delete=models.PROTECT, related_name="involvements"
    )
    named_on = models.DateField()
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField("Their part", max_length=200, blank=True)
    removed_on = models.DateField(null=True, blank=True)
    removed_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["named_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["complaint", "contractor"],
                condition=models.Q(removed_on__isnull=True),
                name="contractor_named_once",
            )
        ]


class RemedyContractor(models.Model):
    """The contractor who must carry out a remedy. Changed only through
    contractors.services.remedy_contractor_set, which records the change as an amendment."""

    remedy = models.OneToOneField(
        "complaints.Remedy", on_delete=models.PROTECT, related_name="contractor_assignment"
    )
    contractor = models.ForeignKey(
        Contractor, on_delete=models.PROTECT, related_name="remedy_assignments"
    )


class InformationRequest(models.Model):
    """5.5: the landlord asks a contractor for its information on a complaint, by a date."""

    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.PROTECT, related_name="contractor_requests"
    )
    contractor = models.ForeignKey(Contractor, on_delete=models.PROTECT, related_name="requests")
    description = models.TextField()
    sent_on = models.DateField()
    due_on = models.DateField()
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answered_on = models.DateField(null=True, blank=True)
    answer = models.TextField(blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def overdue_on(self, day) -> bool:
        return self.answered_on is None and self.due_on < day
