import datetime as dt
import re

import pytest
from django.urls import reverse

from putright.oversight import services
from tests.factories import acknowledge, log_complaint, respond

pytestmark = pytest.mark.django_db


def add_complaints(officer, handler, n, start=dt.date(2025, 5, 1)):
    for i in range(n):
        complaint = log_complaint(
            user=officer,
            received_on=start + dt.timedelta(days=i * 7),
            resident={"name": f"R{i}", "tenancy_reference": f"T-{i % 3}"},
            category=["repairs", "damp_mould", "communication"][i % 3],
        )
        acknowledge(complaint, user=officer, handler=handler, on=complaint.received_on)
        respond(complaint, user=officer, on=complaint.received_on + dt.timedelta(days=3))


def query_count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "name",
    ["oversight:dashboard", "oversight:learning", "oversight:lessons", "oversight:ombudsman"],
)
def test_query_count_does_not_grow_with_complaints(
    client, olivia, hannah, name, django_assert_num_queries
):
    client.force_login(olivia)
    url = reverse(name) + "?year=2025"
    add_complaints(olivia, hannah, 2)
    small = query_count(client, url)
    add_complaints(olivia, hannah, 12, start=dt.date(2025, 6, 2))
    with django_assert_num_queries(small):
        client.get(url)


def test_drilldown_page_query_count_is_constant(client, olivia, hannah, django_assert_num_queries):
    client.force_login(olivia)
    url = reverse("oversight:complaints") + "?stage=1&basis=received&from=2025-04-01&to=2026-03-31"
    add_complaints(olivia, hannah, 2)
    small = query_count(client, url)
    add_complaints(olivia, hannah, 10, start=dt.date(2025, 6, 2))
    with django_assert_num_queries(small):
        response = client.get(url)
    assert "12 complaints" in response.content.decode()


def test_dashboard_charts_render_as_svg_with_tables_and_drill_down(client, grace, landlord_cases):
    client.force_login(grace)
    page = client.get(reverse("oversight:dashboard") + "?year=2025").content.decode()
    assert "<svg" in page
    assert 'class="chart-data"' in page
    assert "Stage 1 complaints received by month" in page
    assert "/oversight/complaints/?stage=1&amp;basis=received&amp;from=2025-11-01" in page
    # The drill-down links are the table's: a chart is an image, and an image holds no links.
    assert all("<a " not in svg for svg in re.findall(r"<svg.*?</svg>", page, re.S))


def test_drilldown_behind_late_stage_1_responses(client, martin, landlord_cases):
    client.force_login(martin)
    url = reverse("oversight:complaints")
    page = client.get(
        url,
        {
            "stage": 1,
            "basis": "responded",
            "within": "no",
            "from": "2025-04-01",
            "to": "2026-03-31",
        },
    ).content.decode()
    assert landlord_cases["B"].reference in page
    assert landlord_cases["E"].reference not in page
    overdue = client.get(url, {"overdue": "yes"}).content.decode()
    assert landlord_cases["G"].reference in overdue
    assert landlord_cases["F"].reference not in overdue


def test_handlers_cannot_see_the_dashboard(client, hannah):
    client.force_login(hannah)
    assert client.get(reverse("oversight:dashboard")).status_code == 403


def test_dashboard_needs_login(client):
    response = client.get(reverse("oversight:dashboard"))
    assert response.status_code == 302


