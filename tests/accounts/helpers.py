"""Sign-in helpers: a real TOTP device and the codes its app would show."""

import time

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import hotp, totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from putright.accounts import mfa

PASSWORD = "putright-test"


def code_for(device: TOTPDevice, at: float | None = None) -> str:
    """The code an authenticator app shows now, computed from the device's key."""
    at = time.time() if at is None else at
    counter = int((at - device.t0) / device.step) + device.drift
    return f"{hotp(device.bin_key, counter, digits=device.digits):0{device.digits}d}"


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def next_code(device: TOTPDevice) -> str:
    """The code for the next 30-second step (accepted: tolerance 1), so that a test can use a
    second fresh code without waiting."""
    return code_for(device, time.time() + device.step)


def turn_on_2fa(user) -> tuple[TOTPDevice, list[str]]:
    device = mfa.two_factor_start(user=user)
    codes = mfa.two_factor_confirm(user=user, code=current_code(device))
    device.refresh_from_db()
    user.refresh_from_db()
    return device, codes


def sign_in_verified(client: Client, user) -> Client:
    """A session signed in with both factors (as the code step leaves it)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device, _ = turn_on_2fa(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
