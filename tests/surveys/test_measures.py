"""TP09 per tenure at the reporting year's edges, and the live evidence for 1.3 and 1.6:
dissatisfied comments followed up with the offer to complain."""

import datetime as dt

import pytest

from putright.rules import surveys as rule
from putright.selfassessment.live_evidence import live_evidence
from putright.surveys import services

YEAR_START, YEAR_END = dt.date(2025, 4, 1), dt.date(2026, 3, 31)


def test_tp09_counts_per_tenure_inside_the_reporting_year(record):
    # Inside reporting year 2025 from its first day (its last, 31 March 2026, is after "today":
    # the last-day edge is tested on 2024's, below) ...
    record(responded_on=dt.date(2025, 4, 1), satisfaction="very_satisfied", comment="")
    record(responded_on=dt.date(2025, 11, 24), satisfaction="fairly_satisfied", comment="")
    record(responded_on=dt.date(2025, 6, 1), satisfaction="neither", comment="")
    record(responded_on=dt.date(2025, 6, 1), tenure="lcho", satisfaction="very_dissatisfied")
    record(responded_on=dt.date(2025, 6, 2), tenure="lcho", satisfaction="fairly_satisfied")
    # ... and out of the base: another year, no complaint reported, not answered.
    record(responded_on=dt.date(2025, 3, 31), satisfaction="very_dissatisfied")
    record(complained_last_12_months=False, satisfaction="very_satisfied", comment="")
    record(satisfaction="", comment="")
    figures = rule.tp09(period_start=YEAR_START, period_end=YEAR_END)
    assert (figures["lcra"].numerator, figures["lcra"].denominator) == (2, 3)
    assert figures["lcra"].percent == 66.7
    assert (figures["lcho"].numerator, figures["lcho"].denominator) == (1, 2)
    earlier = rule.tp09(period_start=dt.date(2024, 4, 1), period_end=dt.date(2025, 3, 31))
    assert (earlier["lcra"].numerator, earlier["lcra"].denominator) == (0, 1)
    assert earlier["lcho"].denominator == 0 and earlier["lcho"].percent is None


def _figures(start=YEAR_START, end=YEAR_END):
    return {
        f.ref: f for f in live_evidence(code_version="2024", period_start=start, period_end=end)
    }


def test_an_unfollowed_dissatisfied_comment_is_a_breach_of_1_6_and_1_3(record):
    survey = record(provider_response_id="TSM-77", responded_on=dt.date(2025, 10, 1))
    figures = _figures()
    for ref in ("1.3", "1.6"):
        assert (figures[ref].met, figures[ref].total) == (0, 1)
        assert figures[ref].breaches == ["Survey response TSM-77"]
        assert figures[ref].proposed == "no"
    assert survey.pk


def test_a_followed_up_comment_meets_the_provision(record, olivia):
    survey = record(responded_on=dt.date(2025, 10, 1))
    services.follow_up_record(
        user=olivia,
        survey=survey,
        offered_on=dt.date(2025, 10, 2),
        method="phone",
        choice="no_reply",
    )
    figure = _figures()["1.6"]
    assert (figure.met, figure.total, figure.breaches) == (1, 1, [])
    assert figure.proposed is None


def test_a_recent_comment_is_pending_until_its_follow_up_is_due(record):
    record(responded_on=dt.date(2025, 11, 20))
    figure = _figures()["1.6"]
    assert (figure.total, figure.pending) == (0, 1)


def test_comments_outside_the_period_are_not_counted(record):
    record(responded_on=dt.date(2025, 3, 31))
    assert "1.6" not in _figures()
    assert _figures(dt.date(2024, 4, 1), dt.date(2025, 3, 31))["1.6"].total == 1


@pytest.mark.parametrize("code", ["2022", "2020"])
def test_only_the_2024_code_has_the_figure(record, code):
    record(responded_on=dt.date(2025, 10, 1))
    refs = {
        f.ref
        for f in live_evidence(code_version=code, period_start=YEAR_START, period_end=YEAR_END)
    }
    assert "1.6" not in refs
