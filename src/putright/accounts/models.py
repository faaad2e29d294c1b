from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    HANDLER = "handler", "Complaint handler"
    OFFICER = "officer", "Complaints officer"
    MANAGER = "manager", "Manager"
    GOVERNANCE = "governance", "Governing body / MRC (read only)"
    ADMIN = "admin", "Administrator"


class User(AbstractUser):
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.HANDLER)

    @property
    def is_governance(self) -> bool:
        return self.role == Role.GOVERNANCE

    @property
    def acts_on_any_case(self) -> bool:
        """The complaints officer and managers act on every case; handlers on their own."""
        return self.role in {Role.OFFICER, Role.MANAGER, Role.ADMIN}

    @property
    def can_change_cases(self) -> bool:
        return self.role != Role.GOVERNANCE

    @property
    def manages_settings(self) -> bool:
        return self.role == Role.ADMIN or self.is_superuser
