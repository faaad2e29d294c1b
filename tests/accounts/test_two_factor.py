"""Two-factor sign-in (django-otp): set up on the account page with a QR code or the key in text,
10 recovery codes shown once, a second sign-in step, roles that must use it, and the admin."""

import base64
import datetime as dt
import re

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from tests.accounts.helpers import PASSWORD, current_code, next_code, sign_in_verified, turn_on_2fa


def sign_in(client, username="hannah", password=PASSWORD, **extra):
    return client.post("/accounts/login/", {"username": username, "password": password, **extra})


@pytest.fixture
def admin_user_adam(adam):
    """Adam as `putright adduser --role admin` makes him: staff and superuser."""
    adam.is_staff = adam.is_superuser = True
    adam.save()
    return adam


@pytest.mark.django_db
def test_turning_it_on_shows_a_qr_code_and_the_key_then_ten_codes_once(client, hannah):
    client.force_login(hannah)
    page = client.get("/accounts/two-factor/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "<script" not in html  # an inline SVG, no JavaScript
    device = TOTPDevice.objects.get(user=hannah, confirmed=False)
    secret = re.search(r'<code class="pr-secret" id="secret">([A-Z2-7 ]+)</code>', html).group(1)
    key = secret.replace(" ", "")
    assert base64.b32decode(key + "=" * (-len(key) % 8)) == device.bin_key

    wrong = client.post("/accounts/two-factor/", {"code": "123456"})
    assert wrong.status_code == 400
    assert "The code is wrong or has expired" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=hannah, confirmed=True).exists()

    done = client.post("/accounts/two-factor/", {"code": current_code(device)})
    assert done.status_code == 302 and done["Location"] == "/accounts/two-factor/recovery-codes/"
    shown = client.get(done["Location"]).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", shown)
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.values_list("token", flat=True))
    # Shown once only.
    assert client.get("/accounts/two-factor/recovery-codes/").status_code == 302
    # This session counts as verified; the account page says it is on.
    assert "Two-factor sign-in is <strong>on</strong>" in client.get("/accounts/").content.decode()


@pytest.mark.django_db
def test_sign_in_then_asks_for_the_code(client, hannah, _frozen_today):
    device, _ = turn_on_2fa(hannah)
    first = sign_in(client)
    assert first.status_code == 302 and first["Location"] == "/accounts/login/code/"
    assert "_auth_user_id" not in client.session  # not signed in on the password alone
    assert client.get("/complaints/").status_code == 302
    step = client.get("/accounts/login/code/")
    assert step.status_code == 200
    assert "Enter your code" in step.content.decode()
    assert client.post("/accounts/login/code/", {"code": "999999"}).status_code == 400
    _frozen_today.shift(dt.timedelta(seconds=2))  # django-otp holds a device back after a miss
    done = client.post("/accounts/login/code/", {"code": next_code(device)})
    assert done.status_code == 302 and done["Location"] == "/"
    assert client.get("/complaints/").status_code == 200


@pytest.mark.django_db
def test_a_recovery_code_works_once(client, hannah):
    _, codes = turn_on_2fa(hannah)
    sign_in(client)
    assert client.post("/accounts/login/code/", {"code": codes[0].upper()}).status_code == 302
    client.post("/accounts/logout/")
    sign_in(client)
    assert client.post("/accounts/login/code/", {"code": codes[0]}).status_code == 400
    assert StaticToken.objects.count() == 9


@pytest.mark.django_db
def test_the_code_step_expires(client, hannah, _frozen_today):
    device, _ = turn_on_2fa(hannah)
    sign_in(client)
    _frozen_today.shift(dt.timedelta(minutes=6))
    answer = client.post("/accounts/login/code/", {"code": current_code(device)})
    assert answer.status_code == 302 and answer["Location"] == "/accounts/login/"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_user_without_it_signs_in_with_the_password(client, hannah):
    assert sign_in(client)["Location"] == "/"


