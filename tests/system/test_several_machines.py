"""Run it for real, on more than one machine (issue 11, item 7): two web processes (gunicorn,
one worker each, as two machines would be) and two task workers, against one PostgreSQL
database and one Redis. Then: a sign-in lock-out earned on one web process holds on the other;
the public complaint limit counts submissions made through either; a session signed in on one
is served by the other; and a reminder is sent exactly once although both workers sweep.

It runs in the PostgreSQL pass of `make test` and needs Redis at 127.0.0.1:6379 (database 3,
emptied first); without Redis it skips with a loud reason, except in CI, where it fails."""

import http.cookiejar
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import psycopg
import pytest
from django.db import connection

from tests.system.processes import (
    free_port,
    gunicorn,
    new_databases,
    production_env,
    putright,
    wait_for,
)

pytestmark = pytest.mark.django_db
REDIS_URL = "redis://127.0.0.1:6379/3"


def _redis():
    try:
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        client.ping()
        return client
    except Exception as error:  # no module, no server: the same answer
        message = f"!! Redis is needed at {REDIS_URL} for the several-machines test: {error}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


SWEEP = "putright.reminders.tasks.sweep"


class Browser:
    """A client with one cookie jar for every port on 127.0.0.1, as a browser behind a load
    balancer would be: whichever web process answers, the same cookies go with the request."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect
        )

    def request(self, port, path, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() if isinstance(data, dict) else data
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{path}", data=body, headers=headers or {}
        )
        try:
            with self.opener.open(request, timeout=30) as answer:
                return answer.status, answer.read().decode(), answer.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers

    def csrf(self, port, path):
        status, page, _ = self.request(port, path)
        assert status == 200, (path, status)
        return dict(re.findall(r'name="([a-z_]+)" value="([^"]*)"', page))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def site(tmp_path):
    """Two web processes and two workers sharing one database and one Redis."""
    if connection.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL pass: several machines share a PostgreSQL")
    pytest.importorskip("gunicorn")
    _redis().flushdb()
    with new_databases(1, tmp_path) as (url,):
        env = production_env(
            DATABASE_URL=url,
            CACHE_URL=REDIS_URL,
            EMAIL_FILE_PATH=str(tmp_path / "mail"),
            PUTRIGHT_VAR_DIR=str(tmp_path / "var"),
            # Every new complaint's acknowledgement falls inside the reminder window.
            PUTRIGHT_REMINDER_WORKING_DAYS="10",
        )
        putright(env, "migrate", "-v0")
        password = f"Correct-{uuid.uuid4().hex}"
        putright(
            env,
            "adduser",
            "olivia",
            "--role",
            "officer",
            "--email",
            "olivia@landlord.example",
            "--password",
            password,
        )
        ports = [free_port(), free_port()]
        webs = [gunicorn(env, port, workers=1) for port in ports]
        try:
            for port in ports:
                wait_for(port)
            yield {
                "env": env,
                "url": url,
                "ports": ports,
                "password": password,
                "mail": tmp_path / "mail",
            }
        finally:
            for web in webs:
                web.terminate()
                web.wait(timeout=30)


def _sign_in(browser, port, password):
    form = browser.csrf(port, "/accounts/login/")
    status, _, _ = browser.request(
        port,
        "/accounts/login/",
        {
            "csrfmiddlewaretoken": form["csrfmiddlewaretoken"],
            "username": "olivia",
            "password": password,
        },
    )
    return status


def test_lockouts_limits_sessions_and_reminders_are_shared(site):
    a, b = site["ports"]

    # A session signed in on one web process is served by the other.
    browser = Browser()
    assert _sign_in(browser, a, site["password"]) == 302
    status, page, headers = browser.request(b, "/")
    assert status == 200 and "Sign out" in page  # not sent to the sign-in page
    assert "no-store" in headers.get("Cache-Control", "")

    # Wrong passwords counted on both web processes add up to one lock-out (limit 5).
    attacker = Browser()
    answers = [_sign_in(attacker, (a, b)[i % 2], "wrong-password") for i in range(5)]
    assert 429 not in answers[:4]
    assert _sign_in(attacker, b, site["password"]) == 429
    assert _sign_in(attacker, a, site["password"]) == 429

    # The public limit (5 complaints an hour from one address) counts through either process.
    today = subprocess.run(["date", "+%F"], capture_output=True, text=True).stdout.strip()
    answers = []
    for i in range(6):
        port = (a, b)[i % 2]
        resident = Browser()
        # The first question page's answers come to the details page in its address.
        form = resident.csrf(port, "/complain/details/?who=resident&preferred_contact_method=email")
        details = {
            "csrfmiddlewaretoken": form["csrfmiddlewaretoken"],
            "who": "resident",
            "name": f"Resident {i}",
            "address": f"{i} Elm Road",
            "email": f"r{i}@example.org",
            "phone": "",
            "preferred_contact_method": "email",
            "description": "The kitchen ceiling has leaked for three weeks.",
            "issue_date": today,
            "outcome_wanted": "Fix it.",
            "adjustments": "",
            "website": "",
        }
        status, _, _ = resident.request(port, "/complain/details/", details)
        if status == 302:
            check = resident.csrf(port, "/complain/check/")
            status, _, _ = resident.request(port, "/complain/check/", check)
        answers.append(status)
    assert answers == [302] * 5 + [429], answers

    # Two workers sweep four times over; each reminder is sent once.
    for _ in range(4):
        putright(site["env"], "reminders-sweep")
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "putright.cli",
                "worker",
                "--no-reload",
                "--interval",
                "0.2",
                "--worker-id",
                f"worker-{n}",
            ],
            env=site["env"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for n in range(2)
    ]
    try:
        with psycopg.connect(site["url"], autocommit=True) as db:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                # The sweeps; the residents' tracking-link messages run beside them.
                done = db.execute(
                    "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult "
                    "WHERE status IN ('SUCCESSFUL', 'FAILED') AND task_path = %s",
                    [SWEEP],
                ).fetchone()[0]
                if done >= 4:
                    break
                time.sleep(0.5)
            statuses = db.execute(
                "SELECT status, COUNT(*) FROM django_tasks_database_dbtaskresult "
                "WHERE task_path = %s GROUP BY status",
                [SWEEP],
            ).fetchall()
            complaints = db.execute("SELECT COUNT(*) FROM complaints_complaint").fetchone()[0]
            reminders = db.execute(
                "SELECT kind, object_key, due_on FROM reminders_remindersent "
                "WHERE kind = 'acknowledge_due'"
            ).fetchall()
            # Four sweeps schedule tomorrow's once.
            successors = db.execute(
                "SELECT COUNT(*) FROM reminders_remindersent WHERE kind = 'sweep_scheduled'"
            ).fetchone()[0]
    finally:
        for worker in workers:
            worker.terminate()
            worker.wait(timeout=60)
    assert ("SUCCESSFUL", 4) in [tuple(s) for s in statuses], statuses
    assert complaints == 5
    assert len(reminders) == complaints == len(set(reminders))
    assert successors == 1
    mails = [
        line
        for path in site["mail"].glob("*")
        for line in path.read_text().splitlines()
        if line.startswith("Subject:") and "acknowledgement due" in line
    ]
    assert len(mails) == complaints, mails
    assert json.dumps(sorted(mails)) == json.dumps(sorted(set(mails)))
