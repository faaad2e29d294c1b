"""Nothing is wider than a phone (review findings R4 and H13): at 390 px the tracking page and
the staff case page fit the screen."""

import datetime as dt

import pytest

from putright import dates
from putright.complaints.services import note_add
from putright.web.tracking import tracking_path
from tests.factories import acknowledge, log_complaint, respond

pytestmark = [pytest.mark.browser, pytest.mark.real_time]

WIDTH = 390


def _wide_case(hannah):
    today = dates.today()
    complaint = log_complaint(
        user=hannah,
        received_on=today - dt.timedelta(days=1),
        description="A long word that will not wrap: " + "x" * 120,
        outcome_wanted="Fix it.",
    )
    acknowledge(complaint, user=hannah, on=today)
    respond(complaint, user=hannah, on=today)
    note_add(user=None, complaint=complaint, text="https://example.org/" + "y" * 100)
    return complaint


def _scroll_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_the_tracking_page_fits_a_phone(page, live_server, browser_db, hannah):
    complaint = _wide_case(hannah)
    page.set_viewport_size({"width": WIDTH, "height": 800})
    page.goto(f"{live_server.url}{tracking_path(complaint)}")
    assert page.locator("textarea").count() >= 1  # the "Tell us more" box is on the page
    assert _scroll_width(page) <= WIDTH


def test_the_staff_case_page_fits_a_phone(page, live_server, sign_in, browser_db, hannah):
    complaint = _wide_case(hannah)
    sign_in("hannah")
    page.set_viewport_size({"width": WIDTH, "height": 800})
    page.goto(f"{live_server.url}/complaints/{complaint.reference}/")
    assert _scroll_width(page) <= WIDTH
