"""Each finding of the Code conformance review (../shared/findings/code-conformance.md, B1 to
B14 and L1 to L6), reproduced through the public services and shown fixed. Today is Monday 24
November 2025 (tests/conftest.py). B5 is in tests/oversight/test_pages.py, B14's merge in
tests/people/test_resident_merge.py, L4 and L5 through the API in
tests/api/test_amendments_and_refusal_dates.py."""

import datetime as dt

import pytest

from putright.complaints import services
from putright.complaints.models import Refusal, Stage
from putright.complaints.workflow import Status
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.landlord.selectors import landlord_settings
from putright.letters import services as letters
from putright.oversight import selectors as oversight
from putright.oversight.periods import reporting_year
from putright.people import services as people
from putright.selfassessment.live_evidence import live_evidence
from tests.factories import acknowledge, log_complaint, respond
from tests.factories import played_on as on

pytestmark = pytest.mark.django_db
D = dt.date
YEAR = {"code_version": "2024", "period_start": D(2025, 4, 1), "period_end": D(2026, 3, 31)}


@pytest.fixture(autouse=True)
def _letter_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def figure(ref, **period):
    [found] = [f for f in live_evidence(**(YEAR | period)) if f.ref == ref]
    return found


def answered(olivia, hannah, received=dt.date(2025, 11, 3), responded=dt.date(2025, 11, 10)):
    case = log_complaint(user=olivia, received_on=received)
    acknowledge(case, user=hannah, handler=hannah, on=received)
    respond(case, user=hannah, on=responded)
    return case


def test_b1_closing_after_stage_1_does_not_take_away_stage_2(olivia, hannah):
    case = answered(olivia, hannah)
    on(
        D(2025, 11, 10),
        services.complaint_close,
        user=hannah,
        complaint=case,
        closed_on=D(2025, 11, 10),
    )
    case = on(
        D(2025, 11, 17),
        services.complaint_escalate,
        user=olivia,
        complaint=case,
        requested_on=D(2025, 11, 17),
    )
    assert (case.stage, case.status, case.closed_on) == (2, Status.AWAITING_ACKNOWLEDGEMENT, None)
    assert case.events.filter(type="escalation_requested").get().parameters["reopened"] is True


def test_b2_an_extension_told_after_the_deadline_is_refused(olivia, hannah):
    case = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    acknowledge(case, user=hannah, handler=hannah, on=D(2025, 11, 3))  # respond by 17 Nov
    with pytest.raises(RuleBroken) as refused:
        services.complaint_extend(
            user=hannah,
            complaint=case,
            working_days=5,
            reason="Survey.",
            resident_informed_on=D(2025, 11, 18),
        )
    assert refused.value.provision == "6.4"
    assert Stage.objects.get(complaint=case).respond_by == D(2025, 11, 17)


def test_b2_an_extension_entered_late_cannot_make_a_late_response_in_time(olivia, hannah):
    case = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    acknowledge(case, user=hannah, handler=hannah, on=D(2025, 11, 3))  # respond by 17 Nov
    # Typed in today (24 Nov), saying the resident was told on 14 Nov: accepted as the record
    # says, but it cannot move the deadline that had already passed when it was entered.
    services.complaint_extend(
        user=hannah,
        complaint=case,
        working_days=5,
        reason="Survey.",
        resident_informed_on=D(2025, 11, 14),
    )
    respond(case, user=hannah, on=D(2025, 11, 21))
    response = figure("6.3")
    assert case.reference in response.breaches
    assert response.flags[case.reference] == "backdated"
    tsm = oversight.tsm(2025, homes=100)
    assert (tsm["ch02_stage1_numerator"], tsm["ch02_stage1_denominator"]) == (0, 1)


