"""API sign-in (django-rest-knox): exchange a username and password (and the two-factor code,
where it is on) for a token; sign out one token or all; list and revoke your tokens.

The same lock-out as the web sign-in applies (django-axes, through `authenticate`)."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from knox import views as knox_views
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from putright.accounts import mfa, tokens
from putright.accounts.auth import ApiTokenAuthentication
from putright.accounts.lockout import lockout_response
from putright.errors import InvalidInput
from putright.inputs import Input


class SignInInput(Input):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=1024, trim_whitespace=False)
    otp_token = serializers.CharField(
        max_length=20,
        required=False,
        allow_blank=True,
        help_text="The code from the authenticator app (or a recovery code), where two-factor "
        "sign-in is on.",
    )
    name = serializers.CharField(
        max_length=100, required=False, allow_blank=True, help_text="A label for the token."
    )


class TokenIssued(serializers.Serializer):
    id = serializers.IntegerField()
    token = serializers.CharField(help_text="Shown once. Send it as `Authorization: Token ...`.")
    expiry = serializers.DateTimeField(allow_null=True)


class TokenOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    created = serializers.DateTimeField()
    expiry = serializers.DateTimeField(allow_null=True)
    last_used_at = serializers.DateTimeField(allow_null=True)


REFUSED = inline_serializer("SignInRefused", {"detail": serializers.CharField()})


class SignIn(knox_views.LoginView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        summary="Sign in: a new API token",
        request=SignInInput,
        responses={
            200: TokenIssued,
            400: OpenApiResponse(description="Wrong username, password or code"),
            403: REFUSED,
            429: REFUSED,
        },
        auth=[],
    )
    def post(self, request, format=None):
        data = SignInInput(data=request.data)
        data.is_valid(raise_exception=True)
        django_request = request._request
        user = authenticate(
            django_request,
            username=data.validated_data["username"],
            password=data.validated_data["password"],
        )
        if getattr(django_request, "axes_locked_out", False):
            return lockout_response(django_request)
        if user is None:
            return Response(
                {"detail": "Enter a correct username and password."},
                status=status.HTTP_400_BAD_REQUEST,
            )
        if mfa.mfa_enabled(user):
            if mfa.verify_code(user, data.validated_data.get("otp_token", "")) is None:
                user_login_failed.send(
                    sender=__name__,
                    credentials={"username": user.get_username()},
                    request=django_request,
                )
                if getattr(django_request, "axes_locked_out", False):
                    return lockout_response(django_request)
                return Response({"otp_token": [mfa.CODE_ERROR]}, status=400)
        elif mfa.mfa_required_for(user):
            return Response(
                {
                    "detail": "Your role must use two-factor sign-in: set it up in the web app "
                    "(Your account), then sign in here with a code."
                },
                status=status.HTTP_403_FORBIDDEN,
            )
        request.user = user
        self.token_name = data.validated_data.get("name", "")
        return super().post(request, format)

    def create_token(self):
        return tokens.api_token_issue(user=self.request.user, name=self.token_name)

    def get_post_response_data(self, request, token, instance):
        return {"id": instance.pk, "token": token, "expiry": instance.expiry}


class SignOut(knox_views.LogoutView):
    authentication_classes = [ApiTokenAuthentication]

    @extend_schema(summary="Sign out: revoke the token sent", request=None, responses={204: None})
    def post(self, request, format=None):
        return super().post(request, format)


class SignOutEverywhere(knox_views.LogoutAllView):
    authentication_classes = [ApiTokenAuthentication]

    @extend_schema(
        summary="Sign out everywhere: revoke all your tokens", request=None, responses={204: None}
    )
    def post(self, request, format=None):
        return super().post(request, format)


class TokenList(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(summary="Your API tokens (never the secrets)", responses=TokenOutput(many=True))
    def get(self, request):
        return Response(TokenOutput(tokens.api_tokens_of(user=request.user), many=True).data)


class TokenDetail(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(summary="Revoke one of your API tokens", responses={204: None})
    def delete(self, request, token_id: int):
        try:
            tokens.api_token_revoke(user=request.user, token_id=token_id)
        except InvalidInput as error:
            raise NotFound(error.errors["id"][0]) from error
        return Response(status=status.HTTP_204_NO_CONTENT)


urlpatterns = [
    path("auth/login/", SignIn.as_view(), name="api-sign-in"),
    path("auth/logout/", SignOut.as_view(), name="api-sign-out"),
    path("auth/logout-all/", SignOutEverywhere.as_view(), name="api-sign-out-everywhere"),
    path("auth/tokens/", TokenList.as_view(), name="api-tokens"),
    path("auth/tokens/<num:token_id>/", TokenDetail.as_view(), name="api-token"),
]
