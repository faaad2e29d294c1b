"""The staff case page at phone width (review finding H13): it was 791px wide in a 390px screen."""

import pytest

from putright import dates
from tests.factories import acknowledge, log_complaint, respond

pytestmark = [pytest.mark.browser, pytest.mark.real_time]

LONG = "A" * 300  # one unbroken word, as a pasted link or reference would be


def test_the_case_page_fits_a_390px_screen(page, live_server, sign_in, browser_db, hannah):
    today = dates.today()
    complaint = log_complaint(user=hannah, received_on=today, description=f"Mould. {LONG}")
    acknowledge(complaint, user=hannah, on=today)
    respond(
        complaint,
        user=hannah,
        on=today,
        remedies=[{"type": "apology", "description": f"Apology {LONG}", "due_on": today}],
    )
    sign_in("hannah")
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("", "respond/", "amend-definition/"):
        page.goto(f"{live_server.url}/complaints/{complaint.reference}/{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path or 'case page'}: {width}px"
