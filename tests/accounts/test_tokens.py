"""API tokens (django-rest-knox): hashed, several a user, expiring, rotated, revoked one by one,
never shown again; revoked by a password change or deactivation."""

import datetime as dt
import hashlib
import importlib
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from rest_framework.test import APIClient

from putright.accounts import tokens
from putright.accounts.models import ApiToken
from tests.accounts.helpers import PASSWORD, sign_in_verified

LIST = "/api/v1/complaints/"


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def get(secret, path=LIST, **extra):
    return APIClient(**extra).get(path, HTTP_AUTHORIZATION=f"Token {secret}")


@pytest.mark.django_db
def test_only_a_digest_is_stored_and_the_token_works(olivia):
    token, secret = tokens.api_token_issue(user=olivia, name="reporting")
    assert token.digest == hashlib.sha512(secret.encode()).hexdigest()
    assert secret not in str(list(ApiToken.objects.values()))
    assert get(secret).status_code == 200


@pytest.mark.django_db
def test_tokens_expire_after_the_default_days(olivia, _frozen_today):
    token, secret = tokens.api_token_issue(user=olivia)
    assert token.expiry - token.created == pytest.approx(
        dt.timedelta(days=90), abs=dt.timedelta(seconds=5)
    )
    _frozen_today.shift(dt.timedelta(days=89))
    assert get(secret).status_code == 200
    _frozen_today.shift(dt.timedelta(days=2))
    assert get(secret).status_code == 401
    assert not ApiToken.objects.exists()  # knox removes an expired token when it is tried


@pytest.mark.django_db
def test_expiry_can_be_chosen_per_token(olivia):
    never, _ = tokens.api_token_issue(user=olivia, expires_in_days=0)
    week, _ = tokens.api_token_issue(user=olivia, expires_in_days=7)
    assert never.expiry is None
    assert (week.expiry - week.created).days == 7 or (week.expiry - week.created).days == 6


@pytest.mark.django_db
def test_the_command_lists_rotates_and_revokes(olivia):
    first = run("apitoken", "olivia", "--name", "laptop").strip()
    second = run("apitoken", "olivia", "--expires-in-days", "0").strip()
    listing = run("apitoken", "olivia", "--list")
    assert first not in listing and second not in listing  # never the secret
    lines = listing.strip().splitlines()
    assert lines[0].split() == ["id", "created", "expires", "last", "used", "name"]
    assert len(lines) == 3 and "laptop" in lines[1]

    # Revoke one by one.
    first_id = ApiToken.objects.get(name="laptop").pk
    assert "Revoked token" in run("apitoken", "olivia", "--revoke", str(first_id))
    assert get(first).status_code == 401
    assert get(second).status_code == 200
    with pytest.raises(CommandError, match="no API token"):
        run("apitoken", "olivia", "--revoke", str(first_id))

    # Rotate: a new one, and every other revoked.
    third = run("apitoken", "olivia", "--rotate").strip()
    assert get(second).status_code == 401
    assert get(third).status_code == 200
    assert ApiToken.objects.filter(user=olivia).count() == 1


@pytest.mark.django_db
def test_the_list_shows_when_a_token_was_last_used(olivia, _frozen_today):
    token, secret = tokens.api_token_issue(user=olivia)
    assert token.last_used_at is None
    get(secret)
    token.refresh_from_db()
    first_use = token.last_used_at
    assert first_use is not None
    get(secret)  # within a minute: no write
    token.refresh_from_db()
    assert token.last_used_at == first_use
    _frozen_today.shift(dt.timedelta(minutes=2))
    get(secret)
    token.refresh_from_db()
    assert token.last_used_at > first_use
    assert "2025-11-24" in run("apitoken", "olivia", "--list")


@pytest.mark.django_db
def test_a_password_change_revokes_the_users_tokens(olivia, hannah):
    _, mine = tokens.api_token_issue(user=olivia)
    _, hers = tokens.api_token_issue(user=hannah)
    olivia.set_password("another-long-pass-phrase")
    olivia.save()
    assert get(mine).status_code == 401
    assert get(hers).status_code == 200


