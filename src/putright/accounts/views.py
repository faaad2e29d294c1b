"""Signing in (password, then the two-factor code where it is on), signing out, and the
account page where staff turn two-factor sign-in on or off and change their password."""

from __future__ import annotations

import time

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from putright.accounts import mfa
from putright.accounts.forms import CodeForm, ConfirmForm, SignInForm
from putright.accounts.lockout import lockout_response
from putright.accounts.models import User
from putright.errors import InvalidInput

PENDING = "putright_pending_sign_in"
PENDING_SECONDS = 5 * 60
RECOVERY_SHOWN = "putright_recovery_codes"


class LoginView(auth_views.LoginView):
    """The password step. django-axes refuses a locked username and address before the password
    is checked (its backend), and counts each failure. A user with two-factor sign-in on is not
    signed in yet: the code step finishes it."""

    template_name = "web/login.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if not mfa.mfa_enabled(user):
            return super().form_valid(form)
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "at": int(time.time()),
            "next": self.get_success_url(),
        }
        return redirect("accounts:sign-in-code")

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


login_view = LoginView.as_view()
logout_view = auth_views.LogoutView.as_view(next_page="web:login")


def _pending_user(request) -> tuple[User | None, dict]:
    pending = request.session.get(PENDING) or {}
    if not pending or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None, {}
    return User.objects.filter(pk=pending["user"], is_active=True).first(), pending


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def sign_in_code(request):
    """The second step: a code from the authenticator app or a recovery code. Wrong codes count
    towards the same lock-out as wrong passwords."""
    user, pending = _pending_user(request)
    if user is None:
        request.session.pop(PENDING, None)
        messages.warning(request, "Sign in again.")
        return redirect("web:login")
    credentials = {"username": user.get_username()}
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if AxesProxyHandler.is_locked(request, credentials):
            return lockout_response(request, None, credentials)
        if form.is_valid():
            device = mfa.verify_code(user, form.cleaned_data["code"])
            if device is not None:
                del request.session[PENDING]
                login(request, user, backend=pending["backend"])
                django_otp.login(request, device)
                target = pending.get("next") or reverse("web:home")
                if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                    target = reverse("web:home")
                return redirect(target)
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            form.add_error("code", mfa.CODE_ERROR)
        status = 400
    return render(request, "accounts/sign_in_code.html", {"form": form}, status=status)


@login_required
@never_cache
def account(request):
    user = request.user
    return render(
        request,
        "accounts/account.html",
        {
            "mfa_on": mfa.mfa_enabled(user),
            "mfa_required": mfa.mfa_required_for(user),
            "codes_left": mfa.recovery_codes_left(user),
        },
    )


@login_required
@never_cache
@sensitive_post_parameters("code")
def two_factor(request):
    """Turn two-factor sign-in on: scan the QR code (or type the key), then confirm a code."""
    user = request.user
    if mfa.mfa_enabled(user):
        return redirect("accounts:account")
    device = mfa.pending_device(user) if request.method == "POST" else None
    if device is None:
        device = mfa.two_factor_start(user=user)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                codes = mfa.two_factor_confirm(user=user, code=form.cleaned_data["code"])
            except InvalidInput as error:
                form.add_error("code", error.errors["code"])
            else:
                user.refresh_from_db()
                update_session_auth_hash(request, user)
                django_otp.login(request, mfa.verified_device(user))
                request.session[RECOVERY_SHOWN] = codes
                return redirect("accounts:recovery-codes")
        status = 400
    return render(
        request,
        "accounts/two_factor.html",
        {
            "form": form,
            "qr_svg": mfa.qr_svg(device),
            "secret": mfa.secret_text(device),
            "required": mfa.mfa_required_for(user),
        },
        status=status,
    )


@login_required
@never_cache
def recovery_codes(request):
    """Shown once: after turning two-factor sign-in on, or after asking for new codes (POST)."""
    if request.method == "POST":
        if not request.user.is_verified():
            return redirect("accounts:account")
        request.session[RECOVERY_SHOWN] = mfa.recovery_codes_renew(user=request.user)
        return redirect("accounts:recovery-codes")
    codes = request.session.pop(RECOVERY_SHOWN, None)
    if not codes:
        return redirect("accounts:account")
    return render(request, "accounts/recovery_codes.html", {"codes": codes})


@login_required
@never_cache
def two_factor_off(request):
    form = ConfirmForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                mfa.two_factor_off(user=request.user)
            except InvalidInput as error:
                form.add_error("confirm", error.errors["confirm"])
            else:
                request.user.refresh_from_db()
                update_session_auth_hash(request, request.user)
                request.session.pop(django_otp.DEVICE_ID_SESSION_KEY, None)
                messages.success(request, "Two-factor sign-in is off.")
                return redirect("accounts:account")
        status = 400
    return render(request, "accounts/two_factor_off.html", {"form": form}, status=status)


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's: the other sessions end (session hash); the API tokens are revoked
    (signals.py)."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request, "Your password has been changed. Your API tokens have been revoked."
        )
        return response

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


password_change = PasswordChangeView.as_view()
