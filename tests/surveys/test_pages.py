"""The staff pages: the list, a response entered by hand (with its error summary), the
follow-up queue and a response's page where the follow-up is recorded; the home's card."""

import datetime as dt

import pytest
from django.urls import reverse

from putright.complaints.models import Complaint
from putright.surveys.models import SurveyResponse


def _date(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def test_the_list_and_the_queue_render(client, olivia, record):
    record(provider_response_id="TSM-1")
    client.force_login(olivia)
    listing = client.get(reverse("surveys:list")).content.decode()
    assert "Survey response TSM-1" in listing and "1 dissatisfied comment waiting" in listing
    queue = client.get(reverse("surveys:follow_ups")).content.decode()
    assert "Nobody rang me back." in queue


def test_entering_a_response_shows_the_error_summary_then_records_it(client, olivia):
    client.force_login(olivia)
    url = reverse("surveys:add")
    assert client.get(url).status_code == 200
    bad = client.post(url, {"complaint": "CMP-404", **_date("responded_on", dt.date(2025, 11, 3))})
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "Error: Record a survey response" in html
    assert "Select the respondent&#x27;s tenure (LCRA or LCHO)." in html
    form = {
        **_date("responded_on", dt.date(2025, 11, 3)),
        "tenure": "lcra",
        "complained_last_12_months": "yes",
        "satisfaction": "very_dissatisfied",
        "comment": "Nobody called.",
    }
    # The service's own refusal, on the same form.
    unknown = client.post(url, {**form, "complaint": "CMP-404"})
    assert unknown.status_code == 400
    assert "No complaint has reference &#x27;CMP-404&#x27;." in unknown.content.decode()
    good = client.post(url, form)
    survey = SurveyResponse.objects.get()
    assert good.status_code == 302 and good["Location"] == reverse(
        "surveys:detail", args=[survey.pk]
    )
    assert survey.source == "staff" and survey.recorded_by == olivia


def test_record_the_follow_up_on_the_page_raising_a_complaint(client, hannah, record):
    survey = record()
    client.force_login(hannah)
    url = reverse("surveys:detail", args=[survey.pk])
    assert "Record a follow-up" in client.get(url).content.decode()
    form = {
        **_date("offered_on", dt.date(2025, 11, 20)),
        "method": "phone",
        "choice": "raise_complaint",
        "channel": "phone",
    }
    bad = client.post(url, form)
    assert bad.status_code == 400 and "Enter the resident" in bad.content.decode()
    done = client.post(url, {**form, "name": "Sam Okoro"}, follow=True)
    complaint = Complaint.objects.get()
    html = done.content.decode()
    assert f"Complaint {complaint.reference} is logged." in html
    assert "wants to make a complaint (complaint raised)" in html
    assert "Recorded by Hannah" in html


def test_a_satisfied_response_has_no_follow_up_form(client, olivia, record):
    survey = record(satisfaction="very_satisfied")
    client.force_login(olivia)
    url = reverse("surveys:detail", args=[survey.pk])
    assert "Record a follow-up" not in client.get(url).content.decode()
    assert client.post(url, {}).status_code == 403


def test_governance_sees_the_pages_but_no_forms(client, grace, record):
    survey = record()
    client.force_login(grace)
    assert client.get(reverse("surveys:add")).status_code == 403
    page = client.get(reverse("surveys:detail", args=[survey.pk])).content.decode()
    assert "Waiting: the resident has not yet been offered" in page
    assert "Record a follow-up" not in page


@pytest.mark.parametrize("who", ["hannah", "olivia"])
def test_the_home_shows_the_comments_waiting(client, request, record, who):
    record()
    client.force_login(request.getfixturevalue(who))
    html = client.get(reverse("web:home")).content.decode()
    assert "survey comments to follow up" in html
    assert reverse("surveys:follow_ups") in html


def test_the_dashboard_shows_tp09_beside_ch01_and_ch02_per_tenure(client, martin, record):
    from putright.landlord.models import HomesOwned

    HomesOwned.objects.create(reporting_year=2025, homes=1000, homes_lcra=900, homes_lcho=100)
    record(satisfaction="fairly_satisfied", comment="")
    client.force_login(martin)
    html = client.get(reverse("oversight:dashboard") + "?year=2025").content.decode()
    assert "CH01 and CH02 per tenure" in html
    assert "TP09 satisfied with the approach to complaints handling, LCRA: 100.0% (1 / 1)" in html
    assert "LCHO: \u2013% (0 / 0)" in html


def test_the_dashboard_shows_tp09_even_without_homes(client, martin, record):
    record(satisfaction="fairly_satisfied", comment="")
    client.force_login(martin)
    html = client.get(reverse("oversight:dashboard") + "?year=2025").content.decode()
    assert "LCRA: 100.0% (1 / 1)" in html


@pytest.mark.parametrize("name", ["surveys:list", "surveys:follow_ups"])
def test_the_lists_cost_the_same_queries_at_two_sizes(
    client, olivia, record, name, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import log_complaint

    def grow(start, n):
        for i in range(start, start + n):
            complaint = log_complaint(
                user=olivia, resident={"name": f"R{i}", "tenancy_reference": f"T{i}"}
            )
            record(provider_response_id=f"Q-{i}", complaint=complaint.reference)

    client.force_login(olivia)
    grow(0, 2)
    client.get(reverse(name))  # warm the session
    with CaptureQueriesContext(connection) as small:
        assert client.get(reverse(name)).status_code == 200
    grow(2, 10)
    with django_assert_num_queries(len(small)):
        html = client.get(reverse(name)).content.decode()
    assert "R11" in html


def test_import_the_providers_file_on_the_web(client, olivia):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.surveys.conftest import csv_bytes

    client.force_login(olivia)
    url = reverse("surveys:import")
    assert client.get(url).status_code == 200
    bad = csv_bytes([["W-1", "2025-10-01", "", "", "Leasehold", "yes", "", ""]])
    refused = client.post(url, {"file": SimpleUploadedFile("tsm.csv", bad)})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "Nothing was imported: 1 problem(s), listed below." in html
    assert "<td>tenure</td>" in html and "&#x27;Leasehold&#x27; is not a tenure" in html
    assert SurveyResponse.objects.count() == 0
    good = csv_bytes([["W-1", "2025-10-01", "", "", "LCRA", "yes", "Very dissatisfied", "No."]])
    done = client.post(url, {"file": SimpleUploadedFile("tsm.csv", good)}, follow=True)
    assert "Imported 1 survey response(s) from tsm.csv; 0 already imported; 1" in (
        done.content.decode()
    )


def test_a_handler_does_not_import(client, hannah):
    client.force_login(hannah)
    assert client.get(reverse("surveys:import")).status_code == 403
