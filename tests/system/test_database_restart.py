"""Faults lose nothing (issue 11, item 6; security review findings 8 and 9): a private
PostgreSQL cluster, started by this test (never the shared one), is stopped for a few seconds
in the middle of a bounded load of `POST /api/v1/complaints/` against a real server process.
Every client retries with its idempotency key until it is told 201, as the API asks. Then:
every 201 is in the database, no submission made two complaints, and every failure was told
(503 with Retry-After, or a refused connection), never a 500.

It runs in the PostgreSQL pass of `make test` and needs PostgreSQL's server binaries
(/usr/lib/postgresql/*/bin); in CI their absence fails the test."""

import contextlib
import glob
import http.client
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.system.processes import free_port, gunicorn, production_env, putright, wait_for

pytestmark = pytest.mark.django_db

SUBMISSIONS = 120
CLIENTS = 4
OUTAGE_SECONDS = 3


def _pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not found:
        message = "PostgreSQL's server binaries (/usr/lib/postgresql/*/bin) are not installed"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return Path(found[-1]).parent


def _as_postgres(command: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class Cluster:
    def __init__(self):
        self.bin = _pg_bin()
        self.root = Path(tempfile.mkdtemp(prefix="putright-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self.data = self.root / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/putright"

    def _ctl(self, *args):
        subprocess.run(
            _as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.data), *args]),
            check=True,
            capture_output=True,
            timeout=60,
        )

    def start(self):
        if not self.data.exists():
            subprocess.run(
                _as_postgres(
                    [
                        str(self.bin / "initdb"),
                        "-D",
                        str(self.data),
                        "-U",
                        "postgres",
                        "--auth=trust",
                        "-E",
                        "UTF8",
                    ]
                ),
                check=True,
                capture_output=True,
                timeout=120,
            )
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        self._ctl("-o", options, "-l", str(self.root / "log"), "-w", "start")

    def stop(self):
        self._ctl("-m", "fast", "-w", "stop")

    def remove(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture
def cluster():
    if connection.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL pass, against a private cluster")
    cluster = Cluster()
    cluster.start()
    with psycopg.connect(
        f"postgres://postgres@127.0.0.1:{cluster.port}/postgres", autocommit=True
    ) as admin:
        admin.execute("CREATE DATABASE putright")
    yield cluster
    cluster.remove()


def _env(cluster, tmp_path):
    return production_env(
        DATABASE_URL=cluster.url,
        # Connections kept open across requests, as in production: a restart breaks them.
        DATABASE_CONN_MAX_AGE="60",
        PUTRIGHT_VAR_DIR=str(tmp_path / "var"),
    )


def test_a_database_restart_under_load_loses_nothing_and_duplicates_nothing(cluster, tmp_path):
    pytest.importorskip("gunicorn")
    env = _env(cluster, tmp_path)
    putright(env, "migrate", "-v0")
    putright(env, "adduser", "olivia", "--role", "officer", "--password", uuid.uuid4().hex)
    token = putright(env, "apitoken", "olivia").stdout.strip().splitlines()[-1]
    port = free_port()
    server = gunicorn(env, port)
    try:
        wait_for(port)
        today = subprocess.run(["date", "+%F"], capture_output=True, text=True).stdout.strip()
        outcomes: list[tuple[str, object]] = []  # (key, status or transport error)
        created: dict[str, str] = {}  # key -> reference told
        lock = threading.Lock()
        started_outage = threading.Event()

        def submit(keys):
            for key in keys:
                body = json.dumps(
                    {
                        "resident": {"name": f"Resident {key[-8:]}", "email": f"{key}@x.org"},
                        "received_on": today,
                        "channel": "phone",
                        "description": f"Damp in the bedroom ({key}).",
                    }
                )
                for _attempt in range(200):
                    try:
                        link = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
                        link.request(
                            "POST",
                            "/api/v1/complaints/",
                            body=body,
                            headers={
                                "Authorization": f"Token {token}",
                                "Content-Type": "application/json",
                                "Idempotency-Key": key,
                            },
                        )
                        answer = link.getresponse()
                        payload = answer.read()
                        status, retry_after = answer.status, answer.getheader("Retry-After")
                        link.close()
                    except OSError as error:
                        with lock:
                            outcomes.append((key, type(error).__name__))
                        time.sleep(0.1)
                        continue
                    with lock:
                        outcomes.append((key, status if status != 503 or retry_after else "503!"))
                    if status == 201:
                        with lock:
                            assert (
                                key not in created
                                or created[key] == json.loads(payload)["reference"]
                            ), "a retry was told a different complaint"
                            created[key] = json.loads(payload)["reference"]
                        break
                    time.sleep(0.1)

        keys = [f"fault-{uuid.uuid4().hex}" for _ in range(SUBMISSIONS)]
        clients = [
            threading.Thread(target=submit, args=(keys[i::CLIENTS],)) for i in range(CLIENTS)
        ]

        def outage():
            while len(created) < SUBMISSIONS // 3:
                time.sleep(0.05)
            started_outage.set()
            cluster.stop()
            time.sleep(OUTAGE_SECONDS)
            cluster.start()

        restarter = threading.Thread(target=outage)
        for thread in [*clients, restarter]:
            thread.start()
        for thread in [*clients, restarter]:
            thread.join(timeout=300)
    finally:
        server.terminate()
        server.wait(timeout=30)

    assert started_outage.is_set()
    statuses = Counter(status for _, status in outcomes)
    # The outage was felt (otherwise this test proves nothing) and every failure was told.
    assert sum(n for s, n in statuses.items() if s != 201) > 0, statuses
    assert set(statuses) <= {
        201,
        503,
        "ConnectionRefusedError",
        "RemoteDisconnected",
        "ConnectionResetError",
        "BrokenPipeError",
    }, statuses
    # Every submission was eventually told 201, and each is exactly one complaint.
    assert len(created) == SUBMISSIONS, statuses
    with psycopg.connect(cluster.url, autocommit=True) as db:
        rows = db.execute("SELECT reference FROM complaints_complaint").fetchall()
    references = [r[0] for r in rows]
    assert len(references) == len(set(references)) == SUBMISSIONS
    assert set(created.values()) == set(references)
