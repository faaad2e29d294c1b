"""Live evidence against figures worked out by hand.

The period is 1 April 2025 to 31 March 2026; today is Monday 24 November 2025. October and
November 2025 have no bank holidays in England, so working days are Monday to Friday.
"""

import datetime as dt

import pytest

from putright.complaints import services as complaints
from putright.complaints.models import Stage
from putright.letters import services as letters
from putright.selfassessment import services
from putright.selfassessment.live_evidence import live_evidence, live_evidence_for
from tests.factories import acknowledge, log_complaint, respond
from tests.factories import played_on as _on
from tests.selfassessment.factories import start

pytestmark = pytest.mark.django_db

D = dt.date
PERIOD = {"code_version": "2024", "period_start": D(2025, 4, 1), "period_end": D(2026, 3, 31)}


def figures(**period):
    return {(f.ref, f.measure.split(" ")[0]): f for f in live_evidence(**(PERIOD | period))}


def one(ref, **period):
    [figure] = [f for f in live_evidence(**(PERIOD | period)) if f.ref == ref]
    return figure


@pytest.fixture
def cases(olivia, hannah, harry):
    """Working days count strictly after the day that starts them (see docs/case-engine.md)."""
    made = {}
    # A: received Mon 3 Nov, acknowledged Fri 7 Nov (due Mon 10 Nov), answered Fri 14 Nov (due
    # Fri 21 Nov): both on time. An action due Thu 20 Nov, not done: late.
    made["A"] = a = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    acknowledge(a, user=hannah, handler=hannah, on=D(2025, 11, 7))
    respond(
        a,
        user=hannah,
        on=D(2025, 11, 14),
        remedies=[{"type": "action", "description": "Fix the ceiling", "due_on": D(2025, 11, 20)}],
    )
    # B: received Wed 1 Oct, acknowledged Wed 15 Oct (due Wed 8 Oct): late. Answered Mon 20 Oct
    # (due Wed 29 Oct): on time. A payment due 1 December: not yet due.
    made["B"] = b = log_complaint(user=olivia, received_on=D(2025, 10, 1))
    acknowledge(b, user=hannah, handler=hannah, on=D(2025, 10, 15))
    payment = {"type": "financial", "description": "For the delay", "amount": "50.00"}
    respond(b, user=hannah, on=D(2025, 10, 20), remedies=[payment | {"due_on": D(2025, 12, 1)}])
    # C: received today: not yet due for acknowledgement.
    made["C"] = log_complaint(user=olivia, received_on=D(2025, 11, 24))
    # D: received Mon 3 Nov, never acknowledged (due Mon 10 Nov): late.
    made["D"] = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    # E: received and acknowledged Mon 6 Oct (response due Mon 20 Oct), extended on Fri 17 Oct
    # by 5 working days to Mon 27 Oct, still unanswered: late. Within the 10-day limit.
    made["E"] = e = log_complaint(user=olivia, received_on=D(2025, 10, 6))
    acknowledge(e, user=hannah, handler=hannah, on=D(2025, 10, 6))
    _on(
        D(2025, 10, 17),
        complaints.complaint_extend,
        user=hannah,
        complaint=e,
        working_days=5,
        reason="Surveyor's report awaited",
        resident_informed_on=D(2025, 10, 17),
    )
    # F: received and acknowledged Mon 1 Sep (response due Mon 15 Sep), answered Tue 30 Sep:
    # late. Escalated Wed 1 Oct; acknowledged Thu 2 Oct for Harry (due Wed 8 Oct), who answered
    # Wed 29 Oct (due Thu 30 Oct): on time and independent.
    made["F"] = f = log_complaint(user=olivia, received_on=D(2025, 9, 1))
    acknowledge(f, user=hannah, handler=hannah, on=D(2025, 9, 1))
    respond(f, user=hannah, on=D(2025, 9, 30))
    _on(
        D(2025, 10, 1),
        complaints.complaint_escalate,
        user=olivia,
        complaint=f,
        requested_on=D(2025, 10, 1),
    )
    acknowledge(f, user=olivia, handler=harry, on=D(2025, 10, 2))
    respond(f, user=harry, on=D(2025, 10, 29))
    # G: stage 1 by Hannah (acknowledged Tue 2 Sep, answered Wed 10 Sep, due Tue 16 Sep); at
    # stage 2 the record shows Hannah as handler (data from before the rule was enforced): a
    # 6.13 breach. Escalated and acknowledged Mon 15 Sep, not answered, due Mon 13 Oct: late.
    made["G"] = g = log_complaint(user=olivia, received_on=D(2025, 9, 1))
    acknowledge(g, user=hannah, handler=hannah, on=D(2025, 9, 2))
    respond(g, user=hannah, on=D(2025, 9, 10))
    _on(
        D(2025, 9, 15),
        complaints.complaint_escalate,
        user=olivia,
        complaint=g,
        requested_on=D(2025, 9, 15),
    )
    acknowledge(g, user=olivia, handler=harry, on=D(2025, 9, 15))
    Stage.objects.filter(complaint=g, number=2).update(handler=hannah)
    # H and I: refused on Tue 14 Oct (legal proceedings, 2.2). Only H was sent the refusal
    # letter with the Ombudsman's details (2.4); I's resident was never told.
    for key in ("H", "I"):
        made[key] = c = log_complaint(user=olivia, received_on=D(2025, 10, 13))
        _on(
            D(2025, 10, 14),
            complaints.complaint_refuse,
            user=olivia,
            complaint=c,
            reason="legal_proceedings",
            explanation="Court claim filed on 1 October.",
            decided_on=D(2025, 10, 14),
        )
    letter = letters.letter_draft(user=olivia, complaint=made["H"], kind="refusal")
    _on(D(2025, 10, 14), letters.letter_issue, user=olivia, letter=letter, delivery="post")
    # Outside the period: received 31 March 2025.
    made["old"] = old = log_complaint(user=olivia, received_on=D(2025, 3, 31))
    acknowledge(old, user=hannah, handler=hannah, on=D(2025, 4, 30))
    return {key: complaint.reference for key, complaint in made.items()}


