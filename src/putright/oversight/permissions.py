"""Who sees the oversight figures: the complaints officer, managers, governance users (the
governing body and MRC, 9.7) and administrators. Handlers see their own cases, not these."""

from rest_framework.permissions import BasePermission

from putright.accounts.models import Role

READERS = {Role.OFFICER, Role.MANAGER, Role.GOVERNANCE, Role.ADMIN}
# Who records and publishes: the registers, the annual report's publication.
EDITORS = {Role.OFFICER, Role.MANAGER, Role.ADMIN}
# The governing body's response (8.2) is also recorded by the governing body itself.
RESPONDERS = EDITORS | {Role.GOVERNANCE}
EDITORS_ONLY = "Only the complaints officer, managers and administrators record this."


def can_read_oversight(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_superuser or user.role in READERS))


class ReadsOversight(BasePermission):
    def has_permission(self, request, view):
        return can_read_oversight(request.user)


def can_edit_oversight(user) -> bool:
    """The one rule behind the editing services and the buttons pages offer (UX review G3)."""
    return bool(user and user.is_authenticated and (user.is_superuser or user.role in EDITORS))


def can_record_response(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_superuser or user.role in RESPONDERS))
