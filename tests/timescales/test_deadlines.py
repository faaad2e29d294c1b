"""Due dates, extension limits and the 12-month window (2.3) at their edges."""

import datetime as dt

import pytest

from putright.timescales import deadlines
from putright.timescales.calendar import WorkingDayCalendar
from putright.timescales.code import timescales_for

D = dt.date
CAL = WorkingDayCalendar()
STAGE1 = timescales_for("2024").stage(1)
STAGE2 = timescales_for("2024").stage(2)


def test_stage_1_acknowledge_within_5_working_days_of_receipt():
    # Received on the Friday before Christmas 2025.
    assert deadlines.acknowledge_by(CAL, STAGE1, D(2025, 12, 19)) == D(2025, 12, 30)


def test_stage_1_respond_within_10_working_days_of_acknowledgement():
    assert deadlines.respond_by(CAL, STAGE1, D(2025, 11, 24)) == D(2025, 12, 8)
    assert deadlines.respond_by(CAL, STAGE1, D(2025, 11, 24), extension_days=10) == D(2025, 12, 22)


def test_stage_2_respond_within_20_working_days_across_easter():
    # Acknowledged Monday 17 March 2025; Good Friday 18 April and Easter Monday 21 April.
    assert deadlines.respond_by(CAL, STAGE2, D(2025, 3, 17)) == D(2025, 4, 14)
    assert deadlines.respond_by(CAL, STAGE2, D(2025, 3, 31)) == D(2025, 4, 30)


def test_internal_targets_are_optional():
    assert deadlines.internal_due(CAL, D(2025, 11, 21), None) is None
    assert deadlines.internal_due(CAL, None, 1) is None
    assert deadlines.internal_due(CAL, D(2025, 11, 21), 1) == D(2025, 11, 24)


@pytest.mark.parametrize(
    ("rules", "already", "requested", "needs"),
    [
        (STAGE1, 0, 10, False),
        (STAGE1, 0, 11, True),
        (STAGE1, 5, 5, False),
        (STAGE1, 5, 6, True),
        (STAGE2, 0, 20, False),
        (STAGE2, 10, 11, True),
        (timescales_for("2022").stage(2), 0, 11, True),
    ],
)
def test_extensions_need_a_good_reason_beyond_the_limit(rules, already, requested, needs):
    assert deadlines.extension_needs_good_reason(rules, already, requested) is needs


def test_working_days_left():
    due = D(2025, 12, 1)  # a Monday
    assert deadlines.working_days_left(CAL, D(2025, 11, 24), due) == 5
    assert deadlines.working_days_left(CAL, due, due) == 0
    assert deadlines.working_days_left(CAL, D(2025, 11, 29), due) == 1  # Saturday before
    assert deadlines.working_days_left(CAL, D(2025, 12, 2), due) == -1


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2025, 11, 24), 12, D(2024, 11, 24)),
        (D(2024, 2, 29), 12, D(2023, 2, 28)),  # no 29 February in 2023
        (D(2025, 2, 28), 12, D(2024, 2, 28)),
        (D(2025, 3, 1), 12, D(2024, 3, 1)),
        (D(2024, 3, 31), 1, D(2024, 2, 29)),
        (D(2025, 1, 31), 1, D(2024, 12, 31)),
        (D(2025, 1, 15), 13, D(2023, 12, 15)),
        (D(2028, 2, 29), 48, D(2024, 2, 29)),
    ],
)
def test_months_before(day, months, expected):
    assert deadlines.months_before(day, months) == expected


@pytest.mark.parametrize(
    ("issue", "received", "over"),
    [
        (D(2024, 11, 24), D(2025, 11, 24), False),  # exactly 12 months: within the window
        (D(2024, 11, 23), D(2025, 11, 24), True),
        (D(2025, 11, 24), D(2025, 11, 24), False),
        # Received on 29 February: 12 months before is 28 February.
        (D(2023, 2, 28), D(2024, 2, 29), False),
        (D(2023, 2, 27), D(2024, 2, 29), True),
        # An issue on 29 February 2024, raised on 28 February or 1 March 2025.
        (D(2024, 2, 29), D(2025, 2, 28), False),
        (D(2024, 2, 29), D(2025, 3, 1), True),
        (D(2024, 3, 31), D(2025, 3, 31), False),
        (D(2024, 3, 31), D(2025, 4, 1), True),
    ],
)
def test_arose_over_12_months_before(issue, received, over):
    assert deadlines.arose_over_12_months_before(issue, received) is over
