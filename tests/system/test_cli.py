"""The operator's commands for people: `putright adduser` and `putright apitoken`."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from putright.accounts.models import ApiToken, User

PUTRIGHT = Path(sys.executable).with_name("putright")


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["handler", "officer", "manager", "governance", "admin"])
def test_adduser_creates_a_user_in_each_role(role):
    output = run("adduser", "sam", "--role", role, "--password", "a-long-pass-phrase")

    user = User.objects.get(username="sam")
    assert user.role == role
    assert user.check_password("a-long-pass-phrase")
    assert "Created sam" in output
    # Only administrators reach Django's admin site.
    assert user.is_staff == (role == "admin")


@pytest.mark.django_db
def test_adduser_without_a_password_makes_one_that_cannot_sign_in_yet():
    run("adduser", "sam", "--role", "handler", "--email", "sam@landlord.example")

    user = User.objects.get(username="sam")
    assert user.email == "sam@landlord.example"
    assert not user.has_usable_password()


@pytest.mark.django_db
def test_adduser_refuses_an_unknown_role():
    with pytest.raises(CommandError, match="invalid choice: 'director'"):
        run("adduser", "sam", "--role", "director")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_adduser_needs_a_role():
    with pytest.raises(CommandError, match="--role"):
        run("adduser", "sam")


@pytest.mark.django_db
def test_adduser_refuses_a_duplicate_and_leaves_the_first_alone(hannah):
    with pytest.raises(CommandError, match="'hannah' already exists"):
        run("adduser", "hannah", "--role", "admin")
    hannah.refresh_from_db()
    assert hannah.role == "handler"


@pytest.mark.django_db
def test_apitoken_issues_a_new_token_each_time_and_stores_only_its_digest(olivia):
    first = run("apitoken", "olivia").strip()
    second = run("apitoken", "olivia").strip()

    assert first != second and len(first) == 64
    assert ApiToken.objects.filter(user=olivia).count() == 2
    stored = list(ApiToken.objects.values_list("digest", "token_key", "name"))
    assert all(first not in str(row) and second not in str(row) for row in stored)


@pytest.mark.django_db
def test_apitoken_token_authenticates_to_the_api(client, olivia):
    token = run("apitoken", "olivia").strip()

    assert client.get("/api/v1/complaints/").status_code in {401, 403}
    response = client.get("/api/v1/complaints/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200


@pytest.mark.django_db
def test_apitoken_refuses_an_unknown_user():
    with pytest.raises(CommandError, match="No user called 'nobody'"):
        run("apitoken", "nobody")
    assert not ApiToken.objects.exists()


def test_the_console_script_end_to_end(tmp_path):
    """The installed `putright` command, as an operator runs it, on a database of its own."""
    env = {
        **os.environ,
        "PUTRIGHT_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
    }

    def putright(*args):
        return subprocess.run(
            [str(PUTRIGHT), *args], env=env, capture_output=True, text=True, timeout=300
        )

    assert putright("migrate", "--noinput").returncode == 0
    created = putright("adduser", "olivia", "--role", "officer")
    assert created.returncode == 0, created.stderr
    assert "Created olivia (Complaints officer)" in created.stdout

    token = putright("apitoken", "olivia")
    assert token.returncode == 0
    assert len(token.stdout.strip()) == 64

    unknown = putright("apitoken", "nobody")
    assert unknown.returncode == 1
    assert "No user called 'nobody'" in unknown.stderr
