"""Each persona's journey end to end in a real browser (the issue's "Done when"), with axe-core on
every page they visit: the resident on a phone (390 px), staff at 1280 px, and the key pages
checked at the other width too.

With PUTRIGHT_SCREENSHOTS=1 the journeys also save docs/screenshots/ (docs/web.md,
"Screenshots"); without it they write nothing."""

import re

import pytest

from putright import dates
from tests.factories import acknowledge, log_complaint, respond
from tests.web.browser.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.real_time]


@pytest.fixture
def axe_both(axe_check):
    """axe at the page's own width and at the other one (390 and 1280 px), back to its own."""

    def check(page, label):
        own = page.viewport_size
        axe_check(page, f"{label} at {own['width']}px")
        other = DESKTOP if own["width"] == PHONE["width"] else PHONE
        page.set_viewport_size(other)
        axe_check(page, f"{label} at {other['width']}px")
        page.set_viewport_size(own)

    return check


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


@pytest.fixture
def desktop(page):
    page.set_viewport_size(DESKTOP)
    return page


@pytest.fixture
def tasks_now(settings, live_server, mailoutbox):
    """Tasks run as they are enqueued (the notification is a django-tasks task), mail goes to
    Django's locmem outbox, and links in messages open on the live server."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.PUTRIGHT_SITE_URL = live_server.url
    return mailoutbox


def _main(page) -> str:
    return page.inner_text("main")


def _csrf(page) -> str:
    return page.locator("input[name=csrfmiddlewaretoken]").first.input_value()


# --- 1. The resident on a phone ---------------------------------------------------------------

# What Rosa answers, by the question's label: whichever page of the form asks it (the form's
# pages may change; labels are what she reads). "check" ticks a radio or box.
ROSA = [
    ("I am the resident", "check", False),
    ("Your full name", "Rosa Patel", False),
    ("Your address", "Flat 3, 12 Elm Road\nExampletown EX2 3AB", False),
    ("Email address", "rosa@example.org", False),
    ("Email", "check", True),
    ("What happened?", "The kitchen ceiling has leaked for three weeks.", False),
    ("What would you like us to do to put things right?", "Fix the leak.", False),
    ("Do you need us to do anything differently?", "Large print, please.", False),
]


def _answer_the_form(page, axe_both, screenshot):
    """Answer each page of the form by its labels and continue, until the check-answers page."""
    for step in range(10):
        if "Check your answers" in page.inner_text("h1"):
            return
        if step == 0:
            screenshot(page, "public-form-phone")
            axe_both(page, "complaint form")
        main = page.locator("main")
        for label, value, exact in ROSA:
            field = main.get_by_label(label, exact=exact)
            if field.count() != 1 or not field.is_visible():
                continue
            if value == "check":
                field.check()
            elif not field.input_value():
                field.fill(value)
        page.get_by_role("button", name="Continue").click()
        errors = page.locator(".pr-error-summary")
        assert errors.count() == 0, "the form refused Rosa's answers:\n" + errors.inner_text()
    raise AssertionError("the form never reached its check-answers page")


def test_the_resident_complains_on_a_phone_and_asks_for_stage_2(
    phone, live_server, axe_check, axe_both, screenshot, browser_db, tasks_now, olivia, hannah
):
    page, outbox = phone, tasks_now
    page.goto(f"{live_server.url}/")
    axe_check(page, "front door on a phone")
    screenshot(page, "public-start")
    page.get_by_role("button", name="Start now").click()

    # Continue with nothing answered: the error summary, linked to the first question.
    page.get_by_role("button", name="Continue").click()
    assert page.locator(".pr-error-summary").is_visible()
    axe_check(page, "complaint form with errors on a phone")
    screenshot(page, "public-form-errors")
    page.locator(".pr-error-summary a").first.click()

    _answer_the_form(page, axe_both, screenshot)
    axe_both(page, "check answers")
    assert "Rosa Patel" in _main(page) and "Fix the leak." in _main(page)
    page.get_by_role("button", name="Send complaint").click()
    assert "Complaint sent" in page.inner_text("h1")
    axe_both(page, "confirmation")

    from putright.complaints.models import Complaint

    complaint = Complaint.objects.get()
    assert complaint.reference in _main(page)
    assert complaint.resident.name == "Rosa Patel"
    assert complaint.description == "The kitchen ceiling has leaked for three weeks."

    # The reference and the tracking link, by e-mail (the way she asked to be contacted).
    [message] = outbox
    assert message.to == ["rosa@example.org"]
    assert complaint.reference in message.subject and complaint.reference in message.body
    link = re.search(rf"{re.escape(live_server.url)}/track/[^/\s]+/", message.body).group(0)

    # She opens the link from the e-mail on her phone.
    page.goto(link)
    assert complaint.reference in _main(page)
    assert "We have received your complaint" in _main(page)
    axe_check(page, "tracking page on a phone, just received")

    # Staff acknowledge and respond with a remedy (the handler's journey in test_flows.py does
    # this through the pages); she comes back later through the same link.
    today = dates.today()
    acknowledge(complaint, user=olivia, handler=hannah, on=today)
    respond(
        complaint,
        user=hannah,
        on=today,
        decision="upheld",
        remedies=[{"type": "apology", "description": "A written apology", "due_on": today}],
    )
    page.goto(link)
    main = _main(page)
    assert "We sent our stage 1 response" in main
    assert "Upheld" in main  # the decision
    assert "The repair was booked late" in main  # and why
    assert "A written apology" in main  # what we will do to put things right
    axe_both(page, "tracking page after the response")
    screenshot(page, "tracking")

    page.get_by_role("button", name="Ask for stage 2").click()
    # A confirmation page with an optional box (R3, 6.12); one press asks.
    assert "Ask for stage 2" in page.inner_text("h1")
    assert "You do not have to say why" in _main(page)
    axe_both(page, "stage 2 confirmation")
    page.get_by_label("What are you still unhappy about?").fill("The leak is back.")
    page.get_by_role("button", name="Ask for stage 2").click()
    assert "You have asked for stage 2" in _main(page)
    assert "The leak is back." in _main(page)
    axe_check(page, "tracking page after asking for stage 2 on a phone")
    complaint.refresh_from_db()
    assert (complaint.stage, complaint.status) == (2, "awaiting_acknowledgement")
    assert complaint.stages.get(number=2).escalation_reason == "The leak is back."


# --- 2. A handler finds a complaint by a word of its text -------------------------------------


def test_a_handler_finds_a_complaint_by_a_word_of_its_text(
    desktop, live_server, sign_in, axe_check, axe_both, screenshot, browser_db, olivia, hannah
):
    page, today = desktop, dates.today()
    wanted = log_complaint(
        user=olivia,
        received_on=today,
        resident={"name": "Rosa Patel", "email": "rosa@example.org"},
        description="Condensation and black mould in the back bedroom since October.",
    )
    acknowledge(wanted, user=olivia, handler=hannah, on=today)
    other = log_complaint(
        user=olivia,
        received_on=today,
        resident={"name": "Tom Ellis", "email": "tom@example.org"},
        description="The lift has been out of order for a fortnight.",
    )
    sign_in("hannah")
    axe_check(page, "handler's home")

    search = page.get_by_role("search", name="Search complaints")
    search.get_by_label("Search complaints").fill("mould")
    search.get_by_role("button", name="Search").click()
    axe_check(page, "search results")
    results = page.locator("main table")
    assert wanted.reference in results.inner_text()
    assert other.reference not in results.inner_text()
    page.get_by_role("link", name=wanted.reference).click()
    assert wanted.reference in _main(page)
    assert "black mould" in _main(page)
    axe_both(page, "case page")
    screenshot(page, "case")


# --- 3. The complaints officer bulk-assigns stage 2 -------------------------------------------


def _stage_2(*, officer, stage_1_handler, name, description):
    from putright.complaints.services import complaint_escalate

    today = dates.today()
    complaint = log_complaint(
        user=officer,
        received_on=today,
        resident={"name": name, "email": f"{name.split()[0].lower()}@example.org"},
        description=description,
    )
    acknowledge(complaint, user=officer, handler=stage_1_handler, on=today)
    respond(complaint, user=stage_1_handler, on=today)
    complaint.refresh_from_db()
    complaint_escalate(user=None, complaint=complaint, requested_on=today, actor_label="resident")
    return complaint


def test_the_officer_bulk_assigns_stage_2_and_reads_what_was_refused(
    desktop,
    live_server,
    sign_in,
    axe_check,
    axe_both,
    screenshot,
    browser_db,
    olivia,
    hannah,
    harry,
):
    page, today = desktop, dates.today()
    first = _stage_2(
        officer=olivia,
        stage_1_handler=hannah,
        name="Rosa Patel",
        description="The kitchen ceiling has leaked for three weeks.",
    )
    second = _stage_2(
        officer=olivia,
        stage_1_handler=hannah,
        name="Tom Ellis",
        description="The lift has been out of order for a fortnight.",
    )
    # Harry answered this one at stage 1: he cannot take its stage 2 (6.13).
    his_own = _stage_2(
        officer=olivia,
        stage_1_handler=harry,
        name="Priya Shah",
        description="Our boiler repair was cancelled twice without notice.",
    )
    # Stage 1 cases the filter leaves out.
    stage_1 = log_complaint(user=olivia, received_on=today, description="Noise from next door.")
    acknowledge(stage_1, user=olivia, handler=hannah, on=today)
    log_complaint(user=olivia, received_on=today, description="Missed bin collection.")

    sign_in("olivia")
    page.goto(f"{live_server.url}/?scope=team")
    axe_both(page, "officer's home")
    screenshot(page, "home")
    page.get_by_role("navigation").get_by_role("link", name="Complaints").first.click()
    filters = page.get_by_role("search", name="Find complaints")
    filters.get_by_label("Stage", exact=True).select_option(label="Stage 2")
    filters.get_by_role("button", name="Apply").click()
    listed = page.locator("main table").inner_text()
    assert all(c.reference in listed for c in (first, second, his_own))
    assert stage_1.reference not in listed
    axe_both(page, "stage 2 complaints")

    for complaint in (first, second, his_own):
        page.get_by_label(f"Select {complaint.reference}").check()
    assign = page.locator("#bulk-assign")
    assign.get_by_label("Assign the ticked complaints to").select_option("harry")
    assign.get_by_role("button", name="Assign ticked complaints").click()

    # The summary: what was done, and what was refused with the provision.
    notices = page.locator(".pr-notification").all_inner_texts()
    done = next(n for n in notices if n.startswith("Assigned 2 to"))
    assert first.reference in done and second.reference in done
    refused = next(n for n in notices if his_own.reference in n)
    assert "not assigned" in refused and "provision 6.13" in refused
    axe_check(page, "bulk assign summary")
    screenshot(page, "complaints")
    for complaint in (first, second, his_own):
        complaint.refresh_from_db()
    assert first.current_stage.handler == harry and second.current_stage.handler == harry
    assert his_own.current_stage.handler != harry


# --- 4. The governing body reads, and can change nothing --------------------------------------


def test_the_governing_body_reads_the_reports_and_can_change_nothing(
    desktop,
    live_server,
    sign_in,
    axe_check,
    axe_both,
    screenshot,
    browser_db,
    olivia,
    hannah,
    harry,
    grace,
):
    page, today = desktop, dates.today()
    escalated = _stage_2(
        officer=olivia,
        stage_1_handler=hannah,
        name="Rosa Patel",
        description="The kitchen ceiling has leaked for three weeks.",
    )
    responded = log_complaint(user=olivia, received_on=today, description="Missed repair visit.")
    acknowledge(responded, user=olivia, handler=harry, on=today)
    respond(responded, user=harry, on=today, decision="partly_upheld")
    log_complaint(user=olivia, received_on=today, description="Missed bin collection.")

    sign_in("grace")
    assert "Complaints oversight" in page.inner_text("h1")
    axe_check(page, "governing body's home")

    page.get_by_role("link", name=re.compile("^Dashboard")).click()
    assert "Complaints oversight" in page.inner_text("h1")
    axe_both(page, "oversight dashboard")
    screenshot(page, "oversight-dashboard")
    # Drill down from a headline figure to the cases behind it.
    headline = page.locator("main li", has_text="Stage 1 received")
    assert headline.get_by_role("link").inner_text() == "3"
    headline.get_by_role("link").click()
    listed = _main(page)
    assert all(c.reference in listed for c in (escalated, responded))
    axe_check(page, "drill-down")

    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name=re.compile("This reporting year's report so far")).click()
    assert "report" in page.inner_text("h1").lower()
    axe_both(page, "annual report")
    screenshot(page, "annual-report")

    # The case page: read, with no action offered.
    page.goto(f"{live_server.url}/complaints/{escalated.reference}/")
    main = page.locator("main")
    assert "You can read this complaint but not change it" in main.inner_text()
    assert main.locator("form[method=post]").count() == 0
    assert main.locator("a.pr-button").count() == 0
    assert main.get_by_role("button").count() == 0
    axe_check(page, "case page, read only")

    # The resident's tracking page from the staff link: a preview with nothing to press.
    main.get_by_role("link", name="The resident's tracking page").click()
    assert "/track/" in page.url
    tracking = page.url
    main = page.locator("main")
    assert "Preview: this is what the resident sees" in main.inner_text()
    assert main.locator("form").count() == 0
    assert main.get_by_role("button").count() == 0
    axe_check(page, "tracking preview")

    # And what the pages do not offer, the server refuses.
    token = _csrf(page)
    for path in [
        f"/complaints/{escalated.reference}/acknowledge/",
        f"/complaints/{responded.reference}/note/",
        "/complaints/assign/",
        f"{tracking.removeprefix(live_server.url)}information/",
        f"{tracking.removeprefix(live_server.url)}stage-2/",
        "/oversight/lessons/new/",
    ]:
        response = page.request.post(
            f"{live_server.url}{path}",
            form={
                "csrfmiddlewaretoken": token,
                "text": "Changed by the governing body",
                "complaints": responded.reference,
                "handler": "grace",
            },
            headers={"Referer": f"{live_server.url}/"},
            max_redirects=0,
        )
        assert response.status == 403, f"POST {path} answered {response.status}"
    escalated.refresh_from_db()
    responded.refresh_from_db()
    assert escalated.status == "awaiting_acknowledgement"
    assert not responded.notes.filter(text__contains="governing body").exists()
    assert not escalated.notes.exists()