def test_b3_independence_reads_the_people_not_the_current_field(olivia, hannah, harry, martin):
    case = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    acknowledge(case, user=olivia, handler=hannah, on=D(2025, 11, 3))
    on(D(2025, 11, 4), services.complaint_assign, user=olivia, complaint=case, handler="harry")
    respond(case, user=harry, on=D(2025, 11, 10))
    on(
        D(2025, 11, 11),
        services.complaint_escalate,
        user=olivia,
        complaint=case,
        requested_on=D(2025, 11, 11),
    )
    # Hannah is no longer the stage 1 handler on the record, but she held it.
    with pytest.raises(RuleBroken) as assigned:
        services.complaint_assign(user=olivia, complaint=case, handler="hannah")
    assert assigned.value.provision == "6.13"
    # Nobody holds stage 2 yet: Hannah, a handler from stage 1, cannot act on it at all.
    with pytest.raises(RuleBroken) as acting:
        services.note_add(user=hannah, complaint=case, text="I'll take this.")
    assert acting.value.provision == "6.13"
    with pytest.raises(RuleBroken) as refusing:  # the stage 1 responder refusing stage 2
        services.complaint_refuse(
            user=olivia,
            complaint=case,
            reason="legal_proceedings",
            explanation="Claim filed.",
            decided_on=D(2025, 11, 12),
        )
    assert refusing.value.provision == "6.13"
    services.complaint_acknowledge(
        user=martin,
        complaint=case,
        acknowledged_on=D(2025, 11, 24),
        handler=martin,
        definition={
            "understanding": "u",
            "outcomes_sought": "o",
            "responsible_for": "r",
            "not_responsible_for": "n",
        },
    )
    assert Stage.objects.get(complaint=case, number=2).handler == martin


def test_b4_the_ombudsman_rights_are_given_by_the_refusal_letter(olivia):
    case = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    on(
        D(2025, 11, 4),
        services.complaint_refuse,
        user=olivia,
        complaint=case,
        reason="legal_proceedings",
        explanation="Claim filed on 1 November.",
        decided_on=D(2025, 11, 4),
    )
    refusal = Refusal.objects.get(complaint=case)
    assert refusal.ombudsman_rights_given is False
    assert case.reference in figure("2.4").breaches
    letter = letters.letter_draft(user=olivia, complaint=case, kind="refusal")
    letters.letter_issue(user=olivia, letter=letter, delivery="post")
    refusal.refresh_from_db()
    assert refusal.ombudsman_rights_given is True
    assert figure("2.4").breaches == []


def test_b6_a_related_issue_cannot_predate_its_case_nor_be_added_by_another_handler(
    olivia, hannah, harry
):
    case = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    acknowledge(case, user=hannah, handler=hannah, on=D(2025, 11, 3))
    with pytest.raises(InvalidInput) as early:
        log_complaint(user=olivia, received_on=D(2025, 11, 1), related_to=case.reference)
    assert "received_on" in early.value.errors
    with pytest.raises(NotPermitted):
        log_complaint(user=harry, received_on=D(2025, 11, 5), related_to=case.reference)
    assert not case.related_issues.exists()


def test_b7_a_2022_code_stage_2_is_due_20_working_days_from_the_request(olivia, hannah, harry):
    case = log_complaint(user=olivia, received_on=D(2024, 3, 1))
    assert case.code_version == "2022"
    acknowledge(case, user=hannah, handler=hannah, on=D(2024, 3, 4))
    respond(case, user=hannah, on=D(2024, 3, 8))
    on(
        D(2024, 4, 10),
        services.complaint_escalate,
        user=olivia,
        complaint=case,
        requested_on=D(2024, 4, 10),
    )
    stage2 = Stage.objects.get(complaint=case, number=2)
    assert stage2.acknowledge_by is None  # the 2022 Code sets none at stage 2
    acknowledge(case, user=olivia, handler=harry, on=D(2024, 4, 17))
    # 20 working days after 10 April 2024, skipping the early May bank holiday.
    assert Stage.objects.get(complaint=case, number=2).respond_by == D(2024, 5, 9)