@pytest.mark.django_db
def test_an_ordinary_save_or_sign_in_keeps_the_tokens(olivia):
    _, secret = tokens.api_token_issue(user=olivia)
    olivia.first_name = "Liv"
    olivia.save()
    APIClient().post(
        "/api/v1/auth/login/", {"username": "olivia", "password": PASSWORD}, format="json"
    )
    assert get(secret).status_code == 200


@pytest.mark.django_db
def test_deactivation_revokes_the_users_tokens(olivia):
    _, secret = tokens.api_token_issue(user=olivia)
    olivia.is_active = False
    olivia.save()
    assert not ApiToken.objects.exists()
    assert get(secret).status_code == 401


@pytest.mark.django_db
def test_the_api_signs_in_signs_out_and_lists(olivia):
    api = APIClient()
    answer = api.post(
        "/api/v1/auth/login/",
        {"username": "olivia", "password": PASSWORD, "name": "script"},
        format="json",
    )
    assert answer.status_code == 200
    body = answer.json()
    assert set(body) == {"id", "token", "expiry"}
    other = api.post(
        "/api/v1/auth/login/", {"username": "olivia", "password": PASSWORD}, format="json"
    ).json()
    listed = get(body["token"], "/api/v1/auth/tokens/").json()
    assert [t["id"] for t in listed] == [body["id"], other["id"]]
    assert listed[0]["name"] == "script"
    assert all(set(t) == {"id", "name", "created", "expiry", "last_used_at"} for t in listed)

    # Revoke one by id; sign out (this token); sign out everywhere.
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {body['token']}")
    assert client.delete(f"/api/v1/auth/tokens/{other['id']}/").status_code == 204
    assert get(other["token"]).status_code == 401
    assert client.delete(f"/api/v1/auth/tokens/{other['id']}/").status_code == 404
    assert client.post("/api/v1/auth/logout/").status_code == 204
    assert get(body["token"]).status_code == 401
    _, a = tokens.api_token_issue(user=olivia)
    _, b = tokens.api_token_issue(user=olivia)
    client.credentials(HTTP_AUTHORIZATION=f"Token {a}")
    assert client.post("/api/v1/auth/logout-all/").status_code == 204
    assert get(b).status_code == 401


@pytest.mark.django_db
def test_a_wrong_password_gets_no_token(olivia):
    answer = APIClient().post(
        "/api/v1/auth/login/", {"username": "olivia", "password": "nope"}, format="json"
    )
    assert answer.status_code == 400
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_the_admin_lists_tokens_without_the_secret_and_cannot_make_one(client, adam, olivia):
    adam.is_staff = adam.is_superuser = True
    adam.save()
    token, secret = tokens.api_token_issue(user=olivia, name="reporting")
    sign_in_verified(client, adam)
    page = client.get("/admin/accounts/apitoken/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "reporting" in html
    assert secret not in html and token.digest not in html and token.token_key not in html
    detail = client.get(f"/admin/accounts/apitoken/{token.pk}/change/").content.decode()
    assert token.digest not in detail and token.token_key not in detail
    assert client.get("/admin/accounts/apitoken/add/").status_code == 403
    assert client.get("/admin/authtoken/").status_code == 404  # the clear-text table is gone


@pytest.mark.django_db(transaction=True)
def test_old_clear_text_keys_move_to_hashed_tokens_and_the_old_table_goes(olivia):
    migration = importlib.import_module("putright.accounts.migrations.0003_move_authtoken_keys")
    key = "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, created timestamp, "
            "user_id bigint)"
        )
        cursor.execute(
            "INSERT INTO authtoken_token VALUES (%s, %s, %s)",
            [key, "2025-01-02 03:04:05", olivia.pk],
        )
    with connection.schema_editor() as editor:
        migration.move_keys(apps, editor)
    assert "authtoken_token" not in connection.introspection.table_names()
    moved = ApiToken.objects.get(user=olivia)
    assert moved.digest == hashlib.sha512(key.encode()).hexdigest()
    assert moved.created.year == 2025 and moved.expiry is not None
    assert get(key).status_code == 200  # the old key keeps working, as `Token <key>`
