"""The core flows in a real browser, with axe-core on every page they pass through."""

import pytest

from putright import dates
from tests.factories import acknowledge, log_complaint, respond

pytestmark = [pytest.mark.browser, pytest.mark.real_time]


def test_a_resident_complains_and_escalates(page, live_server, axe_check, browser_db, hannah):
    url = live_server.url
    page.goto(f"{url}/")
    axe_check(page, "front door")
    page.click("text=Start now")
    # First who is complaining and how to contact them, then only what applies (R5).
    axe_check(page, "who is complaining")
    page.click("button:has-text('Continue')")
    assert page.locator(".pr-error-summary").is_visible()
    axe_check(page, "who is complaining with errors")
    page.click(".pr-error-summary a[href='#id_who_0']")
    page.check("#id_who_0")
    page.check("#id_preferred_contact_method_0")
    page.click("button:has-text('Continue')")
    axe_check(page, "complaint form")
    assert page.locator("#id_representative_name").count() == 0
    page.click("button:has-text('Continue')")
    assert page.locator(".pr-error-summary").is_visible()
    axe_check(page, "complaint form with errors")
    page.click(".pr-error-summary a[href='#id_name']")
    page.fill("#id_name", "Rosa Patel")
    page.fill("#id_address", "Flat 3, 12 Elm Road, Exampletown")
    page.fill("#id_email", "rosa@example.org")
    page.fill("#id_description", "The kitchen ceiling has leaked for three weeks.")
    # The GOV.UK date input (R6): a wrong date is linked to its Day box.
    page.fill("#id_issue_date_0", "31")
    page.fill("#id_issue_date_1", "2")
    page.fill("#id_issue_date_2", "2025")
    page.fill("#id_outcome_wanted", "Fix the leak.")
    page.fill("#id_adjustments", "Large print, please.")
    page.click("button:has-text('Continue')")
    axe_check(page, "complaint form with a date error")
    page.click(".pr-error-summary a[href='#id_issue_date_0']")
    assert page.url.endswith("#id_issue_date_0")
    page.fill("#id_issue_date_0", "3")
    page.click("button:has-text('Continue')")
    assert "Check your answers" in page.inner_text("h1")
    axe_check(page, "check answers")
    page.click("button:has-text('Send complaint')")
    assert "Complaint sent" in page.inner_text("h1")
    axe_check(page, "confirmation")
    reference = page.inner_text(".pr-panel__ref").strip()
    tracking = page.get_attribute("a[href*='/track/']", "href")

    page.goto(tracking)
    assert reference in page.content()
    axe_check(page, "tracking page")

    from putright.complaints.models import Complaint

    complaint = Complaint.objects.get(reference=reference)
    today = dates.today()
    acknowledge(complaint, user=_officer(), handler=hannah, on=today)
    respond(complaint, user=hannah, on=today)
    page.goto(tracking)
    page.click("a:has-text('Ask for stage 2')")
    # A confirmation page with an optional box (R3, 6.12), then one press asks.
    assert "Ask for stage 2" in page.inner_text("h1")
    axe_check(page, "stage 2 confirmation")
    page.fill("#id_reason", "The leak is back.")
    page.click("button:has-text('Ask for stage 2')")
    assert "You have asked for stage 2" in page.inner_text("main")
    axe_check(page, "tracking page after stage 2 request")
    page.fill("#id_text", "Photos to follow.")
    page.click("button:has-text('Send information')")
    assert "Photos to follow." in page.inner_text("main")
    complaint.refresh_from_db()
    assert (complaint.stage, complaint.status) == (2, "awaiting_acknowledgement")


def _officer():
    from tests.factories import UserFactory

    return UserFactory(username="olivia", role="officer")


