"""9.3, 9.4, 9.5, 9.7: who is accountable, the governing body's meetings with the reports each
received, and each Ombudsman determination reported at the first meeting after it."""

import datetime as dt

import pytest
from django.urls import reverse

from putright.errors import InvalidInput
from putright.governance import services
from putright.governance.models import Meeting
from putright.rules import governance
from putright.selfassessment.live_evidence import organisation_evidence

pytestmark = pytest.mark.django_db

D = dt.date
YEAR = {"period_start": D(2025, 4, 1), "period_end": D(2026, 3, 31)}


def _meeting(user, on, body="Board"):
    return services.meeting_record(user=user, held_on=on, body=body)


def _report(user, meeting, case):
    return services.report_presented_record(
        user=user, meeting=meeting, kind="determination", ombudsman_case=case
    )


def test_the_mrc_must_be_a_governance_user_or_a_named_person(olivia, hannah, grace):
    with pytest.raises(InvalidInput) as error:
        services.accountability_set(user=olivia, mrc_user=hannah)
    assert "mrc_user" in error.value.errors
    with pytest.raises(InvalidInput) as error:
        services.accountability_set(user=olivia, mrc_user=grace, mrc_name="Grace")
    assert "mrc_name" in error.value.errors
    record = services.accountability_set(
        user=olivia, mrc_user=grace, senior_lead_name="Sam Lee", senior_lead_job_title="Director"
    )
    assert (record.mrc_label, record.senior_lead_label) == ("Grace", "Sam Lee")


def test_accountability_figures_show_nobody_named_then_pass(olivia, grace):
    lead, mrc = governance.accountability_measures()
    assert (lead.ref, lead.met, lead.breaches) == (
        "9.4",
        0,
        ["nobody named in the governance settings"],
    )
    assert (mrc.ref, mrc.met) == ("9.5", 0)
    services.accountability_set(user=olivia, mrc_user=grace, senior_lead_name="Sam Lee")
    lead, mrc = governance.accountability_measures()
    assert (lead.met, lead.total, mrc.met, mrc.total) == (1, 1, 1, 1)


def test_a_determination_reported_at_the_next_meeting_meets_9_7(olivia, determined):
    next_meeting = _meeting(olivia, D(2025, 10, 20))
    _meeting(olivia, D(2025, 11, 17))
    _report(olivia, next_meeting, determined)
    figure = governance.determinations_measure(**YEAR, today=D(2025, 11, 24))
    assert (figure.ref, figure.met, figure.total, figure.breaches) == ("9.7", 1, 1, [])


def test_a_determination_reported_a_meeting_late_is_a_breach(olivia, determined):
    _meeting(olivia, D(2025, 10, 1))  # the same day: not "after" the determination
    _meeting(olivia, D(2025, 10, 20))
    late = _meeting(olivia, D(2025, 11, 17))
    _report(olivia, late, determined)
    figure = governance.determinations_measure(**YEAR, today=D(2025, 11, 24))
    assert (figure.met, figure.total) == (0, 1)
    assert figure.breaches == [determined.complaint.reference]
    assert "HOS-1" in figure.flags[determined.complaint.reference]
    assert "2025-10-20" in figure.summary


def test_a_determination_is_pending_until_the_next_meeting_is_held(olivia, determined):
    assert governance.determinations_measure(**YEAR, today=D(2025, 11, 24)).pending == 1
    _meeting(olivia, D(2025, 12, 8))  # scheduled
    figure = governance.determinations_measure(**YEAR, today=D(2025, 11, 24))
    assert (figure.pending, figure.total) == (1, 0)
    figure = governance.determinations_measure(**YEAR, today=D(2025, 12, 9))
    assert (figure.pending, figure.total, figure.met) == (0, 1, 0)


def test_determinations_outside_the_period_are_not_counted(olivia, determined):
    before = {"period_start": D(2025, 4, 1), "period_end": D(2025, 9, 30)}
    assert governance.determinations_measure(**before, today=D(2025, 11, 24)) is None


def test_a_report_cannot_go_to_a_meeting_before_the_determination_or_not_yet_held(
    olivia, determined
):
    earlier = _meeting(olivia, D(2025, 9, 15))
    with pytest.raises(InvalidInput) as error:
        _report(olivia, earlier, determined)
    assert "ombudsman_case" in error.value.errors
    scheduled = _meeting(olivia, D(2025, 12, 8))
    with pytest.raises(InvalidInput) as error:
        _report(olivia, scheduled, determined)
    assert "meeting" in error.value.errors


def test_the_agenda_page_lists_determinations_not_yet_reported(client, olivia, grace, determined):
    meeting = _meeting(olivia, D(2025, 12, 8))
    client.force_login(grace)
    page = client.get(reverse("governance:meeting", args=[meeting.pk])).content.decode()
    assert "HOS-1" in page and determined.complaint.reference in page
    held = _meeting(olivia, D(2025, 10, 20))
    _report(olivia, held, determined)
    page = client.get(reverse("governance:meeting", args=[meeting.pk])).content.decode()
    assert "every determination before this meeting has been reported" in page


