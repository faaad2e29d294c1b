"""API tokens (django-rest-knox, model `ApiToken`): issue, list, rotate, revoke.

Only a digest of each token is stored; the secret is returned once, by the function that issues
it. A user may hold several tokens; each expires after PUTRIGHT_API_TOKEN_DAYS unless issued
without expiry. A password change or deactivation revokes all of a user's tokens (signals.py).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from knox.settings import knox_settings

from putright.accounts.models import ApiToken, User
from putright.errors import InvalidInput


def api_tokens_of(*, user: User) -> QuerySet[ApiToken]:
    """The user's tokens that still work, oldest first."""
    now = timezone.now()
    return ApiToken.objects.filter(user=user).exclude(expiry__lte=now).order_by("created", "id")


def _ttl(days: int | None) -> dt.timedelta | None:
    if days is None:
        return knox_settings.TOKEN_TTL
    if days < 0:
        raise InvalidInput({"expires_in_days": "Give a number of days, 0 for never."})
    return dt.timedelta(days=days) if days else None


@transaction.atomic
def api_token_issue(*, user: User, name: str = "", expires_in_days: int | None = None):
    """A new token alongside the user's others. Returns (token, secret)."""
    if not user.is_active:
        raise InvalidInput({"user": f"{user.username} is deactivated."})
    return ApiToken.objects.create(user=user, expiry=_ttl(expires_in_days), name=name[:100])


@transaction.atomic
def api_token_rotate(*, user: User, name: str = "", expires_in_days: int | None = None):
    """A new token, and every other token of the user revoked. Returns (token, secret)."""
    ApiToken.objects.filter(user=user).delete()
    return api_token_issue(user=user, name=name, expires_in_days=expires_in_days)


def api_token_revoke(*, user: User, token_id: int) -> None:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    if not deleted:
        raise InvalidInput({"id": f"{user.username} has no API token {token_id}."})


def api_tokens_revoke_all(*, user: User) -> int:
    deleted, _ = ApiToken.objects.filter(user=user).delete()
    return deleted
