"""Commands that destroy or fabricate data run only in development (security review, findings 3
and 6c). `putright flush` and the other commands in DEVELOPMENT_ONLY refuse from the command line
unless DEBUG=1; the demo, which creates staff with a published password, also refuses a database
that already has users, whatever DEBUG says."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import CommandError

# Django's command that empties the database (on PostgreSQL the TRUNCATE trigger refuses it too).
DEVELOPMENT_ONLY = {"flush"}
PRODUCTION_FLAG = "--i-know-this-is-not-production"


def require_development(command: str) -> None:
    if not settings.DEBUG:
        raise CommandError(
            f"`putright {command}` destroys or fabricates data and runs only with DEBUG=1. "
            "To undo something in production, restore a backup (`putright restore`)."
        )


def require_demo_allowed(*, flagged: bool) -> None:
    """The demo loads 7 staff with the password in its documentation, superuser included."""
    from putright.accounts.models import User

    if not settings.DEBUG and not flagged:
        raise CommandError(
            "The demo creates staff with a published password: it loads only with DEBUG=1, "
            f"or with {PRODUCTION_FLAG} on a machine that is not production."
        )
    users = User.objects.count()
    if users:
        raise CommandError(
            f"The database already has {users} user(s); the demo loads only into a database "
            "with none, so that it can never add known passwords to a live installation."
        )


def guard_command_line(argv: list[str]) -> None:
    """Called by the `putright` console command before Django runs the subcommand."""
    if len(argv) > 1 and argv[1] in DEVELOPMENT_ONLY:
        import django

        django.setup()
        try:
            require_development(argv[1])
        except CommandError as error:
            raise SystemExit(f"CommandError: {error}") from error
