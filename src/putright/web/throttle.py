"""Cache-based limits: public complaints per address, and resident additions per tracking link.
The cache is Django's default (per process unless a shared cache is configured, see docs/web.md).
Sign-in lock-outs are django-axes' (putright.accounts, docs/security.md)."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache

from putright.accounts.clientip import client_ip as real_client_ip


def client_ip(request) -> str:
    # The real client behind PUTRIGHT_TRUSTED_PROXY_HOPS proxies, as for sign-in lock-outs.
    return real_client_ip(request) or "unknown"


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


# Public complaints from one address: enough for a household, too few for a spam run.
PUBLIC_COMPLAINTS = Limit(
    "complain", "PUTRIGHT_PUBLIC_COMPLAINTS_PER_HOUR", 5, "PUTRIGHT_PUBLIC_COMPLAINTS_WINDOW", 3600
)
# Drafts of the public form saved from one address (each kept in a session row): a resident
# who changes their answers a few times is nowhere near it (finding 4).
PUBLIC_DRAFTS = Limit(
    "draft", "PUTRIGHT_PUBLIC_DRAFTS_PER_HOUR", 30, "PUTRIGHT_PUBLIC_DRAFTS_WINDOW", 3600
)
# Resident additions (notes and documents) through one tracking link.
TRACKING_ADDITIONS = Limit(
    "track", "PUTRIGHT_TRACKING_ADDITIONS_PER_HOUR", 20, "PUTRIGHT_TRACKING_WINDOW", 3600
)
# Looking up a complaint by reference and postcode or e-mail address (/track/), per address: a
# resident who mistypes a few times is well inside it; guessing references is not.
TRACKING_LOOKUPS = Limit(
    "track-find", "PUTRIGHT_TRACKING_LOOKUPS_PER_HOUR", 10, "PUTRIGHT_TRACKING_LOOKUPS_WINDOW", 3600
)
