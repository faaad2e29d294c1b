"""`putright serve` is the production server (issue 11, item 7): it will not start on a database
with migrations missing, and once started with DEBUG off it serves pages with their stylesheet
(before, a server started by hand served them without), the API documentation from our own
static files under the Content-Security-Policy, and a health check for the load balancer."""

import os
import re
import subprocess
import sys
import urllib.request

import pytest

from tests.system.processes import free_port, production_env, putright, wait_for

# It starts its own SQLite installations, whatever the suite's back end: once is enough.
pytestmark = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="backend-independent; runs in the SQLite pass",
)


def _get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as answer:
        return answer.status, answer.headers, answer.read().decode()


def test_serve_checks_migrations_collects_static_files_and_serves(tmp_path):
    pytest.importorskip("gunicorn")
    env = production_env(
        DATABASE_URL=f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        PUTRIGHT_VAR_DIR=str(tmp_path),
    )
    port = free_port()
    refused = putright(env, "serve", "--bind", f"127.0.0.1:{port}", check=False)
    assert refused.returncode == 1 and "not applied" in refused.stderr
    putright(env, "migrate", "-v0")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "putright.cli",
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(port, deadline=120)
        status, headers, page = _get(port, "/accounts/login/")
        assert status == 200
        assert "no-store" in headers["Cache-Control"]
        stylesheets = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', page)
        assert stylesheets
        for href in stylesheets:
            status, headers, css = _get(port, href)
            assert status == 200 and headers["Content-Type"].startswith("text/css")
            assert len(css) > 100
        status, _, body = _get(port, "/healthz/")
        assert (status, body) == (200, "ok\n")
    finally:
        server.terminate()
        server.wait(timeout=30)
