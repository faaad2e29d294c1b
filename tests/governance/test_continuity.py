"""8.5: exceptional circumstances. The rule (dates, a notice before publication), the banner on
the public pages only while an incident is in force with its notice published, the public notice
page, complaints marked when received during an incident, the reports and the measure."""

import datetime as dt

import pytest
from django.urls import reverse

from putright.errors import InvalidInput, NotPermitted
from putright.governance import services
from putright.oversight.reports import annual_report_context, governing_body_pack_context
from putright.rules import continuity
from tests.factories import log_complaint

pytestmark = pytest.mark.django_db

D = dt.date
BANNER = "pr-notification-banner"


def _record(user, **overrides):
    values = {
        "title": "Flood at the office",
        "description": "The contact centre is closed.",
        "starts_on": D(2025, 11, 10),
    }
    return services.incident_record(user=user, **{**values, **overrides})


def test_an_incident_cannot_end_before_it_starts_or_publish_an_empty_notice(olivia):
    with pytest.raises(InvalidInput) as error:
        _record(olivia, ends_on=D(2025, 11, 9), notice_published_on=D(2025, 11, 11))
    assert set(error.value.errors) == {"ends_on", "notice"}


def test_dates_cannot_be_before_the_start_or_in_the_future(olivia):
    with pytest.raises(InvalidInput) as error:
        _record(
            olivia,
            ombudsman_informed_on=D(2025, 11, 9),
            compliance_by=D(2025, 11, 1),
            notice="Sorry",
            notice_published_on=D(2025, 11, 25),
        )
    assert set(error.value.errors) == {
        "ombudsman_informed_on",
        "compliance_by",
        "notice_published_on",
    }
    with pytest.raises(InvalidInput) as error:
        _record(olivia, starts_on=D(2025, 11, 25))
    assert "starts_on" in error.value.errors


def test_governance_users_and_handlers_cannot_record_an_incident(grace, hannah):
    for user in (grace, hannah):
        with pytest.raises(NotPermitted):
            _record(user)


def test_the_banner_shows_on_public_pages_only_while_in_force_and_published(client, olivia):
    incident = _record(olivia, notice="We are slower to answer.")
    public = [
        reverse("web:home"),
        reverse("web:complain"),
        reverse("web:track-find"),
        reverse("oversight:public_reports"),
    ]
    for url in public:  # not yet published
        assert BANNER not in client.get(url).content.decode()
    services.incident_update(user=olivia, incident=incident, notice_published_on=D(2025, 11, 24))
    for url in public:
        page = client.get(url).content.decode()
        assert BANNER in page, url
        assert reverse("governance:notice", args=[incident.pk]) in page
    # Its last day is still in force (today, 24 November); the day after it is not.
    services.incident_update(user=olivia, incident=incident, ends_on=D(2025, 11, 24))
    assert BANNER in client.get(reverse("web:home")).content.decode()
    services.incident_update(user=olivia, incident=incident, ends_on=D(2025, 11, 23))
    assert BANNER not in client.get(reverse("web:home")).content.decode()


def test_the_banner_does_not_show_before_an_incident_starts(client, olivia, time_machine):
    _record(olivia, notice="Closed.", notice_published_on=D(2025, 11, 10))
    time_machine.move_to(dt.datetime(2025, 11, 9, 10, 0, tzinfo=dt.UTC))
    assert continuity.public_notice(D(2025, 11, 9)) is None
    assert continuity.public_notice(D(2025, 11, 10)) is not None


def test_staff_pages_do_not_show_the_banner(client, olivia, incident):
    services.incident_update(user=olivia, incident=incident, ends_on=None)
    client.force_login(olivia)
    assert BANNER not in client.get(reverse("web:home")).content.decode()


def test_the_notice_has_its_own_public_page_once_published(client, olivia, incident):
    page = client.get(reverse("governance:notice", args=[incident.pk]))
    assert page.status_code == 200
    assert "We may be slower to answer complaints." in page.content.decode()
    draft = _record(olivia, notice="Draft words")
    assert client.get(reverse("governance:notice", args=[draft.pk])).status_code == 404


def test_complaints_received_during_an_incident_are_marked(client, olivia, incident, api):
    during = log_complaint(user=olivia, received_on=D(2025, 11, 14))  # its last day
    after = log_complaint(user=olivia, received_on=D(2025, 11, 17))
    client.force_login(olivia)
    page = client.get(reverse("web:complaint", args=[during.reference])).content.decode()
    assert "Received during exceptional circumstances (8.5)" in page
    page = client.get(reverse("web:complaint", args=[after.reference])).content.decode()
    assert "Received during exceptional circumstances" not in page
    listing = client.get(reverse("web:complaints")).content.decode()
    assert listing.count("During: Cyber attack") == 1
    rows = api(olivia).get("/api/v1/complaints/").json()["results"]
    marks = {row["reference"]: row["received_during_incident"] for row in rows}
    assert marks == {during.reference: "Cyber attack", after.reference: None}
    detail = api(olivia).get(f"/api/v1/complaints/{during.reference}/").json()
    assert detail["received_during_incident"] == "Cyber attack"


