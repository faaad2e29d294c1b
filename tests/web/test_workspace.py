"""The handler's workspace: pages, actions through the services, refusals shown on the form."""

import datetime as dt

import pytest
from django.urls import reverse

from putright.complaints.models import Complaint, Note
from tests.factories import ResidentFactory, acknowledge, log_complaint, respond


def case_url(complaint, action=None):
    if action:
        return reverse("web:complaint-action", args=[complaint.reference, action])
    return reverse("web:complaint", args=[complaint.reference])


def test_signed_out_staff_pages_send_you_to_sign_in(client, db):
    response = client.get(reverse("web:complaints"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("web:login"))


def test_front_door_for_the_public_offers_the_complaint_form(client, db):
    response = client.get("/")
    assert response.status_code == 200
    # The first question page (R5), which leads to the complaint form.
    assert reverse("web:complain-who") in response.content.decode()


def test_home_groups_work_by_what_needs_doing(signed_in, hannah, harry, today):
    overdue = log_complaint(user=hannah, received_on=dt.date(2025, 11, 3))  # ack by 10 Nov
    due_today = log_complaint(user=hannah, received_on=dt.date(2025, 11, 17))  # ack by 24 Nov
    soon = log_complaint(user=hannah, received_on=dt.date(2025, 11, 19))  # ack by 26 Nov
    theirs = log_complaint(user=harry, received_on=dt.date(2025, 11, 3))
    client = signed_in(hannah)
    response = client.get(reverse("web:home"))
    groups = response.context["groups"]
    assert [c.reference for c in groups["overdue"]] == [overdue.reference]
    assert [c.reference for c in groups["due_today"]] == [due_today.reference]
    assert [c.reference for c in groups["due_soon"]] == [soon.reference]
    assert theirs.reference not in response.content.decode()
    team = client.get(reverse("web:home") + "?scope=team").context["groups"]
    assert {c.reference for c in team["overdue"]} == {overdue.reference, theirs.reference}


def test_home_shows_late_remedies_and_actions(signed_in, hannah):
    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 10, 1))
    acknowledge(complaint, user=hannah, on=dt.date(2025, 10, 2))
    respond(
        complaint,
        user=hannah,
        on=dt.date(2025, 10, 10),
        remedies=[
            {"type": "apology", "description": "Written apology", "due_on": dt.date(2025, 10, 20)}
        ],
        actions=[{"description": "Fix the ceiling", "due_on": dt.date(2025, 11, 1)}],
    )
    response = signed_in(hannah).get(reverse("web:home"))
    page = response.content.decode()
    assert "Written apology" in page and "Fix the ceiling" in page


def test_list_searches_by_name_reference_address_and_tenancy(signed_in, olivia, hannah):
    rosa = log_complaint(user=hannah)
    other = log_complaint(
        user=hannah,
        resident={"name": "Sam Jones", "address": "4 Oak Lane", "tenancy_reference": "T-77"},
    )
    client = signed_in(olivia)
    for term, expected in [
        ("rosa", rosa),
        (other.reference, other),
        ("oak lane", other),
        ("T-77", other),
    ]:
        page = client.get(reverse("web:complaints"), {"q": term}).context["page"]
        assert [c.reference for c in page.object_list] == [expected.reference], term


def test_list_filters_and_sorts(signed_in, olivia, hannah):
    first = log_complaint(user=hannah, received_on=dt.date(2025, 11, 3))
    second = log_complaint(user=hannah, received_on=dt.date(2025, 11, 20))
    acknowledge(second, user=hannah, on=dt.date(2025, 11, 21))
    client = signed_in(olivia)
    page = client.get(reverse("web:complaints"), {"status": "investigating"}).context["page"]
    assert [c.reference for c in page.object_list] == [second.reference]
    page = client.get(reverse("web:complaints"), {"overdue": "true"}).context["page"]
    assert [c.reference for c in page.object_list] == [first.reference]
    page = client.get(reverse("web:complaints"), {"sort": "received"}).context["page"]
    assert [c.reference for c in page.object_list] == [first.reference, second.reference]
    page = client.get(reverse("web:complaints"), {"sort": "-received"}).context["page"]
    assert [c.reference for c in page.object_list] == [second.reference, first.reference]


