"""Who may write through the API, decided before the body is read (docs/api.md): a user who may
not act hears 403 whatever they sent, never a 400 that would tell them how to shape a body for a
write they are refused anyway (review finding 20c).

Every write view in every app builds on `PermissionBeforeBody`. DRF runs `permission_classes` in
`initial()`, before the handler first touches `request.data` (parsed lazily); a check that needs
the URL (the case, the self-assessment step) is the view's `may_write`, run there too. The check
itself is always the services' own function, so the early answer and the service agree."""

from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS, BasePermission


class StaffWriteGovernanceRead(BasePermission):
    """Any signed-in user reads; governance users (the governing body, the MRC) never write."""

    message = "Governance users can read complaints but not change them."

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        return request.method in SAFE_METHODS or user.can_change_cases


class PermissionBeforeBody:
    """A mixin, listed before APIView (or GenericAPIView) in the bases."""

    permission_classes = [StaffWriteGovernanceRead]

    def may_write(self, request, **url_kwargs) -> None:
        """Raise NotPermitted when this user may not make this write; the default leaves it to
        the permission classes."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method not in SAFE_METHODS:
            self.may_write(request, **kwargs)
