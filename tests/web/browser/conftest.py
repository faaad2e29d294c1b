"""Browser tests: Debian's chromium driven by Playwright (never a downloaded browser), with
axe-core from npm (scripts/ensure-browser.sh installs both)."""

import importlib
import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[3]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# PUTRIGHT_SCREENSHOTS=1 makes the journeys save the docs' screenshots here (docs/web.md).
SCREENSHOTS = ROOT / "docs" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# WCAG 2.2 AA and everything below it.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Playwright's sync API runs an event loop in this thread; the test's own database set-up then
# trips Django's async guard although nothing runs concurrently.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "real_time: run at the real date (the live browser keeps real cookies)"
    )


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.skip(
            "!!! BROWSER TESTS SKIPPED: /usr/bin/chromium is missing. Run "
            "scripts/ensure-browser.sh (as root it installs Debian's chromium) to run the "
            "browser and accessibility tests."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    # bypass_csp lets the test inject axe-core; the pages themselves run under the strict CSP.
    context = chromium.new_context(bypass_csp=True, locale="en-GB")
    page = context.new_page()
    # Generous: the first request warms the server up, and CI machines are busy.
    page.set_default_timeout(30_000)
    page.set_default_navigation_timeout(90_000)
    yield page
    context.close()


@pytest.fixture
def axe_check():
    if not AXE.exists():
        pytest.fail(
            "axe-core is missing (node_modules/axe-core/axe.min.js): run scripts/ensure-browser.sh"
        )

    def check(page, label=""):
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        violations = [
            f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(n["target"][0] if n["target"] else "" for n in v["nodes"][:5])
            for v in result["violations"]
        ]
        assert violations == [], f"axe on {label or page.url}:\n" + "\n".join(violations)

    return check


@pytest.fixture
def screenshot():
    """`screenshot(page, name)` saves the whole page as docs/screenshots/<name>.png, only when
    PUTRIGHT_SCREENSHOTS=1 is set: without it the tests write no files."""

    def take(page, name):
        if os.environ.get("PUTRIGHT_SCREENSHOTS") != "1":
            return None
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def sign_in(page, live_server):
    def sign_in_as(username, password="putright-test"):
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button:has-text('Sign in')")
        page.wait_for_url(f"{live_server.url}/")

    return sign_in_as


@pytest.fixture
def browser_db(transactional_db):
    """A database the live server's thread sees committed. Afterwards the append-only events
    (5.12) are cleared so that the flush between tests can run: PostgreSQL's TRUNCATE does not
    fire the row trigger, but SQLite's DELETE does, so there the trigger is lifted for the
    clean-up only (as in tests/reminders)."""
    yield
    from django.db import connection

    if connection.vendor == "sqlite":
        migration = importlib.import_module(
            "putright.complaints.migrations.0002_events_append_only"
        )
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER IF EXISTS complaints_event_no_delete")
            cursor.execute("DELETE FROM complaints_event")
            cursor.execute(migration.SQLITE[1])
