"""Two-factor sign-in (django-otp): one TOTP device per user, plus 10 single-use recovery codes
(a static device). Turning it on or off ends the user's other sessions (User.session_stamp)."""

from __future__ import annotations

import base64

import segno
from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user
from django_otp import verify_token as otp_verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from putright.accounts.models import User
from putright.errors import InvalidInput

RECOVERY_CODES = 10
CODE_ERROR = "Enter the 6-digit code from your authenticator app, or a recovery code."


def mfa_required_for(user: User) -> bool:
    return user.role in settings.PUTRIGHT_MFA_REQUIRED_ROLES


def mfa_enabled(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def two_factor_start(*, user: User) -> TOTPDevice:
    """A new, unconfirmed authenticator for the user (any earlier unconfirmed one is replaced)."""
    if mfa_enabled(user):
        raise InvalidInput({"code": "Two-factor sign-in is already on."})
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def pending_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()


def secret_text(device: TOTPDevice) -> str:
    """The key as people type it into an app: base32 in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// link as an inline SVG (no script, no image request)."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, dark="#0b0c0c", light="#ffffff", title="QR code for your authenticator app"
    )


@transaction.atomic
def two_factor_confirm(*, user: User, code: str) -> list[str]:
    """Turns two-factor sign-in on once a code from the new app checks out. Returns the recovery
    codes, to be shown once."""
    device = pending_device(user)
    if device is None:
        raise InvalidInput({"code": "Start setting up two-factor sign-in again."})
    if not device.verify_token(_digits(code)):
        raise InvalidInput({"code": "The code is wrong or has expired. Enter the current code."})
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = recovery_codes_renew(user=user)
    _end_other_sessions(user)
    return codes


@transaction.atomic
def recovery_codes_renew(*, user: User) -> list[str]:
    """10 new recovery codes; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def two_factor_off(*, user: User) -> None:
    if mfa_required_for(user):
        raise InvalidInput({"confirm": "Your role must use two-factor sign-in."})
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    _end_other_sessions(user)


def verify_code(user: User, code: str):
    """The device that accepts the code (the authenticator's or a recovery code), or None.
    django-otp throttles each device after failures."""
    code = (code or "").strip().replace(" ", "").lower()
    if not code:
        return None
    for device in devices_for_user(user, confirmed=True):
        token = _digits(code) if isinstance(device, TOTPDevice) else code
        verified = otp_verify_token(user, device.persistent_id, token)
        if verified is not None:
            return verified
    return None


def _digits(code: str) -> str:
    return "".join(ch for ch in (code or "") if ch.isdigit())


def _end_other_sessions(user: User) -> None:
    user.new_session_stamp()
    user.save(update_fields=["session_stamp"])


def verified_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()