@pytest.mark.django_db
def test_a_role_that_must_use_it_is_sent_to_set_it_up_first(client, settings, olivia):
    settings.PUTRIGHT_MFA_REQUIRED_ROLES = ["officer"]
    assert sign_in(client, "olivia").status_code == 302
    for page in ("/", "/complaints/", "/oversight/"):
        answer = client.get(page)
        assert answer.status_code == 302 and answer["Location"] == "/accounts/two-factor/", page
    api = client.get("/api/v1/complaints/")
    assert api.status_code == 403
    assert "two-factor" in api.json()["detail"]
    setup = client.get("/accounts/two-factor/")
    assert "Your role must use two-factor sign-in" in setup.content.decode()
    device = TOTPDevice.objects.get(user=olivia)
    client.post("/accounts/two-factor/", {"code": current_code(device)})
    assert client.get("/complaints/").status_code == 200
    # And may not turn it off.
    off = client.post("/accounts/two-factor/off/", {"confirm": "on"})
    assert off.status_code == 400
    assert TOTPDevice.objects.filter(user=olivia).exists()


@pytest.mark.django_db
def test_admins_must_use_it_by_default(client, adam):
    client.force_login(adam)
    assert client.get("/")["Location"] == "/accounts/two-factor/"


@pytest.mark.django_db
def test_turning_it_off(client, hannah):
    sign_in_verified(client, hannah)
    assert client.post("/accounts/two-factor/off/", {}).status_code == 400
    client.post("/accounts/two-factor/off/", {"confirm": "on"})
    assert not TOTPDevice.objects.filter(user=hannah).exists()
    assert not StaticToken.objects.exists()
    assert client.get("/complaints/").status_code == 200


@pytest.mark.django_db
def test_turning_it_on_ends_the_other_sessions(hannah):
    elsewhere, here = Client(), Client()
    sign_in(elsewhere)
    sign_in(here)
    assert elsewhere.get("/complaints/").status_code == 200
    here.get("/accounts/two-factor/")
    device = TOTPDevice.objects.get(user=hannah)
    here.post("/accounts/two-factor/", {"code": current_code(device)})
    assert here.get("/complaints/").status_code == 200
    assert elsewhere.get("/complaints/").status_code == 302  # must sign in again, with a code


@pytest.mark.django_db
def test_new_recovery_codes_replace_the_old(client, hannah):
    _, old = turn_on_2fa(hannah)
    sign_in_verified(client, hannah)
    answer = client.post("/accounts/two-factor/recovery-codes/")
    new = re.findall(
        r"<li><code>([a-z2-7]+)</code></li>", client.get(answer["Location"]).content.decode()
    )
    assert len(new) == 10 and not set(new) & set(old)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)


@pytest.mark.django_db
def test_the_admin_site_needs_a_second_factor(client, admin_user_adam, settings):
    adam = admin_user_adam
    settings.PUTRIGHT_MFA_REQUIRED_ROLES = []
    client.force_login(adam)  # password only
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    sign_in_verified(client, adam)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_the_admins_own_sign_in_asks_for_the_code(admin_user_adam, _frozen_today):
    adam = admin_user_adam
    device, _ = turn_on_2fa(adam)
    client = Client()
    without = client.post("/admin/login/?next=/admin/", {"username": "adam", "password": PASSWORD})
    assert without.status_code == 200 and "_auth_user_id" not in client.session
    _frozen_today.shift(dt.timedelta(seconds=30))
    ok = client.post(
        "/admin/login/?next=/admin/",
        {
            "username": "adam",
            "password": PASSWORD,
            "otp_device": device.persistent_id,
            "otp_token": current_code(device),
        },
    )
    assert ok.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_the_api_sign_in_asks_for_the_code_too(hannah, settings):
    device, _ = turn_on_2fa(hannah)
    api = APIClient()
    body = {"username": "hannah", "password": PASSWORD}
    refused = api.post("/api/v1/auth/login/", body, format="json")
    assert refused.status_code == 400 and "otp_token" in refused.json()
    ok = api.post("/api/v1/auth/login/", {**body, "otp_token": next_code(device)}, format="json")
    assert ok.status_code == 200 and ok.json()["token"]


@pytest.mark.django_db
def test_a_role_that_must_use_it_cannot_get_a_token_on_the_password_alone(olivia, settings):
    settings.PUTRIGHT_MFA_REQUIRED_ROLES = ["officer"]
    answer = APIClient().post(
        "/api/v1/auth/login/", {"username": "olivia", "password": PASSWORD}, format="json"
    )
    assert answer.status_code == 403
