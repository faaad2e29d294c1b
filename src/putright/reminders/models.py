"""The reminder log: one row per reminder sent, so each is sent exactly once."""

from django.db import models


class ReminderSent(models.Model):
    """A reminder of `kind` about one object (`object_key`, e.g. "stage:12") for one due date.

    The unique constraint is what makes sending idempotent: a sweep that runs twice, or two
    workers racing, cannot both insert the row, and only the one that inserts it sends the mail.
    A moved deadline is a new due date and so a new reminder."""

    kind = models.CharField(max_length=40)
    object_key = models.CharField(max_length=60)
    due_on = models.DateField()
    recipients = models.JSONField(default=list, blank=True)
    complaint = models.ForeignKey(
        "complaints.Complaint",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reminders_sent",
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_key", "due_on"], name="reminder_sent_once"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.object_key} due {self.due_on}"
