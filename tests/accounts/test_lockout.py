"""One lock-out for every way in (django-axes): the staff sign-in, the admin's sign-in and the
API's sign-in share one count per username and real client address, kept in the database."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.accounts.helpers import PASSWORD, current_code, turn_on_2fa

STAFF, ADMIN, API = "/accounts/login/", "/admin/login/", "/api/v1/auth/login/"


def attempt(client, door: str, username: str, password: str):
    if door == API:
        return client.post(door, {"username": username, "password": password}, format="json")
    return client.post(door, {"username": username, "password": password})


def api_client(**extra):
    return APIClient(**extra)


@pytest.fixture(params=[STAFF, ADMIN, API])
def door(request):
    return request.param


def client_for(door, **extra):
    from django.test import Client

    return api_client(**extra) if door == API else Client(**extra)


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_user_at_every_door(door, adam):
    client = client_for(door)
    for _ in range(4):
        assert attempt(client, door, "adam", "wrong").status_code in {200, 400}
    locked = attempt(client, door, "adam", "wrong")
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) == 15 * 60
    # The right password is refused too, at every door, while the lock lasts.
    for other in (STAFF, ADMIN, API):
        refused = attempt(client_for(other), other, "adam", PASSWORD)
        assert refused.status_code == 429, other
        assert "Too many failed attempts" in refused.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_lock_answers_json_on_the_api_and_a_page_for_people(hannah):
    api = api_client()
    for _ in range(5):
        answer = attempt(api, API, "hannah", "wrong")
    assert answer.status_code == 429
    assert answer.json() == {"detail": "Too many failed attempts. Wait 15 minutes, then try again."}
    page = attempt(client_for(STAFF), STAFF, "hannah", PASSWORD)
    assert page.status_code == 429
    assert "<h1>Too many failed sign-in attempts</h1>" in page.content.decode()


@pytest.mark.django_db
def test_the_doors_share_one_count(adam):
    attempt(client_for(STAFF), STAFF, "adam", "wrong")
    attempt(client_for(STAFF), STAFF, "adam", "wrong")
    attempt(client_for(ADMIN), ADMIN, "adam", "wrong")
    attempt(client_for(API), API, "adam", "wrong")
    assert attempt(client_for(API), API, "adam", "wrong").status_code == 429


@pytest.mark.django_db
def test_the_count_lives_in_the_database_not_in_a_process(hannah):
    """Another web process (or machine) has its own memory and cache, but the same database."""
    for _ in range(4):
        attempt(client_for(STAFF), STAFF, "hannah", "wrong")
    assert AccessAttempt.objects.get(username="hannah").failures_since_start == 4
    cache.clear()  # what a fresh process would start with
    assert attempt(client_for(STAFF), STAFF, "hannah", "wrong").status_code == 429


@pytest.mark.django_db
def test_other_users_and_spellings(hannah, harry):
    client = client_for(STAFF)
    for name in ("hannah", "Hannah", " HANNAH", "hannah", "hannah"):
        response = attempt(client, STAFF, name, "wrong")
    assert response.status_code == 429  # one count whatever the spelling
    assert attempt(client, STAFF, "harry", "wrong").status_code == 400


@pytest.mark.django_db
def test_a_right_password_clears_the_count(hannah):
    client = client_for(STAFF)
    for _ in range(4):
        attempt(client, STAFF, "hannah", "wrong")
    assert attempt(client, STAFF, "hannah", PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(4):
        assert attempt(client, STAFF, "hannah", "wrong").status_code == 400


@pytest.mark.django_db
def test_the_lock_expires_after_the_cool_off(hannah, _frozen_today):
    client = client_for(STAFF)
    for _ in range(5):
        attempt(client, STAFF, "hannah", "wrong")
    _frozen_today.shift(dt.timedelta(minutes=14))
    assert attempt(client, STAFF, "hannah", PASSWORD).status_code == 429
    # A failure during the lock starts the cool-off again; 15 minutes of quiet end it.
    _frozen_today.shift(dt.timedelta(minutes=15, seconds=1))
    assert attempt(client, STAFF, "hannah", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_the_cool_off_and_limit_are_settings(settings, hannah, _frozen_today):
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=1)
    client = client_for(STAFF)
    assert attempt(client, STAFF, "hannah", "wrong").status_code == 400
    locked = attempt(client, STAFF, "hannah", "wrong")
    assert locked.status_code == 429 and locked["Retry-After"] == "60"
    _frozen_today.shift(dt.timedelta(seconds=61))
    assert attempt(client, STAFF, "hannah", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_behind_one_proxy_the_real_client_address_is_counted(settings, hannah):
    settings.PUTRIGHT_TRUSTED_PROXY_HOPS = 1
    proxy = "10.0.0.1"
    # Five clients behind the proxy, each with one failure: nobody is locked.
    for n in range(5):
        client = client_for(STAFF, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
        assert attempt(client, STAFF, "hannah", "wrong").status_code == 400
    # One client: locked, whatever it writes to the left of the proxy's entry.
    for n in range(5):
        client = client_for(
            STAFF, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.9"
        )
        response = attempt(client, STAFF, "hannah", "wrong")
    assert response.status_code == 429
    assert AccessAttempt.objects.filter(ip_address="203.0.113.9").exists()
    # Another real client is not locked out by it.
    other = client_for(STAFF, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.50")
    assert attempt(other, STAFF, "hannah", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_with_no_trusted_proxy_the_forwarded_header_is_ignored(settings, hannah):
    settings.PUTRIGHT_TRUSTED_PROXY_HOPS = 0
    for n in range(5):
        client = client_for(STAFF, REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
        response = attempt(client, STAFF, "hannah", "wrong")
    assert response.status_code == 429  # a made-up header does not buy more guesses
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"192.0.2.7"}


@pytest.mark.django_db
def test_wrong_two_factor_codes_count_towards_the_lock(hannah):
    device, _ = turn_on_2fa(hannah)
    client = client_for(STAFF)
    for _ in range(4):
        assert attempt(client, STAFF, "hannah", PASSWORD).status_code == 302
        assert client.post("/accounts/login/code/", {"code": "000000"}).status_code == 400
    assert attempt(client, STAFF, "hannah", PASSWORD).status_code == 302
    locked = client.post("/accounts/login/code/", {"code": "000000"})
    assert locked.status_code == 429
    # Even the right code is refused now.
    assert client.post("/accounts/login/code/", {"code": current_code(device)}).status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_wrong_api_tokens_lock_the_address(olivia):
    from putright.accounts.tokens import api_token_issue

    _, secret = api_token_issue(user=olivia)
    api = api_client(REMOTE_ADDR="192.0.2.8")
    for n in range(4):
        response = api.get("/api/v1/complaints/", HTTP_AUTHORIZATION=f"Token bad{n}")
        assert response.status_code == 401
    assert api.get("/api/v1/complaints/", HTTP_AUTHORIZATION="Token bad").status_code == 429
    # While locked, that address is refused even with a good token; other addresses are not.
    locked = api.get("/api/v1/complaints/", HTTP_AUTHORIZATION=f"Token {secret}")
    assert locked.status_code == 429
    other = api_client(REMOTE_ADDR="192.0.2.9")
    assert other.get("/api/v1/complaints/", HTTP_AUTHORIZATION=f"Token {secret}").status_code == 200
