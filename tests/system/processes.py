"""Putright as separate processes, for the tests that need real servers, workers and databases
(backups, faults, several machines): the command line, free ports, and new empty databases on
the back end under test."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import uuid

import psycopg
from django.conf import settings
from django.db import connection


def putright(env, *args, check=True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "putright.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check:
        assert result.returncode == 0, result.stderr[-3000:]
    return result


# What the test run itself sets and an operator's environment would not have.
NOT_INHERITED = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


def base_env(**extra) -> dict[str, str]:
    inherited = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    return {**inherited, "DJANGO_SETTINGS_MODULE": "putright.settings", **extra}


def production_env(**extra) -> dict[str, str]:
    """DEBUG off with a real key, over plain HTTP on the loopback (no TLS in a test)."""
    return base_env(
        DEBUG="0",
        SECRET_KEY=uuid.uuid4().hex + uuid.uuid4().hex,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        PYTHONUNBUFFERED="1",
        **extra,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, deadline: float = 60.0) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"nothing is listening on port {port}")


def gunicorn(env, port: int, workers: int = 3) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "putright.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "30",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@contextlib.contextmanager
def new_databases(count: int, folder):
    """URLs of `count` new, empty databases on the back end under test, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield [f"sqlite:///{folder / f'db{i}.sqlite3'}" for i in range(count)]
        return
    db = settings.DATABASES["default"]
    server = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    names = [f"putright_{uuid.uuid4().hex[:12]}_{i}" for i in range(count)]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield [f"{server}/{name}" for name in names]
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
