"""Two-factor sign-in in a real browser, with no JavaScript of ours: set it up from the account
page, keep the recovery codes, then sign in with a code. axe-core on each page."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.helpers import current_code, next_code

pytestmark = [pytest.mark.browser, pytest.mark.real_time]


def test_turn_on_two_factor_then_sign_in_with_a_code(
    page, live_server, sign_in, axe_check, browser_db, hannah
):
    url = live_server.url
    sign_in("hannah")
    page.goto(f"{url}/accounts/")
    axe_check(page, "account page")
    page.click("text=Set up two-factor sign-in")
    assert page.locator(".pr-qr svg").is_visible()
    axe_check(page, "set up two-factor sign-in")
    page.click("button:has-text('Turn on two-factor sign-in')")
    assert page.locator(".pr-error-summary").is_visible()
    axe_check(page, "set up two-factor sign-in with an error")
    device = TOTPDevice.objects.get(user=hannah)
    page.fill("#id_code", current_code(device))
    page.click("button:has-text('Turn on two-factor sign-in')")
    assert "Your recovery codes" in page.inner_text("h1")
    assert len(re.findall(r"\b[a-z2-7]{8}\b", page.inner_text("ol"))) == 10
    axe_check(page, "recovery codes")

    page.click("button:has-text('Sign out')")
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", "hannah")
    page.fill("#id_password", "putright-test")
    page.click("button:has-text('Sign in')")
    page.wait_for_url(f"{url}/accounts/login/code/")
    axe_check(page, "enter your code")
    page.fill("#id_code", next_code(device))
    page.click("button:has-text('Continue')")
    page.wait_for_url(f"{url}/")