@pytest.mark.parametrize("rows", [3, 30])
def test_list_query_count_does_not_grow_with_rows(
    rows, signed_in, olivia, hannah, django_assert_num_queries
):
    for i in range(rows):
        log_complaint(user=hannah, resident={"name": f"Resident {i}", "tenancy_reference": f"T{i}"})
    client = signed_in(olivia)
    client.get(reverse("web:complaints"))  # warm the session
    # session, user, count, page, stages, extensions, co-complainants, closure days,
    # handlers for the filter, landlord settings for the footer, the user's saved views,
    # handlers for the officer's bulk assign, the incidents' dates (8.5)
    with django_assert_num_queries(13):
        response = client.get(reverse("web:complaints"))
    assert response.status_code == 200


def test_list_paginates(signed_in, olivia, hannah):
    for i in range(27):
        log_complaint(user=hannah, resident={"name": f"Resident {i}", "tenancy_reference": f"T{i}"})
    client = signed_in(olivia)
    assert len(client.get(reverse("web:complaints")).context["page"].object_list) == 25
    second = client.get(reverse("web:complaints"), {"page": 2}).context["page"]
    assert len(second.object_list) == 2


def test_case_page_shows_timeline_deadlines_and_definition(signed_in, hannah):
    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 11, 17))
    acknowledge(complaint, user=hannah, on=dt.date(2025, 11, 18))
    response = signed_in(hannah).get(case_url(complaint))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Acknowledged and defined" in page
    assert "The resident says the kitchen ceiling leaks" in page
    assert "Respond by 2 December 2025" in page
    assert "6 working days left" in page


def test_handler_acknowledges_extends_and_responds(signed_in, hannah):
    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 11, 17))
    client = signed_in(hannah)
    response = client.post(
        case_url(complaint, "acknowledge"),
        {
            "acknowledged_on": "2025-11-18",
            "handler": "hannah",
            "understanding": "The ceiling leaks.",
            "outcomes_sought": "Fix it.",
            "responsible_for": "The repair.",
            "not_responsible_for": "None.",
        },
    )
    assert response.status_code == 302
    response = client.post(
        case_url(complaint, "extend"),
        {
            "working_days": "5",
            "reason": "Waiting for a surveyor.",
            "resident_informed_on": "2025-11-24",
        },
    )
    assert response.status_code == 302
    response = client.post(
        case_url(complaint, "respond"),
        {
            "responded_on": "2025-11-24",
            "decision": "partly_upheld",
            "reasons": "The repair was late.",
            "remedy_1_type": "financial",
            "remedy_1_description": "Compensation for the delay",
            "remedy_1_amount": "75.00",
            "remedy_1_due_on": "2025-11-24",
            "action_2_description": "Replace the ceiling",
            "action_2_due_on": "2025-12-05",
        },
    )
    assert response.status_code == 302, response.content.decode()
    complaint.refresh_from_db()
    assert complaint.status == "responded"
    assert complaint.remedies.get().amount == 75
    assert complaint.actions.get().description == "Replace the ceiling"
    stage = complaint.stages.get(number=1)
    assert stage.extended_days == 5


