"""The staff forms for lessons and Ombudsman cases: they write through oversight.services, show
the services' refusals on the form, and are closed to governance users and handlers."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from putright.oversight import services
from putright.oversight.models import Lesson, OmbudsmanCase, OmbudsmanReport, Order
from tests.accounts.helpers import sign_in_verified
from tests.factories import log_complaint

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture
def complaint(olivia):
    return log_complaint(user=olivia, received_on=D(2025, 6, 2))


@pytest.fixture
def case(martin, complaint):
    return services.ombudsman_case_open(
        user=martin, complaint=complaint, referred_on=D(2025, 7, 1), ombudsman_reference="HOS-1"
    )


@pytest.fixture
def order(martin, case):
    services.ombudsman_determination_record(
        user=martin,
        case=case,
        determined_on=D(2025, 10, 1),
        findings=[{"element": "Repairs", "finding": "maladministration"}],
        orders=[{"kind": "order", "description": "Pay £200", "due_on": D(2025, 11, 1)}],
    )
    return case.orders.get()


def test_officer_records_a_lesson_linked_to_complaints(client, olivia, martin, complaint):
    client.force_login(olivia)
    assert client.get(reverse("oversight:lesson_add")).status_code == 200
    response = client.post(
        reverse("oversight:lesson_add"),
        {
            "title": "Book surveys at acknowledgement",
            "description": "Waiting for surveys made responses late.",
            "complaints": complaint.reference,
            "owner": "martin",
            "service_area": "Repairs",
            "target_on": "31/03/2026",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("oversight:lessons")
    lesson = Lesson.objects.get()
    assert list(lesson.complaints.all()) == [complaint]
    assert lesson.owner == martin
    assert lesson.target_on == D(2026, 3, 31)
    assert lesson.identified_on == D(2025, 11, 24)
    page = client.get(reverse("oversight:lessons")).content.decode()
    assert reverse("oversight:lesson_status", args=[lesson.pk]) in page


def test_a_lesson_with_an_unknown_complaint_is_refused_keeping_what_was_typed(client, olivia):
    client.force_login(olivia)
    response = client.post(
        reverse("oversight:lesson_add"),
        {"title": "Call back within a day", "description": "", "complaints": "CMP-999"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert 'href="#id_description"' in page
    assert "Describe what was learned." in page
    assert 'value="Call back within a day"' in page
    assert 'value="CMP-999"' in page
    assert not Lesson.objects.exists()


def test_the_service_names_the_unknown_complaint_on_its_field(client, olivia):
    client.force_login(olivia)
    response = client.post(
        reverse("oversight:lesson_add"),
        {"title": "T", "description": "D", "complaints": "CMP-999"},
    )
    assert response.status_code == 400
    assert 'href="#id_complaints"' in response.content.decode()
    assert "No complaint has reference CMP-999." in response.content.decode()


def test_manager_updates_a_lessons_owner_status_and_date_implemented(client, martin, olivia):
    lesson = services.lesson_record(
        user=olivia, title="T", description="D", identified_on=D(2025, 7, 1)
    )
    client.force_login(martin)
    url = reverse("oversight:lesson_status", args=[lesson.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"owner": "olivia", "status": "implemented", "implemented_on": "2025-11-20"}
    )
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert (lesson.owner, lesson.status, lesson.implemented_on) == (
        olivia,
        "implemented",
        D(2025, 11, 20),
    )


def test_a_lesson_cannot_be_implemented_before_it_was_identified(client, olivia):
    lesson = services.lesson_record(
        user=olivia, title="T", description="D", identified_on=D(2025, 7, 1)
    )
    client.force_login(olivia)
    response = client.post(
        reverse("oversight:lesson_status", args=[lesson.pk]),
        {
            "status": "implemented",
            "implemented_on_0": "30",
            "implemented_on_1": "06",
            "implemented_on_2": "2025",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_implemented_on_0"' in page
    # What was typed is kept, box by box.
    for name, typed in [("0", "30"), ("1", "06"), ("2", "2025")]:
        assert f'name="implemented_on_{name}" type="text" inputmode="numeric"' in page
        assert f'id="id_implemented_on_{name}" name="implemented_on_{name}"' in page
        assert f'value="{typed}"' in page
    lesson.refresh_from_db()
    assert lesson.status == "identified"


def test_officer_records_an_ombudsman_case_and_its_evidence_request(client, olivia, complaint):
    client.force_login(olivia)
    response = client.post(
        reverse("oversight:ombudsman_case_add"),
        {"complaint": complaint.reference, "referred_on": "01/07/2025", "ombudsman_reference": "X"},
    )
    assert response.status_code == 302
    case = OmbudsmanCase.objects.get()
    assert (case.complaint, case.referred_on, case.ombudsman_reference) == (
        complaint,
        D(2025, 7, 1),
        "X",
    )
    response = client.post(
        reverse("oversight:evidence_request_add", args=[case.pk]),
        {"description": "Repair logs", "requested_on": "02/07/2025", "due_on": "16/07/2025"},
    )
    assert response.status_code == 302
    request = case.requests.get()
    assert (request.description, request.due_on) == ("Repair logs", D(2025, 7, 16))
    page = client.get(reverse("oversight:ombudsman")).content.decode()
    assert reverse("oversight:determination_add", args=[case.pk]) in page


def test_an_ombudsman_case_needs_a_known_complaint_and_a_referral_after_it(
    client, olivia, complaint
):
    client.force_login(olivia)
    response = client.post(
        reverse("oversight:ombudsman_case_add"), {"complaint": "CMP-999", "referred_on": "x"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_referred_on_0"' in page and 'value="CMP-999"' in page
    response = client.post(
        reverse("oversight:ombudsman_case_add"),
        {"complaint": complaint.reference, "referred_on": "01/01/2025"},
    )
    assert response.status_code == 400
    assert "The referral cannot be before the complaint was received." in response.content.decode()
    assert not OmbudsmanCase.objects.exists()


def test_an_evidence_deadline_cannot_be_before_the_request(client, olivia, case):
    client.force_login(olivia)
    response = client.post(
        reverse("oversight:evidence_request_add", args=[case.pk]),
        {"description": "Repair logs", "requested_on": "16/07/2025", "due_on": "02/07/2025"},
    )
    assert response.status_code == 400
    assert 'href="#id_due_on_0"' in response.content.decode()
    assert not case.requests.exists()


def test_the_determination_records_a_finding_per_element_and_orders(client, adam, case):
    sign_in_verified(client, adam)  # administrators must use two-factor sign-in
    url = reverse("oversight:determination_add", args=[case.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "determined_on": "01/10/2025",
            "code_non_compliance": "on",
            "summary": "Repairs were slow.",
            "finding_1_element": "Handling of repairs",
            "finding_1_finding": "maladministration",
            "finding_3_element": "Complaint handling",
            "finding_3_finding": "service_failure",
            "order_2_kind": "order",
            "order_2_description": "Pay £250 compensation",
            "order_2_amount": "250",
            "order_2_due_on": "29/10/2025",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.determined_on == D(2025, 10, 1) and case.code_non_compliance
    assert list(case.findings.values_list("element", "finding")) == [
        ("Handling of repairs", "maladministration"),
        ("Complaint handling", "service_failure"),
    ]
    order = case.orders.get()
    assert (order.kind, order.amount, order.due_on) == ("order", Decimal("250"), D(2025, 10, 29))


def test_a_row_without_its_finding_is_shown_on_that_row(client, olivia, case):
    client.force_login(olivia)
    response = client.post(
        reverse("oversight:determination_add", args=[case.pk]),
        {
            "determined_on": "01/10/2025",
            "finding_1_element": "Repairs",
            "finding_1_finding": "maladministration",
            "finding_2_element": "Communication",
            "order_3_kind": "recommendation",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_finding_2_finding"' in page
    assert 'href="#id_order_3_description"' in page
    assert 'value="Communication"' in page
    case.refresh_from_db()
    assert case.determined_on is None and not case.findings.exists()


def test_a_determination_with_no_findings_is_refused(client, olivia, case):
    client.force_login(olivia)
    response = client.post(
        reverse("oversight:determination_add", args=[case.pk]), {"determined_on": "01/10/2025"}
    )
    assert response.status_code == 400
    assert "Record the finding for each element of the complaint." in response.content.decode()


def test_a_second_determination_is_a_broken_rule(client, olivia, case, order):
    client.force_login(olivia)
    response = client.post(
        reverse("oversight:determination_add", args=[case.pk]),
        {
            "determined_on": "02/10/2025",
            "finding_1_element": "R",
            "finding_1_finding": "reasonable_redress",
        },
    )
    assert response.status_code == 409
    assert "This Ombudsman case is already determined." in response.content.decode()
    assert case.findings.count() == 1


def test_evidence_of_compliance_is_recorded_against_the_order(client, olivia, order):
    client.force_login(olivia)
    url = reverse("oversight:order_compliance", args=[order.pk])
    assert url in client.get(reverse("oversight:ombudsman")).content.decode()
    response = client.post(url, {"complied_on": "", "evidence": "Paid on 20 Oct; receipt sent."})
    assert response.status_code == 400
    assert "Paid on 20 Oct; receipt sent." in response.content.decode()
    response = client.post(
        url, {"complied_on": "20/10/2025", "evidence": "Paid on 20 Oct; receipt sent."}
    )
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.complied_on == D(2025, 10, 20)
    assert order.compliance_evidence == "Paid on 20 Oct; receipt sent."


def test_a_status_change_keeps_an_owner_who_is_no_longer_in_the_list(client, olivia, grace):
    lesson = services.lesson_record(user=olivia, title="T", description="D", owner=grace)
    client.force_login(olivia)
    url = reverse("oversight:lesson_status", args=[lesson.pk])
    response = client.post(url, {"owner": "grace", "status": "in_progress"})
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert (lesson.owner, lesson.status) == (grace, "in_progress")


def test_an_ombudsman_report_or_annual_letter_is_recorded(client, martin):
    client.force_login(martin)
    url = reverse("oversight:ombudsman_report_add")
    assert url in client.get(reverse("oversight:ombudsman")).content.decode()
    response = client.post(url, {"kind": "annual_letter", "title": "", "received_on": "1/9/2025"})
    assert response.status_code == 400
    assert 'href="#id_title"' in response.content.decode()
    response = client.post(
        url,
        {"kind": "annual_letter", "title": "Annual letter 2024-25", "received_on": "01/09/2025"},
    )
    assert response.status_code == 302
    report = OmbudsmanReport.objects.get()
    assert (report.kind, report.received_on) == ("annual_letter", D(2025, 9, 1))


def _writes(case, order):
    return [
        ("oversight:lesson_add", [], {"title": "T", "description": "D"}),
        ("oversight:ombudsman_case_add", [], {"complaint": "X", "referred_on": "01/07/2025"}),
        (
            "oversight:evidence_request_add",
            [case.pk],
            {"description": "D", "requested_on": "01/07/2025", "due_on": "02/07/2025"},
        ),
        ("oversight:order_compliance", [order.pk], {"complied_on": "01/11/2025", "evidence": "E"}),
        (
            "oversight:ombudsman_report_add",
            [],
            {"kind": "other", "title": "T", "received_on": "01/09/2025"},
        ),
    ]


@pytest.mark.parametrize("persona", ["grace", "hannah"])
def test_governance_and_handlers_cannot_write(client, request, persona, case, order, olivia):
    lesson = services.lesson_record(user=olivia, title="T", description="D")
    client.force_login(request.getfixturevalue(persona))
    writes = [
        *_writes(case, order),
        ("oversight:lesson_status", [lesson.pk], {"status": "implemented"}),
        ("oversight:determination_add", [case.pk], {"determined_on": "01/10/2025"}),
    ]
    for name, args, data in writes:
        url = reverse(name, args=args)
        assert client.get(url).status_code == 403, name
        assert client.post(url, data).status_code == 403, name
    assert Lesson.objects.get().status == "identified"
    assert not case.requests.exists()
    order.refresh_from_db()
    assert order.complied_on is None
    assert not OmbudsmanReport.objects.exists()


def test_governance_reads_the_registers_without_the_links_to_change_them(client, grace, order):
    client.force_login(grace)
    lessons = client.get(reverse("oversight:lessons"))
    cases = client.get(reverse("oversight:ombudsman"))
    assert lessons.status_code == cases.status_code == 200
    assert reverse("oversight:lesson_add") not in lessons.content.decode()
    assert reverse("oversight:order_compliance", args=[order.pk]) not in cases.content.decode()


def test_the_forms_need_a_signed_in_user(client, case):
    response = client.post(reverse("oversight:evidence_request_add", args=[case.pk]), {})
    assert response.status_code == 302 and "login" in response["Location"]
    assert Order.objects.count() == 0