def test_the_reports_show_the_incidents_with_complaints_received_during_each(olivia, incident):
    log_complaint(user=olivia, received_on=D(2025, 11, 3))
    log_complaint(user=olivia, received_on=D(2025, 11, 14))
    log_complaint(user=olivia, received_on=D(2025, 11, 15))
    [row] = annual_report_context(2025)["incidents"]
    assert (row["incident"], row["received"], row["met"]) == (incident, 2, True)
    [row] = governing_body_pack_context(2025, 3)["incidents"]  # October to December
    assert row["received"] == 2
    assert governing_body_pack_context(2025, 2)["incidents"] == []  # July to September


def test_the_annual_report_page_lists_the_incident(client, olivia, incident):
    client.force_login(olivia)
    page = client.get(reverse("oversight:annual_report", args=[2025])).content.decode()
    assert "Exceptional circumstances (8.5)" in page
    assert "Cyber attack" in page


def test_the_measure_passes_an_incident_with_everything_done(incident):
    figure = continuity.measure(period_start=D(2025, 4, 1), period_end=D(2026, 3, 31))
    assert (figure.ref, figure.met, figure.total, figure.breaches) == ("8.5", 1, 1, [])


def test_the_measure_shows_a_breach_for_an_incident_without_the_ombudsman_told(olivia):
    _record(olivia, ends_on=D(2025, 11, 12))
    figure = continuity.measure(period_start=D(2025, 4, 1), period_end=D(2026, 3, 31))
    assert (figure.met, figure.total) == (0, 1)
    assert figure.breaches == ["Flood at the office (from 2025-11-10)"]
    assert "Ombudsman not informed" in figure.summary
    assert figure.proposed == "no"


def test_the_measure_counts_incidents_overlapping_the_period_edges(olivia):
    _record(olivia, starts_on=D(2025, 3, 28), ends_on=D(2025, 4, 1))  # ends on the first day
    _record(olivia, starts_on=D(2025, 3, 1), ends_on=D(2025, 3, 31))  # ends the day before
    figure = continuity.measure(period_start=D(2025, 4, 1), period_end=D(2026, 3, 31))
    assert figure.total == 1
    assert continuity.measure(period_start=D(2024, 4, 1), period_end=D(2024, 12, 31)) is None


def test_the_web_form_shows_an_error_summary(client, olivia):
    client.force_login(olivia)
    url = reverse("governance:incident-add")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": "Cyber attack",
            "description": "Offline",
            "starts_on_0": "10",
            "starts_on_1": "11",
            "starts_on_2": "2025",
            "ends_on_0": "1",
            "ends_on_1": "11",
            "ends_on_2": "2025",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "The end date cannot be before the start date." in page


def test_the_officer_records_and_closes_an_incident_on_the_web(client, olivia):
    client.force_login(olivia)
    response = client.post(
        reverse("governance:incident-add"),
        {
            "title": "Cyber attack",
            "description": "Offline",
            "starts_on_0": "10",
            "starts_on_1": "11",
            "starts_on_2": "2025",
            "notice": "We are slower.",
            "notice_published_on_0": "11",
            "notice_published_on_1": "11",
            "notice_published_on_2": "2025",
        },
    )
    assert response.status_code == 302
    [row] = client.get(reverse("governance:index")).context["incidents"]
    assert row["in_force"] and row["notice_showing"]


def test_the_api_records_an_incident_and_answers_400_naming_the_field(olivia, grace, api):
    answer = api(olivia).post(
        "/api/v1/governance/incidents/",
        {
            "title": "Cyber attack",
            "description": "Offline",
            "starts_on": "2025-11-10",
            "ends_on": "2025-11-01",
        },
        format="json",
    )
    assert answer.status_code == 400
    assert answer.json() == {"ends_on": ["The end date cannot be before the start date."]}
    blank = api(olivia).post("/api/v1/governance/incidents/", {"title": ""}, format="json")
    assert set(blank.json()) == {"title", "description", "starts_on"}
    created = api(olivia).post(
        "/api/v1/governance/incidents/",
        {"title": "Cyber attack", "description": "Offline", "starts_on": "2025-11-10"},
        format="json",
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    closed = api(olivia).patch(
        f"/api/v1/governance/incidents/{pk}/", {"ends_on": "2025-11-20"}, format="json"
    )
    assert closed.json()["ends_on"] == "2025-11-20"
    assert api(grace).get("/api/v1/governance/incidents/").status_code == 200
    refused = api(grace).post("/api/v1/governance/incidents/", {}, format="json")
    assert refused.status_code == 403


def test_the_governing_body_pack_page_lists_the_incident(client, olivia, incident):
    log_complaint(user=olivia, received_on=D(2025, 11, 5))
    client.force_login(olivia)
    page = client.get(reverse("oversight:pack", args=[2025, 3])).content.decode()
    assert "Exceptional circumstances (8.5)" in page
    assert "Cyber attack" in page