def test_a_broken_rule_shows_its_provision_and_keeps_what_was_typed(signed_in, hannah):
    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 11, 3))
    acknowledge(complaint, user=hannah, on=dt.date(2025, 11, 4))
    response = signed_in(hannah).post(
        case_url(complaint, "extend"),
        {"working_days": "15", "reason": "Contractor delays", "resident_informed_on": "2025-11-20"},
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "provision 6.4" in page
    assert "Contractor delays" in page
    assert 'value="15"' in page
    assert complaint.stages.get(number=1).extended_days == 0


def test_bad_input_names_the_field_and_keeps_the_rest(signed_in, hannah):
    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 11, 17))
    response = signed_in(hannah).post(
        case_url(complaint, "acknowledge"),
        {
            "acknowledged_on": "2025-11-10",  # before it was received
            "handler": "hannah",
            "understanding": "The ceiling leaks.",
            "outcomes_sought": "Fix it.",
            "responsible_for": "The repair.",
            "not_responsible_for": "None.",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_acknowledged_on_0"' in page
    assert "cannot be before" in page
    assert "The ceiling leaks." in page


def test_service_errors_on_remedy_rows_land_on_the_right_row(signed_in, hannah):
    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 11, 17))
    acknowledge(complaint, user=hannah, on=dt.date(2025, 11, 18))
    response = signed_in(hannah).post(
        case_url(complaint, "respond"),
        {
            "responded_on": "2025-11-24",
            "decision": "upheld",
            "reasons": "Late repair.",
            "remedy_2_type": "financial",
            "remedy_2_description": "Compensation",
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["remedy_2_amount"] == [
        "A financial remedy needs an amount."
    ]


def test_escalating_before_the_response_is_refused_with_the_provision(signed_in, olivia, hannah):
    complaint = log_complaint(user=hannah)
    response = signed_in(olivia).get(case_url(complaint, "escalate"))
    assert "provision 6.10" in response.content.decode()


def test_stage_2_handler_must_be_independent(signed_in, olivia, hannah):
    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 11, 3))
    acknowledge(complaint, user=hannah, on=dt.date(2025, 11, 4))
    respond(complaint, user=hannah, on=dt.date(2025, 11, 14))
    client = signed_in(olivia)
    assert (
        client.post(case_url(complaint, "escalate"), {"requested_on": "2025-11-20"}).status_code
        == 302
    )
    response = client.post(case_url(complaint, "assign"), {"handler": "hannah"})
    assert response.status_code == 409
    assert "provision 6.13" in response.content.decode()


def test_refuse_withdraw_close_and_mark_done(signed_in, olivia, hannah):
    client = signed_in(olivia)
    refused = log_complaint(user=hannah, issue_date=dt.date(2024, 1, 1))
    response = client.post(
        case_url(refused, "refuse"),
        {
            "reason": "over_12_months",
            "explanation": "Arose in January 2024.",
            "decided_on": "2025-11-20",
        },
    )
    assert response.status_code == 302
    withdrawn = log_complaint(user=hannah)
    assert (
        client.post(case_url(withdrawn, "withdraw"), {"withdrawn_on": "2025-11-20"}).status_code
        == 302
    )
    closed = log_complaint(user=hannah, received_on=dt.date(2025, 11, 3))
    acknowledge(closed, user=hannah, on=dt.date(2025, 11, 4))
    respond(
        closed,
        user=hannah,
        on=dt.date(2025, 11, 14),
        actions=[{"description": "Fix the gutter", "due_on": dt.date(2025, 11, 20)}],
    )
    action = closed.actions.get()
    url = reverse("web:action-done", args=[closed.reference, action.pk])
    assert client.post(url, {"completed_on": "2025-11-21"}).status_code == 302
    assert client.post(case_url(closed, "close"), {"closed_on": "2025-11-24"}).status_code == 302
    statuses = dict(Complaint.objects.values_list("reference", "status"))
    assert statuses[refused.reference] == "refused"
    assert statuses[withdrawn.reference] == "withdrawn"
    assert statuses[closed.reference] == "closed"
    action.refresh_from_db()
    assert action.completed_on == dt.date(2025, 11, 21)


def test_notes_and_documents(signed_in, hannah):
    from django.core.files.uploadedfile import SimpleUploadedFile

    complaint = log_complaint(user=hannah)
    client = signed_in(hannah)
    assert (
        client.post(case_url(complaint, "note"), {"text": "Rang the resident."}).status_code == 302
    )
    upload = SimpleUploadedFile("photo.png", b"\x89PNG\r\n", content_type="image/png")
    response = client.post(
        case_url(complaint, "upload"), {"file": upload, "description": "Ceiling"}
    )
    assert response.status_code == 302
    page = client.get(case_url(complaint)).content.decode()
    assert "Rang the resident." in page and "photo.png" in page
    bad = SimpleUploadedFile("run.exe", b"MZ", content_type="application/x-msdownload")
    response = client.post(case_url(complaint, "upload"), {"file": bad})
    assert response.status_code == 400
    assert "The file must be" in response.content.decode()


