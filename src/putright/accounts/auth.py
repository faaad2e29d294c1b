"""`Authorization: Token <key>` for the API: knox tokens, with the sign-in lock-out applied to
wrong tokens (per client address) and each token's last use recorded (at most once a minute)."""

from __future__ import annotations

import datetime as dt

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.signals import user_login_failed
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from knox.auth import TokenAuthentication
from rest_framework import exceptions

from putright.accounts.lockout import API_TOKEN_USERNAME, lockout_message, lockout_seconds
from putright.accounts.models import ApiToken

LAST_USED_EVERY = dt.timedelta(minutes=1)
CREDENTIALS = {"username": API_TOKEN_USERNAME}


class ApiTokenAuthentication(TokenAuthentication):
    def authenticate(self, request):
        self._request = request._request
        return super().authenticate(request)

    def authenticate_credentials(self, token):
        django_request = self._request
        if AxesProxyHandler.is_locked(django_request, CREDENTIALS):
            raise exceptions.Throttled(wait=lockout_seconds(), detail=lockout_message())
        try:
            return super().authenticate_credentials(token)
        except exceptions.AuthenticationFailed:
            user_login_failed.send(
                sender=__name__, credentials=dict(CREDENTIALS), request=django_request
            )
            raise

    def validate_user(self, auth_token: ApiToken):
        user, token = super().validate_user(auth_token)
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return user, token


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = ApiTokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(
            header_name="Authorization", token_prefix="Token"
        )
