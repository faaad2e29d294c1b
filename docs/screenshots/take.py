"""Take the screenshots in this folder from a running Putright with the demo data.

    PUTRIGHT_VAR_DIR=/tmp/shots .venv/bin/putright migrate && .venv/bin/putright demo
    PUTRIGHT_VAR_DIR=/tmp/shots DEBUG=1 .venv/bin/putright runserver 127.0.0.1:8765 &
    PUTRIGHT_VAR_DIR=/tmp/shots .venv/bin/python docs/screenshots/take.py http://127.0.0.1:8765

Uses Debian's chromium (scripts/ensure-browser.sh), never a downloaded browser.
"""

import os
import sys
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "putright.settings")
django.setup()

from playwright.sync_api import sync_playwright  # noqa: E402

from putright.complaints.models import Complaint  # noqa: E402
from putright.web.tracking import tracking_path  # noqa: E402

OUT = Path(__file__).resolve().parent
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main(base: str) -> None:
    investigating = (
        Complaint.objects.filter(status="investigating", stage=1).order_by("-received_on").first()
    )
    responded = Complaint.objects.filter(status="responded", stage=1).first()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        desktop = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        page = desktop.new_page()
        page.goto(f"{base}/complain/")
        page.screenshot(path=OUT / "public-start.png", full_page=True)
        page.goto(f"{base}/complain/details/")
        page.click("button:has-text('Continue')")
        page.screenshot(path=OUT / "public-form-errors.png", full_page=False)
        page.goto(f"{base}{tracking_path(responded.reference)}")
        page.screenshot(path=OUT / "tracking.png", full_page=True)
        page.goto(f"{base}/accounts/login/")
        page.fill("#id_username", "olivia")
        page.fill("#id_password", "putright-demo")
        page.click("button:has-text('Sign in')")
        page.goto(f"{base}/?scope=team")
        page.screenshot(path=OUT / "home.png", full_page=False)
        page.goto(f"{base}/complaints/?status=open")
        page.screenshot(path=OUT / "complaints.png", full_page=False)
        page.goto(f"{base}/complaints/{investigating.reference}/")
        page.screenshot(path=OUT / "case.png", full_page=True)
        page.goto(f"{base}/complaints/{investigating.reference}/extend/")
        page.fill("#id_working_days", "25")
        page.fill("#id_reason", "We are waiting for a structural survey.")
        page.click("button:has-text('Extend')")
        page.screenshot(path=OUT / "refused-extension.png", full_page=False)
        phone = browser.new_context(
            viewport={"width": 390, "height": 844}, device_scale_factor=2, locale="en-GB"
        ).new_page()
        phone.goto(f"{base}/complain/details/")
        phone.screenshot(path=OUT / "public-form-phone.png", full_page=False)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8765")
