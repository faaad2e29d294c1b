"""The training register (3.2, 4.3, 9.8): courses, and who completed which when, staff or a
contractor's people. A record is never edited: a refresher is a new record, and the register
reads the latest."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Course(models.Model):
    name = models.CharField(max_length=200, unique=True)
    # 4.3: training in handling complaints, for the staff who handle them.
    complaint_handling = models.BooleanField(default=False)
    # 3.2: awareness of the complaints process (complaint-handling training counts too).
    awareness = models.BooleanField(default=False)
    # How long a completion stays in date; blank for a course that does not expire.
    validity_months = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class TrainingRecord(models.Model):
    """One person's completion of one course: a staff user, or a named person of a contractor."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="records")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_records",
    )
    contractor = models.ForeignKey(
        "contractors.Contractor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_records",
    )
    person_name = models.CharField(max_length=200, blank=True)
    completed_on = models.DateField()
    # completed_on plus the course's validity, worked out when recorded (rules.training).
    expires_on = models.DateField(null=True, blank=True)
    evidence = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(staff__isnull=False) & Q(contractor__isnull=True))
                | (Q(staff__isnull=True) & Q(contractor__isnull=False) & ~Q(person_name="")),
                name="training_record_one_person",
            )
        ]

    @property
    def who(self) -> str:
        if self.staff_id:
            return self.staff.get_full_name() or self.staff.get_username()
        return f"{self.person_name} ({self.contractor})"
