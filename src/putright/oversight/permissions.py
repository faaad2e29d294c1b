"""Who sees the oversight figures: the complaints officer, managers, governance users (the
governing body and MRC, 9.7) and administrators. Handlers see their own cases, not these."""

from rest_framework.permissions import BasePermission

from putright.accounts.models import Role

READERS = {Role.OFFICER, Role.MANAGER, Role.GOVERNANCE, Role.ADMIN}


def can_read_oversight(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_superuser or user.role in READERS))


class ReadsOversight(BasePermission):
    def has_permission(self, request, view):
        return can_read_oversight(request.user)