def test_b8_a_definition_is_complete_and_can_be_corrected(olivia, hannah):
    case = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    with pytest.raises(InvalidInput) as incomplete:
        services.complaint_acknowledge(
            user=hannah,
            complaint=case,
            acknowledged_on=D(2025, 11, 24),
            handler=hannah,
            definition={"understanding": "u", "outcomes_sought": "o"},
        )
    assert {"definition.responsible_for", "definition.not_responsible_for"} <= set(
        incomplete.value.errors
    )
    acknowledge(case, user=hannah, handler=hannah, on=D(2025, 11, 24))
    services.definition_amend(
        user=hannah,
        complaint=case,
        stage=1,
        definition={"not_responsible_for": "Contents insurance."},
        reason="Resident asked.",
    )
    stage = Stage.objects.get(complaint=case)
    assert stage.not_responsible_for == "Contents insurance."


def test_b9_refused_or_withdrawn_unacknowledged_after_the_deadline_count_late(olivia):
    refused = log_complaint(user=olivia, received_on=D(2025, 7, 1))
    on(
        D(2025, 11, 3),
        services.complaint_refuse,
        user=olivia,
        complaint=refused,
        reason="legal_proceedings",
        explanation="Claim filed.",
        decided_on=D(2025, 11, 3),
    )
    withdrawn = log_complaint(user=olivia, received_on=D(2025, 10, 1))
    on(
        D(2025, 10, 22),
        services.complaint_withdraw,
        user=olivia,
        complaint=withdrawn,
        withdrawn_on=D(2025, 10, 22),
    )
    acks = figure("6.2")
    assert {refused.reference, withdrawn.reference} <= set(acks.breaches)
    assert oversight.timeliness(reporting_year(2025))["stage1"]["acknowledged"] == acks.total


def test_b9_an_acknowledgement_typed_in_late_is_backdated(olivia, hannah):
    case = log_complaint(user=olivia, received_on=D(2025, 10, 1))
    # Entered today, 24 November, claiming 2 October: in time on paper only.
    services.complaint_acknowledge(
        user=hannah,
        complaint=case,
        acknowledged_on=D(2025, 10, 2),
        handler=hannah,
        definition={
            "understanding": "u",
            "outcomes_sought": "o",
            "responsible_for": "r",
            "not_responsible_for": "n",
        },
    )
    acks = figure("6.2")
    assert acks.breaches == [case.reference]
    assert acks.flags == {case.reference: "backdated"}


def test_b10_dates_outside_the_calendar_are_bad_input_not_a_crash(olivia, hannah):
    with pytest.raises(InvalidInput) as old:
        log_complaint(user=olivia, received_on=D(1999, 12, 31))
    assert "received_on" in old.value.errors
    case = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    acknowledge(case, user=hannah, handler=hannah, on=D(2025, 11, 3))
    with pytest.raises(InvalidInput) as huge:
        services.complaint_extend(
            user=hannah,
            complaint=case,
            working_days=100000,
            reason="r",
            resident_informed_on=D(2025, 11, 10),
            good_reason="Specialist survey.",
        )
    assert "working_days" in huge.value.errors


def test_b11_a_withdrawal_is_dated_on_or_after_the_last_step(olivia, hannah):
    case = answered(olivia, hannah)
    on(
        D(2025, 11, 12),
        services.complaint_escalate,
        user=olivia,
        complaint=case,
        requested_on=D(2025, 11, 12),
    )
    with pytest.raises(InvalidInput) as early:
        services.complaint_withdraw(user=olivia, complaint=case, withdrawn_on=D(2025, 11, 11))
    assert "withdrawn_on" in early.value.errors
    assert Stage.objects.get(complaint=case, number=2) is not None
    case.refresh_from_db()
    assert case.status == Status.AWAITING_ACKNOWLEDGEMENT


def test_b12_a_remedy_says_by_when(olivia, hannah):
    case = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    acknowledge(case, user=hannah, handler=hannah, on=D(2025, 11, 3))
    with pytest.raises(InvalidInput) as missing:
        services.remedy_offer(
            user=hannah,
            complaint=case,
            type="financial",
            description="For the delay.",
            amount="50.00",
        )
    assert "due_on" in missing.value.errors
    assert not case.remedies.exists()


