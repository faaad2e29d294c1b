"""The classic holes, replayed: each short history checked against the reference, figure by figure
(`compare.check_all` runs every figure of every period against `reference.World`).

Today is Monday 24 November 2025. October and November 2025 have no bank holidays in England.
"""

import datetime as dt

import pytest

from putright.complaints import services
from putright.complaints.models import Event, Stage
from putright.errors import RuleBroken
from putright.oversight import selectors
from putright.oversight.periods import reporting_year
from putright.selfassessment.live_evidence import live_evidence
from tests.factories import UserFactory, acknowledge, log_complaint, on_day, respond
from tests.oracle import compare
from tests.oracle.reference import World

pytestmark = [pytest.mark.oracle, pytest.mark.django_db]

D = dt.date
YEAR = reporting_year(2025)


def world(today):
    return World(today)


def figure(ref):
    found = [
        f
        for f in live_evidence(code_version="2024", period_start=YEAR.start, period_end=YEAR.end)
        if f.ref == ref
    ]
    return found[0] if found else None


def state(complaint):
    return (Event.objects.count(), list(Stage.objects.filter(complaint=complaint).values()))


def test_closed_then_escalated_reopens_at_stage_2(olivia, hannah, harry, today):
    complaint = log_complaint(user=olivia, received_on=D(2025, 9, 1))
    acknowledge(complaint, user=olivia, handler=hannah, on=D(2025, 9, 1))
    respond(complaint, user=hannah, on=D(2025, 9, 5))
    with on_day(D(2025, 9, 8)):
        services.complaint_close(user=olivia, complaint=complaint, closed_on=D(2025, 9, 8))
    with on_day(D(2025, 9, 10)):
        complaint = services.complaint_escalate(
            user=None, complaint=complaint, requested_on=D(2025, 9, 10)
        )
    assert (complaint.status, complaint.stage, complaint.closed_on) == (
        "awaiting_acknowledgement",
        2,
        None,
    )
    # Due Wed 17 Sep, never acknowledged: late, and counted.
    assert (figure("6.11").met, figure("6.11").total) == (0, 1)
    assert selectors.tsm(2025, homes=1000)["ch01_stage2_count"] == 1
    compare.check_all(world(today), annual_report=False)


def test_an_extension_told_after_the_deadline_is_refused(olivia, hannah, today):
    complaint = log_complaint(user=olivia, received_on=D(2025, 10, 1))
    acknowledge(complaint, user=hannah, on=D(2025, 10, 1))  # respond by Wed 15 Oct
    before = state(complaint)
    with on_day(D(2025, 10, 16)), pytest.raises(RuleBroken) as refused:
        services.complaint_extend(
            user=hannah,
            complaint=complaint,
            working_days=5,
            reason="Surveyor's report awaited",
            resident_informed_on=D(2025, 10, 16),
        )
    assert refused.value.provision == "6.4"
    assert state(complaint) == before
    compare.check_all(world(today), annual_report=False)


def test_an_extension_entered_late_but_dated_in_time_leaves_the_response_late(
    olivia, hannah, today
):
    complaint = log_complaint(user=olivia, received_on=D(2025, 10, 1))
    acknowledge(complaint, user=hannah, on=D(2025, 10, 1))  # respond by Wed 15 Oct
    with on_day(D(2025, 10, 20)):  # typed in on the 20th, claiming the resident was told the 14th
        services.complaint_extend(
            user=hannah,
            complaint=complaint,
            working_days=5,
            reason="Surveyor's report awaited",
            resident_informed_on=D(2025, 10, 14),
        )
    respond(complaint, user=hannah, on=D(2025, 10, 21))  # by the nominal Wed 22 Oct
    response = figure("6.3")
    assert (response.met, response.total) == (0, 1)
    assert response.flags == {complaint.reference: "backdated"}
    assert selectors.tsm(2025, homes=1000)["ch02_stage1_numerator"] == 0
    compare.check_all(world(today), annual_report=False)


def test_an_acknowledgement_typed_a_month_later_is_backdated(olivia, hannah, today):
    complaint = log_complaint(user=olivia, received_on=D(2025, 10, 1))  # acknowledge by 8 Oct
    with on_day(D(2025, 11, 7)):
        services.complaint_acknowledge(
            user=hannah,
            complaint=complaint,
            acknowledged_on=D(2025, 10, 7),
            handler=hannah,
            definition={
                "understanding": "A leak.",
                "outcomes_sought": "Fixed.",
                "responsible_for": "The roof.",
                "not_responsible_for": "Nothing else.",
            },
        )
    ack = figure("6.2")
    assert (ack.met, ack.total, ack.breaches) == (0, 1, [complaint.reference])
    assert ack.flags == {complaint.reference: "backdated"}
    compare.check_all(world(today), annual_report=False)