def test_a_handler_acknowledges_extends_and_responds(
    page, live_server, sign_in, axe_check, screenshot, browser_db, hannah
):
    complaint = log_complaint(user=hannah, received_on=dates.today())
    sign_in("hannah")
    axe_check(page, "home")
    page.click("nav >> text=Complaints")
    axe_check(page, "complaint list")
    page.fill("#id_q", "Rosa")
    page.click("button:has-text('Apply')")
    page.click(f"text={complaint.reference}")
    axe_check(page, "case page")

    page.click("text=Acknowledge and define")
    axe_check(page, "acknowledge form")
    page.fill("#id_understanding", "The kitchen ceiling leaks and the repair is late.")
    page.fill("#id_outcomes_sought", "The leak fixed.")
    page.fill("#id_responsible_for", "The roof repair.")
    page.fill("#id_not_responsible_for", "Nothing else was raised.")
    page.click("button:has-text('Acknowledge')")
    # Each action leads to its letter (UX review H4): drafted, previewed, issued from here.
    assert "acknowledged and the complaint defined" in page.inner_text("main")
    assert "letter is drafted from the case" in page.inner_text("main")
    axe_check(page, "acknowledgement letter")
    page.click("button:has-text('Issue the letter')")
    page.click(f"text=Back to {complaint.reference}")

    page.click("text=Extend the deadline")
    page.fill("#id_working_days", "15")
    page.fill("#id_reason", "Waiting for a roofer.")
    page.click("button:has-text('Check the new date')")
    page.click("button:has-text('Extend to')")
    summary = page.inner_text(".pr-error-summary")
    assert "provision 6.4" in summary
    assert page.input_value("#id_reason") == "Waiting for a roofer."
    axe_check(page, "refused extension")
    screenshot(page, "refused-extension")
    page.fill("#id_working_days", "5")
    page.click("button:has-text('Check the new date')")
    page.click("button:has-text('Extend to')")
    assert "Extension recorded" in page.inner_text("main")
    page.click(f"text=Back to {complaint.reference}")

    page.click("text=Record the response")
    axe_check(page, "response form")
    page.check("#id_decision_0")
    page.fill("#id_reasons", "The repair was booked late.")
    page.select_option("#id_remedy_1_type", "apology")
    page.fill("#id_remedy_1_description", "A written apology")
    page.click("button:has-text('Record response')")
    assert "Stage 1 response recorded" in page.inner_text("main")
    axe_check(page, "response letter")
    screenshot(page, "letter-stage1-response")
    page.click("button:has-text('Issue the letter')")
    page.click(f"text=Back to {complaint.reference}")
    axe_check(page, "case page after response")
    issued = set(complaint.letters.filter(status="issued").values_list("kind", flat=True))
    assert issued == {"acknowledgement", "stage1_response"}
    complaint.refresh_from_db()
    assert complaint.status == "responded"
    assert complaint.stages.get(number=1).extended_days == 5


def test_permission_refusals(page, live_server, sign_in, axe_check, browser_db, hannah, grace):
    complaint = log_complaint(user=hannah, received_on=dates.today())
    sign_in("grace")
    page.goto(f"{live_server.url}/complaints/{complaint.reference}/")
    assert "You can read this complaint but not change it" in page.inner_text("main")
    response = page.goto(f"{live_server.url}/complaints/{complaint.reference}/acknowledge/")
    assert response.status == 403
    assert "You cannot do this" in page.inner_text("h1")
    axe_check(page, "403 page")
    page.click("text=Sign out")
    from tests.factories import UserFactory

    UserFactory(username="harry", role="handler")
    sign_in("harry")
    response = page.goto(f"{live_server.url}/complaints/{complaint.reference}/acknowledge/")
    assert response.status == 403
    assert "assigned to another handler" in page.inner_text("main")


def test_every_other_page_passes_axe(page, live_server, sign_in, axe_check, browser_db, hannah):
    complaint = log_complaint(user=hannah, received_on=dates.today())
    page.goto(f"{live_server.url}/accounts/login/")
    axe_check(page, "sign in")
    page.fill("#id_username", "hannah")
    page.fill("#id_password", "wrong")
    page.click("button:has-text('Sign in')")
    axe_check(page, "sign in with error")
    page.goto(f"{live_server.url}/track/not-a-real-link/")
    axe_check(page, "404")
    sign_in("hannah")
    for path in [
        "/?scope=team",
        "/complaints/new/",
        "/service-requests/",
        f"/complaints/{complaint.reference}/refuse/",
        f"/complaints/{complaint.reference}/withdraw/",
    ]:
        page.goto(f"{live_server.url}{path}")
        axe_check(page, path)
    page.goto(f"{live_server.url}/complaints/new/")
    page.click("button:has-text('Log complaint')")
    axe_check(page, "log complaint with errors")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/complaints/{complaint.reference}/")
    axe_check(page, "case page on a phone")
