"""The contractors pages: the register with its figures in a fixed number of queries, the
contractor's part on the case page (5.4), and the forms with their error summaries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from putright.contractors import services
from tests.contractors.factories import contractor, request_for
from tests.factories import acknowledge, log_complaint, respond

pytestmark = pytest.mark.django_db

D = dt.date


def _grow(officer, handler, n, start):
    """`n` complaints, each naming one of two contractors, upheld, with a late remedy for the
    contractor and an overdue request."""
    firms = [contractor(officer), contractor(officer, name="Dryhome Damp", service="Damp")]
    for i in range(n):
        received = start + dt.timedelta(days=i)
        case = log_complaint(
            user=officer,
            received_on=received,
            resident={"name": f"R{i}", "tenancy_reference": f"T{i}"},
        )
        acknowledge(case, user=officer, handler=handler, on=received)
        respond(
            case,
            user=handler,
            on=received + dt.timedelta(days=2),
            remedies=[
                {
                    "type": "action",
                    "description": "Fix it",
                    "due_on": received + dt.timedelta(days=5),
                }
            ],
        )
        firm = firms[i % 2]
        services.contractor_name(user=officer, complaint=case, contractor=firm)
        services.remedy_contractor_set(
            user=officer, remedy=case.remedies.get(), contractor=firm, reason="Their job"
        )
        request_for(
            officer,
            complaint=case,
            firm=firm,
            sent_on=received,
            due_on=received + dt.timedelta(days=3),
        )


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_figures_page_costs_the_same_queries_at_two_sizes(
    client, olivia, hannah, django_assert_num_queries
):
    client.force_login(olivia)
    url = reverse("contractors:register")
    _grow(olivia, hannah, 2, D(2025, 9, 1))
    small = _queries(client, url)
    _grow(olivia, hannah, 8, D(2025, 10, 1))
    contractor(olivia, name="Greenway Grounds", service="Grounds")
    with django_assert_num_queries(small):
        response = client.get(url)
    rows = {row.name: row for row in response.context["rows"]}
    repairs = rows["Riverside Repairs Ltd"]
    assert (repairs.complaints, repairs.upheld, repairs.decided, repairs.upheld_percent) == (
        5,
        5,
        5,
        100.0,
    )
    assert (repairs.remedies_overdue, repairs.requests_overdue) == (5, 5)
    assert rows["Greenway Grounds"].complaints == 0
    assert rows["Greenway Grounds"].upheld_percent is None


def test_the_case_page_shows_the_contractor_and_the_requests(client, olivia):
    case = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    firm = contractor(olivia)
    services.contractor_name(user=olivia, complaint=case, contractor=firm, role="Roof repair")
    request_for(olivia, complaint=case, firm=firm, sent_on=D(2025, 11, 4), due_on=D(2025, 11, 14))
    client.force_login(olivia)
    page = client.get(reverse("web:complaint", args=[case.reference])).content.decode()
    assert 'id="contractors"' in page
    assert "Riverside Repairs Ltd (Responsive repairs): Roof repair" in page
    assert "overdue" in page
    assert "Contractor named on the complaint" in page  # the timeline
    assert reverse("contractors:request_send", args=[case.reference]) in page


def test_the_request_form_shows_an_error_summary_and_records_the_request(client, olivia):
    case = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    firm = contractor(olivia)
    client.force_login(olivia)
    url = reverse("contractors:request_send", args=[case.reference])
    response = client.post(url, {"contractor": str(firm.pk), "description": "Job sheets"})
    assert response.status_code == 400
    assert "pr-error-summary" in response.content.decode()
    data = {
        "contractor": str(firm.pk),
        "description": "Job sheets",
        "sent_on_0": "10",
        "sent_on_1": "11",
        "sent_on_2": "2025",
        "due_on_0": "5",
        "due_on_1": "11",
        "due_on_2": "2025",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert "The due date cannot be before the request" in response.content.decode()
    data |= {"due_on_0": "20"}
    response = client.post(url, data)
    assert response.status_code == 302
    assert case.contractor_requests.get().due_on == D(2025, 11, 20)


def test_handlers_do_not_see_the_register_and_governance_reads_it(client, hannah, grace):
    client.force_login(hannah)
    assert client.get(reverse("contractors:register")).status_code == 403
    client.force_login(grace)
    assert client.get(reverse("contractors:register")).status_code == 200
    assert client.get(reverse("contractors:add")).status_code == 403


def test_the_requests_page_flags_the_overdue(client, olivia):
    request_for(olivia, sent_on=D(2025, 11, 3), due_on=D(2025, 11, 10))
    client.force_login(olivia)
    page = client.get(reverse("contractors:requests") + "?show=overdue").content.decode()
    assert "overdue" in page and "Riverside Repairs Ltd" in page


def test_the_register_forms_add_and_change_a_contractor(client, olivia):
    client.force_login(olivia)
    response = client.post(reverse("contractors:add"), {"name": "", "service": ""})
    assert response.status_code == 400
    assert "Enter the contractor&#x27;s name." in response.content.decode()
    response = client.post(
        reverse("contractors:add"), {"name": "Greenway Grounds", "service": "Grounds"}
    )
    assert response.status_code == 302
    firm = contractor(olivia, name="Greenway Grounds")
    response = client.post(
        reverse("contractors:edit", args=[firm.pk]), {"service": "Grounds and trees", "contact": ""}
    )
    assert response.status_code == 302
    firm.refresh_from_db()
    assert (firm.service, firm.active) == ("Grounds and trees", False)
    # No longer used: not offered on a case.
    page = client.get(reverse("contractors:name", args=[log_complaint(user=olivia).reference]))
    assert "Greenway Grounds" not in page.content.decode()


def test_naming_on_the_web_and_a_handler_refused_on_a_colleagues_case(
    client, olivia, hannah, harry
):
    case = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    acknowledge(case, user=olivia, handler=hannah)
    firm = contractor(olivia)
    url = reverse("contractors:name", args=[case.reference])
    client.force_login(harry)
    assert client.post(url, {"contractor": str(firm.pk)}).status_code == 403
    client.force_login(hannah)
    response = client.post(url, {"contractor": str(firm.pk), "role": "Roof"})
    assert response.status_code == 302
    assert case.contractor_involvements.get().role == "Roof"
