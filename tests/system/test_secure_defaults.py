"""Secure by default (issue 11, item 1; security review findings 1, 3, 12, 13, 15): nothing
unsafe is a default outside DEBUG=1. Each test starts `putright` as an operator would, with the
environment it is given and nothing else."""

import os
import sqlite3
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from putright.accounts.models import User
from tests.system.processes import base_env, putright

# It starts its own SQLite installations, whatever the suite's back end: once is enough.
pytestmark = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="backend-independent; runs in the SQLite pass",
)

DOCS = Path(__file__).resolve().parents[2] / "docs"
GOOD_KEY = "k" * 20 + "Zq4uX2mP8vR6tY1wK3nB7cL5dF9hJ0sA"


def _env(tmp_path, **values):
    env = base_env(
        DATABASE_URL=f"sqlite:///{tmp_path / 'p.sqlite3'}", PUTRIGHT_VAR_DIR=str(tmp_path)
    )
    for name in ("SECRET_KEY", "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS"):
        env.pop(name, None)
    env.update(values)
    return env


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        (None, "SECRET_KEY must be set"),
        ("putright-development-only-key-never-use-in-production", "published development key"),
        ("django-insecure-" + "x" * 50, "published development key"),
        ("short-key", "too weak"),
        ("ab" * 40, "too weak"),
    ],
)
def test_without_debug_a_missing_or_known_key_stops_start_up(tmp_path, key, reason):
    env = _env(tmp_path, DEBUG="0", **({"SECRET_KEY": key} if key else {}))
    answer = putright(env, "check", check=False)
    assert answer.returncode != 0
    assert "ImproperlyConfigured" in answer.stderr and reason in answer.stderr


def test_a_good_key_starts_and_debug_alone_gets_the_development_key(tmp_path):
    putright(_env(tmp_path, DEBUG="0", SECRET_KEY=GOOD_KEY), "check")
    putright(_env(tmp_path, DEBUG="1"), "check")


def _load(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value.split("  #")[0].strip()
    return values


def test_the_documented_production_settings_pass_the_deployment_checklist(tmp_path):
    settings = _load(DOCS / "production.env.example")
    settings.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'p.sqlite3'}",  # no PostgreSQL server needed
        PUTRIGHT_VAR_DIR=str(tmp_path),
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
        CACHE_URL="",
    )
    env = _env(tmp_path, **settings)
    answer = putright(env, "check", "--deploy", "--fail-level", "WARNING", check=False)
    assert answer.returncode == 0, answer.stderr
    assert "no issues" in answer.stdout
    # And the same settings without HTTPS's are not clean: the check can fail.
    env.update(SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="0")
    weaker = putright(env, "check", "--deploy", "--fail-level", "WARNING", check=False)
    assert weaker.returncode != 0
    assert "security.W004" in weaker.stderr and "security.W008" in weaker.stderr
    # Residents' links are built on the site address: unset, or plain HTTP, is not clean.
    for site in ("", "http://complaints.landlord.example"):
        unsafe = {**env, "PUTRIGHT_SITE_URL": site}
        answer = putright(unsafe, "check", "--deploy", "--fail-level", "WARNING", check=False)
        assert answer.returncode != 0 and "putright.W001" in answer.stderr


def test_flush_and_the_demo_refuse_outside_development(tmp_path):
    env = _env(tmp_path, DEBUG="0", SECRET_KEY=GOOD_KEY)
    putright(env, "migrate", "-v0")
    putright(env, "adduser", "admin-jo", "--role", "admin", "--password", "Tidy-Harbour-Lamp-42")
    flush = putright(env, "flush", "--noinput", check=False)
    assert flush.returncode != 0 and "runs only with DEBUG=1" in flush.stderr
    demo = putright(env, "demo", "--complaints", "30", check=False)
    assert demo.returncode != 0 and "published password" in demo.stderr
    # Flagged, it still refuses a database that has users: the state after "First installation".
    flagged = putright(
        env, "demo", "--complaints", "30", "--i-know-this-is-not-production", check=False
    )
    assert flagged.returncode != 0 and "already has 1 user" in flagged.stderr
    db = sqlite3.connect(tmp_path / "p.sqlite3")
    try:
        assert db.execute("SELECT username FROM accounts_user").fetchall() == [("admin-jo",)]
    finally:
        db.close()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("a", "too short"),
        ("Summer2026", "too short"),
        ("837492017364", "entirely numeric"),
        ("password1234", "too common"),
        ("samsamsamsam1", "too similar"),
    ],
)
def test_adduser_applies_the_password_policy(password, reason):
    with pytest.raises(CommandError, match=reason):
        call_command(
            "adduser",
            "samsamsamsam",
            "--role",
            "manager",
            "--password",
            password,
            stdout=StringIO(),
        )
    assert not User.objects.exists()
    call_command(
        "adduser",
        "samsamsamsam",
        "--role",
        "manager",
        "--password",
        "Tidy-Harbour-Lamp-42",
        stdout=StringIO(),
    )
    assert User.objects.get().check_password("Tidy-Harbour-Lamp-42")


def test_the_env_file_is_the_one_operating_md_points_to():
    assert "production.env.example" in (DOCS / "operating.md").read_text()
    assert os.path.exists(DOCS / "production.env.example")
