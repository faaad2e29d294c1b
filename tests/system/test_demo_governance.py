"""The demo's governance records (8.3, 8.5, 9.3 to 9.7): every new page and figure shows
something."""

import datetime as dt

from django.urls import reverse

from putright.governance.models import Incident, Meeting, OrganisationalChange, ReportPresented
from putright.governance.selectors import accountability
from putright.rules import continuity, governance, reassessment
from putright.selfassessment.live_evidence import organisation_evidence

YEAR = {"period_start": dt.date(2025, 4, 1), "period_end": dt.date(2026, 3, 31)}


def test_an_incident_that_ended_with_its_notice(demo):
    incident = Incident.objects.get()
    assert incident.ends_on < dt.date(2025, 11, 24)
    assert incident.notice and incident.notice_published_on and incident.ombudsman_informed_on
    assert continuity.public_notice(dt.date(2025, 11, 24)) is None  # over: no banner
    assert continuity.measure(**YEAR).met == 1


def test_an_organisational_change_prompts_a_self_assessment(demo):
    change = OrganisationalChange.objects.get()
    # The demo's self-assessment was started six weeks ago, before the change.
    assert reassessment.due() == change
    figure = reassessment.measure(**YEAR)
    assert (figure.total, figure.met) == (1, 0)


def test_the_mrc_and_senior_lead_are_named(demo):
    record = accountability()
    assert record.mrc_user.username == "grace"
    assert record.senior_lead_label == "Sam Lee"


def test_a_year_of_meetings_with_reports_and_a_determination_to_report(demo, client):
    assert Meeting.objects.count() >= 6
    assert ReportPresented.objects.filter(kind="pack").count() >= 4
    assert ReportPresented.objects.filter(kind="annual_report").exists()
    assert governance.unreported_determinations(dt.date(2025, 12, 24)).exists()
    refs = {figure.ref for figure in organisation_evidence(code_version="2024", **YEAR)}
    assert {"8.3", "8.5", "9.3", "9.4", "9.5"} <= refs
    from putright.accounts.models import User

    client.force_login(User.objects.get(username="olivia"))
    assert "A self-assessment is due following restructure" in client.get("/").content.decode()
    client.force_login(User.objects.get(username="grace"))
    assert client.get(reverse("governance:index")).status_code == 200
    assert client.get(reverse("governance:meetings")).status_code == 200