def test_acknowledgements_at_stage_1(cases):
    figure = one("6.2")
    # on time: A, E, F, G; late: B (acknowledged late), D (not acknowledged); C not yet due.
    assert (figure.met, figure.total, figure.pending) == (4, 6, 1)
    assert figure.percent == 66.7
    assert figure.breaches == sorted([cases["B"], cases["D"]])
    assert figure.proposed == "partly"
    assert figure.summary.startswith(
        "Stage 1 complaints acknowledged within 5 working days: 4 of 6"
    )


def test_responses_at_stage_1(cases):
    figure = one("6.3")
    # on time: A, B, G; late: F (answered late), E (unanswered after the extension).
    assert (figure.met, figure.total) == (3, 5)
    assert figure.breaches == sorted([cases["E"], cases["F"]])


def test_stage_2(cases):
    acknowledged = one("6.11")
    assert (acknowledged.met, acknowledged.total, acknowledged.breaches) == (2, 2, [])
    assert acknowledged.proposed is None
    responses = one("6.14")
    assert (responses.met, responses.total, responses.breaches) == (1, 2, [cases["G"]])
    independent = one("6.13")
    assert (independent.met, independent.total, independent.breaches) == (1, 2, [cases["G"]])
    assert independent.proposed == "partly"


def test_extensions(cases):
    figure = one("6.4")
    assert (figure.met, figure.total, figure.breaches) == (1, 1, [])


def test_an_extension_beyond_the_limit_without_a_good_reason_is_a_breach(cases):
    stage = Stage.objects.get(complaint__reference=cases["E"], number=1)
    stage.extensions.update(working_days=11)
    figure = one("6.4")
    assert (figure.met, figure.total, figure.breaches) == (0, 1, [cases["E"]])
    assert figure.proposed == "no"
    stage.extensions.update(good_reason="Specialist damp survey, booked for the first slot")
    assert one("6.4").breaches == []


def test_refusals(cases):
    reasons = one("2.1")
    assert (reasons.met, reasons.total) == (2, 2)
    rights = one("2.4")
    assert (rights.met, rights.total, rights.breaches) == (1, 2, [cases["I"]])
    assert rights.proposed == "partly"


def test_remedies(cases):
    figure = one("7.3")
    # A's remedy is late; B's is not yet due.
    assert (figure.met, figure.total, figure.pending, figure.breaches) == (0, 1, 1, [cases["A"]])
    assert figure.proposed == "no"


def test_a_period_with_no_cases_has_no_figures(cases):
    assert (
        live_evidence(**(PERIOD | {"period_start": D(2020, 4, 1), "period_end": D(2021, 3, 31)}))
        == []
    )


def test_the_period_boundary(cases):
    # 1 April 2024 to 31 March 2025 holds only the complaint received on 31 March 2025,
    # acknowledged a month late.
    figure = one("6.2", period_start=D(2024, 4, 1), period_end=D(2025, 3, 31))
    assert (figure.met, figure.total, figure.breaches) == (0, 1, [cases["old"]])


