"""Who reads and records surveys. Every signed-in member of staff reads them; anyone who changes
cases (handlers, the complaints officer, managers, administrators) enters a survey response and
records a follow-up; an import from the provider is the complaints officer's, a manager's or an
administrator's. Governance users read, and change nothing."""

from putright.accounts.models import Role
from putright.errors import NotPermitted

IMPORTERS = {Role.OFFICER, Role.MANAGER, Role.ADMIN}


def can_read_surveys(user) -> bool:
    return bool(user and user.is_authenticated)


def can_record_surveys(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_superuser or user.can_change_cases))


def can_import_surveys(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_superuser or user.role in IMPORTERS))


def require_recorder(user) -> None:
    if not can_record_surveys(user):
        raise NotPermitted("Governance users read surveys but do not record them.")


def require_importer(user) -> None:
    if not can_import_surveys(user):
        raise NotPermitted(
            "Only the complaints officer, managers and administrators import survey responses."
        )