def test_the_learning_figure_counts_meetings_that_received_a_report(olivia):
    with_pack = _meeting(olivia, D(2025, 7, 14))
    services.report_presented_record(
        user=olivia, meeting=with_pack, kind="pack", title="Governing body pack Q1"
    )
    _meeting(olivia, D(2025, 9, 8), body="Audit Committee")
    figure = governance.learning_measure(**YEAR)
    assert (figure.ref, figure.met, figure.total) == ("9.3", 1, 1 + 1)
    assert figure.breaches == ["Audit Committee, 8 September 2025"]


def test_live_evidence_carries_the_governance_figures(olivia, grace, determined):
    services.accountability_set(user=olivia, mrc_user=grace)
    refs = {figure.ref for figure in organisation_evidence(code_version="2024", **YEAR)}
    assert {"9.4", "9.5", "9.7"} <= refs
    assert organisation_evidence(code_version="2022", **YEAR) == []


def test_the_self_assessment_page_names_records_not_cases(client, olivia, grace):
    from tests.selfassessment.factories import start

    services.organisational_change_record(
        user=olivia, kind="merger", changed_on=D(2025, 1, 6), description="Merger"
    )
    self_assessment = start(olivia)  # 2024/25: the change is in its period
    answer = self_assessment.answers.get(ref="8.3")
    client.force_login(olivia)
    url = reverse("selfassessment:answer", args=[self_assessment.pk, answer.pk])
    page = client.get(url).content.decode()
    assert "Organisational changes followed by a new self-assessment: 1 of 1" in page


def test_web_accountability_form_shows_the_rule_on_the_form(client, olivia, hannah):
    client.force_login(olivia)
    url = reverse("governance:accountability")
    response = client.post(
        url,
        {"mrc_user": "", "mrc_name": "", "senior_lead_user": "hannah", "senior_lead_name": "Sam"},
    )
    assert response.status_code == 400
    assert (
        "Choose a user or type a name for the senior lead, not both." in response.content.decode()
    )
    assert (
        client.post(url, {"mrc_name": "Pat Jones", "senior_lead_user": "hannah"}).status_code == 302
    )
    page = client.get(reverse("governance:index")).content.decode()
    assert "Pat Jones" in page and "Hannah" in page


def test_web_meeting_and_report_forms(client, olivia, grace, determined):
    client.force_login(olivia)
    bad = client.post(reverse("governance:meeting-add"), {"body": ""})
    assert bad.status_code == 400 and "There is a problem" in bad.content.decode()
    made = client.post(
        reverse("governance:meeting-add"),
        {"held_on_0": "20", "held_on_1": "10", "held_on_2": "2025", "body": "Board"},
    )
    assert made.status_code == 302
    meeting = Meeting.objects.get()
    url = reverse("governance:report-add", args=[meeting.pk])
    missing = client.post(url, {"kind": "determination"})
    assert missing.status_code == 400
    assert "Say which Ombudsman case" in missing.content.decode()
    assert (
        client.post(url, {"kind": "determination", "ombudsman_case": determined.pk}).status_code
        == 302
    )
    client.force_login(grace)
    assert client.get(reverse("governance:meetings")).status_code == 200
    assert client.get(url).status_code == 403  # governance reads, does not record


def test_handlers_cannot_see_the_governance_pages(client, hannah):
    client.force_login(hannah)
    assert client.get(reverse("governance:index")).status_code == 403


def test_the_api_for_meetings_reports_and_accountability(olivia, grace, api, determined):
    bad = api(olivia).post("/api/v1/governance/meetings/", {"held_on": "2025-13-01"}, format="json")
    assert bad.status_code == 400 and set(bad.json()) == {"held_on", "body"}
    made = api(olivia).post(
        "/api/v1/governance/meetings/", {"held_on": "2025-12-08", "body": "Board"}, format="json"
    )
    assert made.status_code == 201
    assert [row["ombudsman_reference"] for row in made.json()["to_report"]] == ["HOS-1"]
    held = (
        api(olivia)
        .post(
            "/api/v1/governance/meetings/",
            {"held_on": "2025-10-20", "body": "Board"},
            format="json",
        )
        .json()
    )
    reports = f"/api/v1/governance/meetings/{held['id']}/reports/"
    no_case = api(olivia).post(reports, {"kind": "determination"}, format="json")
    assert no_case.status_code == 400 and "ombudsman_case" in no_case.json()
    done = api(olivia).post(
        reports, {"kind": "determination", "ombudsman_case": determined.pk}, format="json"
    )
    assert done.status_code == 201
    assert done.json()["reports"][0]["kind"] == "determination"
    refused = api(grace).post(reports, {"kind": "pack", "title": "Pack"}, format="json")
    assert refused.status_code == 403
    bad_user = api(olivia).put(
        "/api/v1/governance/accountability/", {"mrc_user": "nobody"}, format="json"
    )
    assert bad_user.status_code == 400 and "mrc_user" in bad_user.json()
    set_ = api(olivia).put(
        "/api/v1/governance/accountability/",
        {"mrc_user": "grace", "senior_lead_name": "Sam Lee"},
        format="json",
    )
    assert set_.json()["mrc"] == "Grace" and set_.json()["senior_lead"] == "Sam Lee"
    assert api(grace).get("/api/v1/governance/accountability/").status_code == 200


def test_handlers_cannot_read_the_governance_api(hannah, api):
    for path in ("accountability/", "incidents/", "organisational-changes/", "meetings/"):
        assert api(hannah).get(f"/api/v1/governance/{path}").status_code == 403
