"""Sessions end after an idle period and after a maximum age; a user whose role must use
two-factor sign-in is sent to set it up before anything else.

The last-seen time is written at most once a minute, so a page costs no extra query (the
session is saved only when that minute has passed); the idle limit is therefore exact to a
minute.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from putright.accounts.mfa import mfa_required_for
from putright.accounts.signals import LAST_SEEN_AT, SIGNED_IN_AT

SEEN_GRANULARITY = 60  # seconds

# What a user who must set up two-factor sign-in may still reach.
SETUP_ALLOWED = ("/accounts/", "/static/")


class SignInPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            ended = self._session_ended(request)
            if ended:
                logout(request)
                return self._refuse(request, ended, status=401, to="web:login")
            if (
                mfa_required_for(user)
                and not user.is_verified()
                and not request.path.startswith(SETUP_ALLOWED)
            ):
                return self._refuse(
                    request,
                    "Your role must use two-factor sign-in. Set it up to carry on.",
                    status=403,
                    to="accounts:two-factor",
                )
        return self.get_response(request)

    @staticmethod
    def _session_ended(request) -> str:
        session = request.session
        now = int(time.time())
        signed_in = session.get(SIGNED_IN_AT)
        last_seen = session.get(LAST_SEEN_AT)
        if signed_in is None or last_seen is None:
            # A session from before these limits (or made without logging in): start its clock.
            session[SIGNED_IN_AT] = session.get(SIGNED_IN_AT, now)
            session[LAST_SEEN_AT] = now
            return ""
        if now - last_seen > settings.PUTRIGHT_SESSION_IDLE_SECONDS:
            minutes = settings.PUTRIGHT_SESSION_IDLE_SECONDS // 60
            return f"You were signed out after {minutes} minutes without activity. Sign in again."
        if now - signed_in > settings.PUTRIGHT_SESSION_MAX_SECONDS:
            return "Your session has ended. Sign in again."
        if now - last_seen >= SEEN_GRANULARITY:
            session[LAST_SEEN_AT] = now
        return ""

    @staticmethod
    def _refuse(request, message: str, *, status: int, to: str):
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=status)
        messages.warning(request, message)
        target = reverse(to)
        if to == "web:login":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