def test_b13_errors_name_the_real_field_and_state(olivia, hannah):
    case = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    acknowledge(case, user=hannah, handler=hannah, on=D(2025, 11, 3))
    with pytest.raises(InvalidInput) as early:
        services.remedy_offer(
            user=hannah,
            complaint=case,
            type="action",
            description="Fix it.",
            due_on=D(2025, 11, 1),
            offered_on=D(2025, 11, 3),
        )
    assert list(early.value.errors) == ["due_on"]
    with pytest.raises(RuleBroken) as refused:
        services.complaint_refuse(
            user=olivia,
            complaint=case,
            reason="over_12_months",
            explanation="Old.",
            decided_on=D(2025, 11, 24),
            issue_date=D(2023, 1, 1),
        )
    assert refused.value.provision == "2.2"
    on(
        D(2025, 11, 10),
        services.complaint_withdraw,
        user=olivia,
        complaint=case,
        withdrawn_on=D(2025, 11, 10),
    )
    with pytest.raises(RuleBroken) as ended:
        services.complaint_escalate(user=olivia, complaint=case, requested_on=D(2025, 11, 24))
    assert "withdrawn" in ended.value.detail
    assert "only after its stage 1 response" not in ended.value.detail


def test_l1_a_late_request_for_stage_2_is_recorded_and_may_be_refused(olivia, hannah, martin):
    settings = landlord_settings()
    settings.escalation_window_days = 20
    settings.save()
    within = answered(olivia, hannah, received=D(2025, 9, 1), responded=D(2025, 9, 5))
    on(
        D(2025, 10, 3),
        services.complaint_escalate,
        user=olivia,
        complaint=within,
        requested_on=D(2025, 10, 3),
    )  # 20 working days after 5 Sep
    with pytest.raises(RuleBroken) as inside:
        services.complaint_refuse(
            user=martin,
            complaint=within,
            reason="escalation_window",
            explanation="Late.",
            decided_on=D(2025, 10, 6),
        )
    assert inside.value.provision == "5.11"
    late = answered(olivia, hannah, received=D(2025, 9, 1), responded=D(2025, 9, 5))
    on(
        D(2025, 10, 6),
        services.complaint_escalate,
        user=olivia,
        complaint=late,
        requested_on=D(2025, 10, 6),
    )
    on(
        D(2025, 10, 7),
        services.complaint_refuse,
        user=martin,
        complaint=late,
        reason="escalation_window",
        explanation="Asked 21 working days after the response.",
        decided_on=D(2025, 10, 7),
    )
    late.refresh_from_db()
    assert (late.stage, late.status) == (2, Status.REFUSED)
    assert late.reference in figure("5.11").breaches  # until the letter is issued


def test_l2_legal_proceedings_during_the_investigation_end_it(olivia, hannah):
    case = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    acknowledge(case, user=hannah, handler=hannah, on=D(2025, 11, 3))
    case = on(
        D(2025, 11, 12),
        services.complaint_refuse,
        user=hannah,
        complaint=case,
        reason="legal_proceedings",
        explanation="Court claim issued 11 November.",
        decided_on=D(2025, 11, 12),
    )
    assert case.status == Status.REFUSED


def test_l3_reviews_of_adjustments_have_a_maximum_interval(olivia):
    resident = log_complaint(user=olivia).resident
    with pytest.raises(InvalidInput) as far:
        people.adjustment_agree(
            user=olivia,
            resident=resident,
            description="Large print",
            agreed_on=D(2025, 11, 3),
            review_on=D(2035, 11, 3),
        )
    assert "review_on" in far.value.errors


def test_l6_a_complaint_before_the_2020_code_gets_no_code_timescale(olivia):
    case = log_complaint(user=olivia, received_on=D(2020, 6, 30))
    assert case.code_version == ""
    stage = Stage.objects.get(complaint=case)
    assert (stage.acknowledge_by, stage.respond_by) == (None, None)
