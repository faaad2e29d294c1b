"""Cache-based limits: sign-in failures per username and address, and public complaints per
address. No third-party service; the cache is Django's (per process unless a shared cache is
configured, see docs/web.md)."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a trusted proxy rewrites it.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(kind: str, *parts: str) -> str:
    digest = hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32]
    return f"putright:{kind}:{digest}"


class Limit:
    def __init__(self, kind: str, limit_setting: str, limit: int, window_setting: str, window: int):
        self.kind = kind
        self.limit_setting, self.default_limit = limit_setting, limit
        self.window_setting, self.default_window = window_setting, window

    @property
    def limit(self) -> int:
        return int(getattr(settings, self.limit_setting, self.default_limit))

    @property
    def window(self) -> int:
        return int(getattr(settings, self.window_setting, self.default_window))

    def count(self, *parts: str) -> int:
        return cache.get(_key(self.kind, *parts), 0)

    def exceeded(self, *parts: str) -> bool:
        return self.count(*parts) >= self.limit

    def hit(self, *parts: str) -> int:
        key = _key(self.kind, *parts)
        if cache.add(key, 1, self.window):
            return 1
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, self.window)
            return 1

    def reset(self, *parts: str) -> None:
        cache.delete(_key(self.kind, *parts))


# Five wrong passwords for one username from one address lock that pair out for 15 minutes.
LOGIN_FAILURES = Limit(
    "login", "PUTRIGHT_LOGIN_MAX_FAILURES", 5, "PUTRIGHT_LOGIN_LOCKOUT_SECONDS", 15 * 60
)
# Public complaints from one address: enough for a household, too few for a spam run.
PUBLIC_COMPLAINTS = Limit(
    "complain", "PUTRIGHT_PUBLIC_COMPLAINTS_PER_HOUR", 5, "PUTRIGHT_PUBLIC_COMPLAINTS_WINDOW", 3600
)
# Resident additions (notes and documents) through one tracking link.
TRACKING_ADDITIONS = Limit(
    "track", "PUTRIGHT_TRACKING_ADDITIONS_PER_HOUR", 20, "PUTRIGHT_TRACKING_WINDOW", 3600
)
