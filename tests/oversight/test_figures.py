"""The figures against hand-computed expectations on a small landlord (tests/oversight/factories).

Reporting year 2025 runs 1 April 2025 to 31 March 2026. Worked by hand:
A received 31 Mar 2025 (year 2024), responded 10 Apr (due 14 Apr): in time, 8 working days.
B received 1 Apr 2025 (year 2025), acknowledged 8 Apr (due 8 Apr), responded 30 Apr (due 24 Apr,
  after Good Friday and Easter Monday): late, 19 working days; stage 2 asked 1 May, extended 10
  days, responded 10 Jun (due 17 Jun): in time, 26 working days.
C refused (over 12 months). D withdrawn. E extended 5 days, responded 22 Jul (due 23 Jul), 15
working days, £100 and £300 remedies and an action due 1 Aug not done. F and G unacknowledged;
G overdue since 17 Nov.
"""

import datetime as dt

import pytest

from putright.oversight import selectors
from putright.oversight.periods import Period, reporting_year

pytestmark = pytest.mark.django_db
YEAR_2025 = reporting_year(2025)


def test_reporting_year_runs_april_to_march():
    assert reporting_year(2025) == Period(dt.date(2025, 4, 1), dt.date(2026, 3, 31))


def test_volume_counts_each_stage_on_the_day_it_was_asked_for(landlord_cases):
    volume = selectors.volume(YEAR_2025)
    # A (31 March) belongs to 2024; C (refused) was still received.
    assert volume["stage1"] == 6
    assert volume["stage2"] == 1
    assert volume["by_channel"] == {"email": 1, "phone": 5}
    assert volume["by_category"] == {"communication": 1, "damp_mould": 1, "repairs": 4}
    assert volume["by_service_area"] == {"": 5, "Repairs": 1}
    assert selectors.volume(reporting_year(2024))["stage1"] == 1


def test_outcomes_refusals_withdrawals_escalation(landlord_cases):
    assert selectors.outcomes(YEAR_2025) == {
        "stage1": {"upheld": 2, "partly_upheld": 0, "not_upheld": 1, "total": 3},
        "stage2": {"upheld": 0, "partly_upheld": 1, "not_upheld": 0, "total": 1},
    }
    assert selectors.refusals(YEAR_2025) == {
        "stage1": {"over_12_months": 1},
        "stage2": {},
        "total": 1,
    }
    assert selectors.withdrawals(YEAR_2025) == {"stage1": 1, "stage2": 0, "total": 1}
    assert selectors.escalation(YEAR_2025) == {"responded": 3, "escalated": 1, "rate": 0.3333}


def test_timeliness_by_stage(landlord_cases):
    """The stages that started in the year, judged as of Monday 24 November 2025.
    Acknowledgement: B, D, E in time; G due 17 November and never acknowledged (late); F due
    27 November (pending); C, refused the next day, was not taken into the procedure (2.1 and
    2.4 judge the refusal). Response: B late, E in time; C refused
    and D withdrawn before their responses were due are left out; F and G have no timescale yet."""
    figures = selectors.timeliness(YEAR_2025)
    ref = {letter: case.reference for letter, case in landlord_cases.items()}
    assert figures["stage1"] == {
        "acknowledged": 4,
        "acknowledged_within": 3,
        "acknowledged_pending": 1,
        "acknowledgement_breaches": [ref["G"]],
        "responded": 2,
        "responded_within": 1,
        "responded_pending": 0,
        "response_breaches": [ref["B"]],
        "extended": 1,
        "acknowledged_within_rate": 0.75,
        "responded_within_rate": 0.5,
    }
    assert figures["stage2"]["responded_within"] == 1
    assert figures["stage2"]["extended"] == 1


def test_extensions_with_and_without_good_reason(landlord_cases):
    assert selectors.extensions(YEAR_2025) == {
        "stage1": {
            "count": 1,
            "total_days": 5,
            "average_days": 5.0,
            "with_good_reason": 0,
            "without_good_reason": 1,
        },
        "stage2": {
            "count": 1,
            "total_days": 10,
            "average_days": 10.0,
            "with_good_reason": 0,
            "without_good_reason": 1,
        },
    }


def test_average_working_days_to_respond_skips_bank_holidays(landlord_cases):
    # (8 + 19 + 15) / 3 at stage 1; stage 2 skips the early May and spring bank holidays.
    assert selectors.average_working_days_to_respond(YEAR_2025) == {
        "stage1": 14.0,
        "stage2": 26.0,
    }