def test_the_stage_1_handler_reassigned_away_cannot_act_at_stage_2(olivia, hannah, harry, today):
    heidi = UserFactory(username="heidi", role="handler")
    complaint = log_complaint(user=olivia, received_on=D(2025, 9, 1))
    acknowledge(complaint, user=hannah, handler=hannah, on=D(2025, 9, 1))
    with on_day(D(2025, 9, 2)):
        services.complaint_assign(user=olivia, complaint=complaint, handler=harry)
    respond(complaint, user=harry, on=D(2025, 9, 5))
    with on_day(D(2025, 9, 8)):
        services.complaint_escalate(user=None, complaint=complaint, requested_on=D(2025, 9, 8))
    before = state(complaint)
    with pytest.raises(RuleBroken) as refused:
        acknowledge(complaint, user=hannah, handler=hannah, on=D(2025, 9, 9))
    assert refused.value.provision == "6.13"
    with pytest.raises(RuleBroken) as refused:
        services.complaint_assign(user=olivia, complaint=complaint, handler=hannah)
    assert refused.value.provision == "6.13"
    assert state(complaint) == before
    acknowledge(complaint, user=heidi, handler=heidi, on=D(2025, 9, 9))
    respond(complaint, user=heidi, on=D(2025, 9, 30))
    assert (figure("6.13").met, figure("6.13").total) == (1, 1)
    compare.check_all(world(today), annual_report=False)


def test_refused_unacknowledged_after_the_deadline_is_late(olivia, hannah, today):
    complaint = log_complaint(user=olivia, received_on=D(2025, 10, 1))  # acknowledge by 8 Oct
    with on_day(D(2025, 10, 20)):
        services.complaint_refuse(
            user=olivia,
            complaint=complaint,
            reason="previously_considered",
            explanation="Answered in March under the same policy.",
            decided_on=D(2025, 10, 20),
        )
    ack = figure("6.2")
    assert (ack.met, ack.total, ack.breaches) == (0, 1, [complaint.reference])
    compare.check_all(world(today), annual_report=False)


def test_the_dashboard_and_the_live_evidence_agree_on_one_period(olivia, hannah, harry, today):
    a = log_complaint(user=olivia, received_on=D(2025, 10, 1))
    acknowledge(a, user=hannah, on=D(2025, 10, 7))
    respond(a, user=hannah, on=D(2025, 10, 30))  # due 21 Oct: late
    b = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    acknowledge(b, user=harry, on=D(2025, 11, 4))
    respond(b, user=harry, on=D(2025, 11, 10))
    log_complaint(user=olivia, received_on=D(2025, 11, 21))  # pending
    c = log_complaint(user=olivia, received_on=D(2025, 11, 3))  # due 10 Nov, never acknowledged
    dashboard = selectors.timeliness(YEAR, today)["stage1"]
    ack, response = figure("6.2"), figure("6.3")
    assert (dashboard["acknowledged_within"], dashboard["acknowledged"]) == (ack.met, ack.total)
    assert ack.breaches == [c.reference]
    assert dashboard["acknowledged_pending"] == ack.pending == 1
    assert (dashboard["responded_within"], dashboard["responded"]) == (1, 2)
    assert dashboard["response_breaches"] == response.breaches == [a.reference]
    compare.check_all(world(today))


def test_a_saturday_receipt_is_acknowledged_by_the_friday(olivia, today):
    complaint = log_complaint(user=olivia, received_on=D(2025, 11, 22))
    stage = complaint.stages.get(number=1)
    assert stage.acknowledge_by == D(2025, 11, 28)
    assert world(today).stages[0].acknowledge_by == D(2025, 11, 28)
    compare.check_all(world(today), annual_report=False)


def test_what_the_services_allow_at_stage_2_never_breaches_6_13(olivia, hannah, harry, today):
    """Found by the oracle: the figure counted whoever recorded the stage 2 acknowledgement as
    considering stage 2, so a step the services allow showed as a breach. Both now count the
    handler, the responder and the refuser (docs/case-engine.md)."""
    complaint = log_complaint(user=olivia, received_on=D(2025, 9, 1))
    acknowledge(complaint, user=olivia, handler=hannah, on=D(2025, 9, 1))
    respond(complaint, user=hannah, on=D(2025, 9, 5))
    with on_day(D(2025, 9, 8)):
        services.complaint_escalate(user=None, complaint=complaint, requested_on=D(2025, 9, 8))
    acknowledge(complaint, user=olivia, handler=harry, on=D(2025, 9, 9))  # accepted
    compare.check_all(world(today), annual_report=False)  # the reference agrees with the measure
    assert figure("6.13").breaches == []


def test_a_refusal_typed_in_late_cannot_take_an_overdue_case_out_of_6_2(olivia, today):
    """Found by the oracle: a refusal (or withdrawal) entered after the acknowledgement deadline
    but dated before it took the late case out of 6.2. It is now backdated, a breach."""
    complaint = log_complaint(user=olivia, received_on=D(2025, 10, 1))  # acknowledge by 8 Oct
    services.complaint_refuse(  # recorded today, 24 November, dated 7 October
        user=olivia,
        complaint=complaint,
        reason="legal_proceedings",
        explanation="Court claim filed on 1 October.",
        decided_on=D(2025, 10, 7),
    )
    compare.check_all(world(today), annual_report=False)
    acknowledgement = figure("6.2")
    assert acknowledgement.breaches == [complaint.reference]
    assert acknowledgement.flags == {complaint.reference: "backdated"}
