import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from knox.models import AbstractAuthToken
from knox.settings import CONSTANTS


class Role(models.TextChoices):
    HANDLER = "handler", "Complaint handler"
    OFFICER = "officer", "Complaints officer"
    MANAGER = "manager", "Manager"
    GOVERNANCE = "governance", "Governing body / MRC"
    ADMIN = "admin", "Administrator"


class User(AbstractUser):
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.HANDLER)
    # Changed when two-factor sign-in is turned on or off: every other session of the user then
    # ends (the session hash below includes it), as a password change ends them.
    session_stamp = models.CharField(max_length=32, blank=True, default="", editable=False)

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

    def new_session_stamp(self) -> None:
        self.session_stamp = secrets.token_hex(16)

    def _get_session_auth_hash(self, secret=None):
        # Django's own hash (of the password) when no stamp is set, so that existing sessions
        # survive the upgrade; with a stamp, the stamp is part of it.
        if not self.session_stamp:
            return super()._get_session_auth_hash(secret=secret)
        return salted_hmac(
            "putright.accounts.User.session_auth_hash",
            f"{self.password}\x00{self.session_stamp}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()


class ApiToken(AbstractAuthToken):
    """An API token (django-rest-knox): only a SHA-512 digest of the secret is stored. The secret
    is shown once, when the token is issued. `id` is the public handle (list, revoke)."""

    id = models.BigAutoField(primary_key=True)
    digest = models.CharField(max_length=CONSTANTS.DIGEST_LENGTH, unique=True)
    name = models.CharField(max_length=100, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created", "id"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"API token {self.pk} of {self.user}"
