"""The workspace's own rows: a user's saved views of the complaints list."""

from django.conf import settings
from django.db import models


class SavedView(models.Model):
    """A filter of the complaints list saved under a name by one user, for that user alone.

    `query` is the list's own query string, re-read through the filter form whenever it is
    used, so that a view saved before a filter changed cannot smuggle in a value the form no
    longer accepts."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_views"
    )
    name = models.CharField(max_length=80)
    query = models.CharField(max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="web_savedview_unique_name")
        ]

    def __str__(self):
        return self.name