def test_open_and_overdue_now(landlord_cases, today):
    assert selectors.open_and_overdue(today) == {
        "stage1": {"open": 2, "overdue": 1},
        "stage2": {"open": 0, "overdue": 0},
    }


def test_remedies_and_late_actions(landlord_cases, today):
    remedies = selectors.remedies(YEAR_2025)
    assert remedies["by_type"] == {"apology": 1, "financial": 2}
    assert remedies["financial_total"] == "400.00"
    assert remedies["financial_by_band"] == {
        "under_50": 0,
        "50_to_249": 1,
        "250_to_999": 1,
        "1000_plus": 0,
    }
    # E's two payments were due on 5 August and are not recorded as paid; its action is late too.
    assert selectors.late_actions(today) == {"actions": 1, "remedies": 2}


def test_tsm_2025(landlord_cases):
    figures = selectors.tsm(2025, homes=500)
    # CH01: B, D, E, F, G (C was refused, so not a complaint under the procedure) per 500 homes.
    assert figures["ch01_stage1_count"] == 5
    assert figures["ch01_stage1"] == 10.0
    assert figures["ch01_stage2_count"] == 1
    assert figures["ch01_stage2"] == 2.0
    # CH02: responses made in the year: A (received in 2024) and E in time, B late.
    assert (figures["ch02_stage1_numerator"], figures["ch02_stage1_denominator"]) == (2, 3)
    assert figures["ch02_stage1"] == 66.7
    assert (figures["ch02_stage2_numerator"], figures["ch02_stage2_denominator"]) == (1, 1)
    assert figures["ch02_stage2"] == 100.0


def test_tsm_2024_counts_a_complaint_received_on_31_march(landlord_cases):
    figures = selectors.tsm(2024, homes=1000)
    assert figures["ch01_stage1_count"] == 1
    assert figures["ch01_stage1"] == 1.0
    # Nothing was answered in 2024/25: no proportion rather than 0% or 100%.
    assert figures["ch02_stage1"] is None
    assert figures["ch02_stage1_denominator"] == 0


def test_tsm_uses_the_homes_recorded_for_the_year(landlord_cases):
    from putright.landlord.models import HomesOwned

    HomesOwned.objects.create(reporting_year=2025, homes=2500)
    assert selectors.tsm(2025)["ch01_stage1"] == 2.0


def test_tsm_without_homes_names_the_field(db):
    from putright.errors import InvalidInput

    with pytest.raises(InvalidInput) as error:
        selectors.tsm(2025)
    assert "homes" in error.value.errors


def test_a_stage_2_refusal_is_not_counted_in_ch01_stage2(olivia, hannah, martin):
    from putright.complaints import services
    from tests.factories import acknowledge, log_complaint, on_day, respond

    complaint = log_complaint(user=olivia, received_on=dt.date(2025, 9, 1))
    acknowledge(complaint, user=olivia, handler=hannah, on=dt.date(2025, 9, 1))
    respond(complaint, user=olivia, on=dt.date(2025, 9, 5))
    with on_day(dt.date(2025, 9, 8)):
        services.complaint_escalate(
            user=olivia, complaint=complaint, requested_on=dt.date(2025, 9, 8)
        )
    # Olivia recorded the stage 1 acknowledgement and response, so someone else refuses (6.13).
    with on_day(dt.date(2025, 9, 9)):
        services.complaint_refuse(
            user=martin,
            complaint=complaint,
            reason="legal_proceedings",
            explanation="Court proceedings about the same repair began on 1 September.",
            decided_on=dt.date(2025, 9, 9),
        )
    figures = selectors.tsm(2025, homes=100)
    assert (figures["ch01_stage1_count"], figures["ch01_stage2_count"]) == (1, 0)
    assert selectors.refusals(YEAR_2025)["stage2"] == {"legal_proceedings": 1}
    assert selectors.volume(YEAR_2025)["stage2"] == 1


def test_monthly_trend_by_category(landlord_cases):
    trend = selectors.monthly_trend(YEAR_2025, by="category")
    assert {"month": "2025-11", "stage": 1, "category": "repairs", "count": 2} in trend
    assert {"month": "2025-05", "stage": 2, "category": "repairs", "count": 1} in trend


def test_repeat_complainants_and_repeat_issues_by_property(landlord_cases):
    period = Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    [repeat] = selectors.repeat_complainants(period)
    assert (repeat["tenancy_reference"], repeat["complaints"]) == ("T-1", 3)
    assert selectors.repeat_issues_by_property(period) == [
        {"property": "T-1", "category": "repairs", "complaints": 2}
    ]