def test_2022_provision_numbers(olivia, hannah, harry):
    """A complaint received in 2023 is handled under the 2022 Code and judged by its numbers:
    acknowledged (4.1) and answered (5.1) at stage 1; at stage 2, answered within 20 working
    days of the request (5.13), by someone else (5.12)."""
    case = log_complaint(user=olivia, received_on=D(2023, 10, 2))
    acknowledge(case, user=hannah, handler=hannah, on=D(2023, 10, 3))
    respond(case, user=hannah, on=D(2023, 10, 13))
    _on(
        D(2023, 10, 16),
        complaints.complaint_escalate,
        user=olivia,
        complaint=case,
        requested_on=D(2023, 10, 16),
    )
    acknowledge(case, user=olivia, handler=harry, on=D(2023, 10, 20))
    # Due 20 working days after the request (Mon 13 Nov), not after the acknowledgement.
    respond(case, user=harry, on=D(2023, 11, 14))
    period = {"code_version": "2022", "period_start": D(2023, 4, 1), "period_end": D(2024, 3, 31)}
    by_ref = {f.ref: f for f in live_evidence(**period)}
    assert {"4.1", "5.1", "5.13", "5.12"} <= set(by_ref)
    assert "5.10" not in by_ref  # no acknowledgement timescale at stage 2 in that Code
    assert (by_ref["5.13"].met, by_ref["5.13"].total) == (0, 1)
    assert (by_ref["5.12"].met, by_ref["5.12"].total) == (1, 1)
    # The 2024 Code's figures for the same period do not count it.
    assert live_evidence(**(period | {"code_version": "2024"})) == []


def test_the_2020_code_gets_no_figures(cases):
    assert live_evidence(**(PERIOD | {"code_version": "2020"})) == []


def test_figures_for_a_self_assessment_and_a_fixed_number_of_queries(
    cases, olivia, django_assert_max_num_queries
):
    assessment = start(olivia, period_start=D(2025, 4, 1), period_end=D(2026, 3, 31))
    # Timeliness (a count and breaches per verdict), extensions (2), extension letters,
    # independence (3), refusals, remedies, response letters, the review measures, training (1)
    # and contractors' requests (1): fixed, whatever the number of cases.
    with django_assert_max_num_queries(18):
        by_ref = live_evidence_for(assessment)
    assert by_ref["6.2"][0].met == 4


def test_accepting_the_live_evidence_adopts_the_proposal_and_names_the_cases(cases, olivia):
    assessment = start(olivia, period_start=D(2025, 4, 1), period_end=D(2026, 3, 31))
    answer = assessment.answers.get(ref="6.13")
    services.answer_update(user=olivia, answer=answer, comply="yes", evidence="Policy s11")
    answer = services.answer_accept_live_evidence(user=olivia, answer=answer)
    assert answer.comply == "partly"
    assert answer.evidence.splitlines() == [
        "Policy s11",
        "Putright records: Stage 2 complaints considered by nobody involved at stage 1: 1 of 2 "
        f"(50%). Not met: {cases['G']}. Enforced: Putright refuses a breach, so only records from "
        "before the rule can fail it.",
    ]
    assert assessment.changes.filter(type="live_evidence_accepted", ref="6.13").exists()


def test_where_the_records_show_no_breach_the_landlords_answer_stands(cases, olivia):
    assessment = start(olivia, period_start=D(2025, 4, 1), period_end=D(2026, 3, 31))
    answer = assessment.answers.get(ref="6.11")
    services.answer_update(user=olivia, answer=answer, comply="yes", evidence="Letters")
    answer = services.answer_accept_live_evidence(user=olivia, answer=answer)
    assert answer.comply == "yes"
    assert answer.evidence.endswith("2 of 2 (100%).")


def test_6_13_counts_who_considers_stage_2_as_the_rule_does(olivia, hannah, harry):
    """The officer records both acknowledgements (a clerical step); Hannah considers stage 1 and
    Harry stage 2: independent. The officer then answering stage 2 is refused (6.13), so only a
    record edited outside Putright can fail the figure, and then it does."""
    from putright.errors import RuleBroken

    case = log_complaint(user=olivia, received_on=D(2025, 10, 6))
    acknowledge(case, user=olivia, handler=hannah, on=D(2025, 10, 6))
    respond(case, user=hannah, on=D(2025, 10, 10))
    _on(
        D(2025, 10, 13),
        complaints.complaint_escalate,
        user=olivia,
        complaint=case,
        requested_on=D(2025, 10, 13),
    )
    acknowledge(case, user=olivia, handler=harry, on=D(2025, 10, 14))
    with pytest.raises(RuleBroken) as refused:
        respond(case, user=olivia, on=D(2025, 10, 20))
    assert refused.value.provision == "6.13"
    respond(case, user=harry, on=D(2025, 10, 20))
    figure = one("6.13")
    assert (figure.met, figure.total, figure.breaches) == (1, 1, [])
    # Data from before the rule: the stage 1 handler shown as the stage 2 handler.
    Stage.objects.filter(complaint=case, number=2).update(handler=hannah)
    figure = one("6.13")
    assert (figure.met, figure.total, figure.breaches) == (0, 1, [case.reference])
    assert figure.proposed == "no"