def test_annual_report_renders_to_html_and_pdf(client, martin, landlord_cases):
    from putright.landlord.models import HomesOwned

    HomesOwned.objects.create(reporting_year=2025, homes=500)
    client.force_login(martin)
    html = client.get(reverse("oversight:annual_report", args=[2025])).content.decode()
    assert "Annual complaints performance and service improvement report 2025/26" in html
    assert "CH02 stage 1 within timescale (%)" in html
    assert "The issue arose more than 12 months ago" in html  # refusals by type (8.1 b)
    assert "No self-assessment ending in this reporting year has been approved" in html
    response = client.get(reverse("oversight:annual_report_pdf", args=[2025]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_governing_body_pack_for_a_quarter(client, grace, landlord_cases):
    client.force_login(grace)
    html = client.get(reverse("oversight:pack", args=[2025, 1])).content.decode()
    assert "1 April 2025 to 30 June 2025" in html
    assert client.get(reverse("oversight:pack", args=[2025, 5])).status_code == 404


def test_pdf_fetcher_refuses_remote_urls():
    from putright.oversight.reports import refuse_remote

    with pytest.raises(ValueError):
        refuse_remote("https://example.com/font.woff")


def test_publishing_needs_the_governing_body_response(
    martin, grace, landlord_cases, approved_selfassessment
):
    from putright.errors import RuleBroken

    with pytest.raises(RuleBroken) as error:
        services.annual_report_publish(user=martin, reporting_year=2025)
    assert (error.value.error, error.value.provision) == ("response_missing", "8.2")
    services.annual_report_response_record(
        user=grace,
        reporting_year=2025,
        response="The board notes the late stage 1 responses and asks for monthly updates.",
    )
    report = services.annual_report_publish(user=martin, reporting_year=2025)
    assert "asks for monthly updates" in report.published_html
    with pytest.raises(RuleBroken):
        services.annual_report_response_record(user=grace, reporting_year=2025, response="Later.")


def test_publishing_needs_an_approved_self_assessment_and_carries_it(
    olivia, martin, grace, landlord_cases
):
    """B5: a draft self-assessment never stands in for the approved one (8.1 a, 8.2)."""
    import datetime as dt

    from putright.errors import RuleBroken
    from putright.selfassessment import services as selfassessment
    from tests.selfassessment.factories import answer_all, start

    draft = answer_all(
        start(olivia, period_start=dt.date(2024, 10, 1), period_end=dt.date(2025, 9, 30)),
        olivia,
        comply="partly",
        evidence="Stage 1 replies audited monthly",
    )
    services.annual_report_response_record(
        user=grace, reporting_year=2025, response="The board accepts the report."
    )
    with pytest.raises(RuleBroken) as error:
        services.annual_report_publish(user=martin, reporting_year=2025)
    assert (error.value.error, error.value.provision) == ("selfassessment_not_approved", "8.2")
    selfassessment.selfassessment_complete(
        user=olivia, self_assessment=draft, completed_on=dt.date(2025, 10, 1)
    )
    selfassessment.selfassessment_review(
        user=martin, self_assessment=draft, reviewed_on=dt.date(2025, 10, 10)
    )
    with pytest.raises(RuleBroken):  # reviewed is not approved
        services.annual_report_publish(user=martin, reporting_year=2025)
    selfassessment.selfassessment_approve(
        user=grace, self_assessment=draft, approved_on=dt.date(2025, 10, 20)
    )
    report = services.annual_report_publish(user=martin, reporting_year=2025)
    html = report.published_html
    assert "approved by the governing body on 20 October 2025" in html
    # The self-assessment itself, answer by answer, not only a count.
    assert "The self-assessment against the Code" in html
    assert html.count("Stage 1 replies audited monthly") == draft.answers.count()
    assert "Not answered" not in html


def test_the_published_report_is_public(
    client, martin, grace, landlord_cases, approved_selfassessment
):
    assert client.get(reverse("oversight:public_report", args=[2025])).status_code == 404
    services.annual_report_response_record(
        user=grace, reporting_year=2025, response="The board accepts the report."
    )
    services.annual_report_publish(user=martin, reporting_year=2025)
    listing = client.get(reverse("oversight:public_reports")).content.decode()
    assert "/oversight/published/2025/" in listing
    page = client.get(reverse("oversight:public_report", args=[2025])).content.decode()
    assert "The board accepts the report." in page
    # Complaint references are staff detail, not published.
    assert "/oversight/complaints/" not in page
    pdf = client.get(reverse("oversight:public_report_pdf", args=[2025]))
    assert pdf.content.startswith(b"%PDF")


def test_governance_records_the_response_and_a_manager_publishes(
    client, grace, martin, landlord_cases, approved_selfassessment
):
    url = reverse("oversight:annual_report_response", args=[2025])
    client.force_login(martin)
    refused = client.post(url, {"action": "publish"})
    assert refused.status_code == 400
    assert "8.2" in refused.content.decode()
    client.force_login(grace)
    empty = client.post(url, {"action": "record", "response": " "})
    assert empty.status_code == 400
    assert (
        client.post(url, {"action": "record", "response": "The board accepts."}).status_code == 302
    )
    client.force_login(martin)
    assert client.post(url, {"action": "publish"}).status_code == 302
    assert (
        "The board accepts."
        in client.get(reverse("oversight:public_report", args=[2025])).content.decode()
    )


def test_the_annual_report_summarises_the_self_assessment_ending_in_the_year(
    client, olivia, martin, grace
):
    from tests.selfassessment.factories import approved

    approved(olivia, martin, grace)  # period April 2024 to March 2025, approved 26 June 2025
    client.force_login(martin)
    html = client.get(reverse("oversight:annual_report", args=[2024])).content.decode()
    assert "No self-assessment ending in this reporting year has been approved" not in html
    assert "approved by the governing body on 26 June 2025" in html