def test_log_a_complaint_taken_by_phone(signed_in, hannah):
    response = signed_in(hannah).post(
        reverse("web:complaint-log"),
        {
            "received_on": "2025-11-24",
            "channel": "phone",
            "description": "Nobody came to fix the boiler.",
            "category": "repairs",
            "name": "Ada Brown",
            "phone": "07700 900000",
            "preferred_contact_method": "phone",
            "adjustments": "Large print letters",
            "representative_name": "Ben Brown",
            "representative_relationship": "Son",
        },
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.channel == "phone"
    assert complaint.resident.preferred_contact_method == "phone"
    assert complaint.representative.relationship == "Son"
    # Recorded on the resident, not added to the complaint's words (review finding R8).
    assert complaint.description == "Nobody came to fix the boiler."
    adjustment = complaint.resident.adjustments.get()
    assert (adjustment.description, adjustment.source) == ("Large print letters", "staff")
    assert adjustment.agreed_by == hannah
    assert complaint.current_stage.handler == hannah


def test_log_a_complaint_keeps_input_on_error(signed_in, hannah):
    response = signed_in(hannah).post(
        reverse("web:complaint-log"),
        {
            "received_on": "2030-01-01",
            "channel": "letter",
            "description": "Noise",
            "name": "Ada",
            "preferred_contact_method": "letter",
            "category": "other",
        },
    )
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()
    assert Complaint.objects.count() == 0


def test_raise_a_complaint_from_a_service_request(signed_in, hannah):
    from putright.complaints.services import service_request_log

    request = service_request_log(
        user=hannah,
        resident={"name": "Ada Brown"},
        received_on=dt.date(2025, 11, 10),
        channel="phone",
        description="Boiler not working",
    )
    client = signed_in(hannah)
    assert "Boiler not working" in client.get(reverse("web:service-requests")).content.decode()
    response = client.post(
        reverse("web:service-request-raise", args=[request.pk]),
        {"received_on": "2025-11-24", "channel": "phone", "description": "Still no heating."},
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.service_request == request
    request.refresh_from_db()
    assert request.state == "open"


def test_service_requests_past_the_review_limit_are_marked(signed_in, hannah):
    from putright.complaints.services import service_request_log

    def log(received_on, description):
        return service_request_log(
            user=hannah,
            resident={"name": "Ada Brown"},
            received_on=received_on,
            channel="phone",
            description=description,
        )

    # Today is 24 November 2025: the 20 working days of review reach back to 27 October.
    log(dt.date(2025, 10, 24), "Fence panel down")
    log(dt.date(2025, 10, 27), "Gutter blocked")
    page = signed_in(hannah).get(reverse("web:service-requests")).content.decode()
    assert "1 request open since before 27 October 2025, past the review limit (1.4)" in page
    assert page.count("Past review") == 1
    assert page.index("Past review") > page.index("Gutter blocked")  # newest first: the fence


def test_unknown_complaint_is_404(signed_in, hannah):
    assert signed_in(hannah).get("/complaints/CMP-999999/").status_code == 404


def test_resident_notes_are_shown_with_the_resident_as_author(signed_in, hannah):
    from putright.complaints.services import note_add

    complaint = log_complaint(user=hannah)
    note_add(user=None, complaint=complaint, text="Here is more detail.")
    page = signed_in(hannah).get(case_url(complaint)).content.decode()
    assert "The resident" in page and "Here is more detail." in page
    assert Note.objects.get().author is None


def test_adjustments_asked_for_are_prominent(signed_in, hannah):
    complaint = log_complaint(
        user=hannah, description="Leak.\n\nReasonable adjustments asked for: Large print"
    )
    page = signed_in(hannah).get(case_url(complaint)).content.decode()
    assert "adjustments-heading" in page


def test_resident_factory_is_usable(db):
    assert ResidentFactory().pk


def test_safeguards_are_shown_prominently_on_the_case_page(signed_in, hannah):
    from putright.people.services import adjustment_agree

    complaint = log_complaint(user=hannah)
    adjustment_agree(
        user=hannah,
        resident=complaint.resident,
        description="Phone calls only, no letters",
        agreed_on=dt.date(2025, 11, 20),
        review_on=dt.date(2026, 5, 20),
    )
    page = signed_in(hannah).get(case_url(complaint)).content.decode()
    assert "Before you contact this resident" in page
    assert "Phone calls only, no letters" in page
