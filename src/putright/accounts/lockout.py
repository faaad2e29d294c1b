"""How django-axes keys and answers a lock-out (settings: AXES_*; docs/security.md)."""

from __future__ import annotations

import math

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render

# The "username" under which failed API token attempts from one address are counted.
API_TOKEN_USERNAME = "(api token)"


def username_of(request, credentials=None) -> str | None:
    """One spelling per user: "Hannah " and "hannah" share one count."""
    raw = None
    if credentials:
        raw = credentials.get("username")
    if raw is None and request is not None and request.method == "POST":
        raw = getattr(request, "POST", {}).get("username")
    raw = (raw or "").strip().lower()
    return raw or None


def lockout_seconds() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def lockout_message() -> str:
    minutes = math.ceil(lockout_seconds() / 60)
    return (
        f"Too many failed attempts. Wait {minutes} minute{'s' if minutes != 1 else ''}, "
        "then try again."
    )


def lockout_response(request, original_response=None, credentials=None):
    """429 with Retry-After: JSON for the API, a page for people."""
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": lockout_message()}, status=429)
    else:
        response = render(
            request, "accounts/locked.html", {"message": lockout_message()}, status=429
        )
    response["Retry-After"] = str(lockout_seconds())
    response["Cache-Control"] = "no-store"
    return response
