"""England's working days at the edges: weekends, Christmas and New Year (with substitute days),
Easter, the one-off bank holidays, leap years, and the landlord's closure days."""

import datetime as dt

import pytest

from putright.timescales.calendar import (
    WorkingDayCalendar,
    add_working_days,
    england_bank_holidays,
    working_days_between,
)

D = dt.date


@pytest.mark.parametrize(
    "day",
    [
        D(2021, 12, 27),  # Christmas Day (Saturday) substitute
        D(2021, 12, 28),  # Boxing Day (Sunday) substitute
        D(2022, 1, 3),  # New Year's Day (Saturday) substitute
        D(2022, 6, 2),  # Spring bank holiday, moved for the Platinum Jubilee
        D(2022, 6, 3),  # Platinum Jubilee
        D(2022, 9, 19),  # State Funeral of Queen Elizabeth II
        D(2022, 12, 26),  # Boxing Day
        D(2022, 12, 27),  # Christmas Day (Sunday) substitute
        D(2023, 1, 2),  # New Year's Day (Sunday) substitute
        D(2023, 5, 8),  # Coronation of King Charles III
        D(2024, 3, 29),  # Good Friday
        D(2024, 4, 1),  # Easter Monday, and the day the 2024 Code took effect
        D(2025, 4, 18),  # Good Friday
        D(2025, 4, 21),  # Easter Monday
        D(2025, 12, 25),
        D(2025, 12, 26),
        D(2026, 1, 1),
    ],
)
def test_bank_holidays_in_england_are_not_working_days(day):
    assert day in england_bank_holidays()
    assert not WorkingDayCalendar().is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        D(2022, 12, 28),  # back after the 2022 Christmas substitutes
        D(2024, 2, 29),  # a leap day on a Thursday
        D(2022, 6, 1),
        D(2022, 9, 20),
        D(2023, 5, 9),
        D(2025, 12, 24),  # Christmas Eve is not a bank holiday
        D(2025, 3, 17),  # St Patrick's Day: a bank holiday in Northern Ireland only
        D(2025, 11, 28),  # St Andrew's Day (observed 1 Dec): Scotland only
        D(2025, 12, 1),
    ],
)
def test_weekdays_that_are_not_english_bank_holidays_are_working_days(day):
    assert WorkingDayCalendar().is_working_day(day)


def test_weekends_are_not_working_days():
    calendar = WorkingDayCalendar()
    assert not calendar.is_working_day(D(2025, 11, 22))  # Saturday
    assert not calendar.is_working_day(D(2025, 11, 23))  # Sunday
    assert calendar.is_working_day(D(2025, 11, 24))  # Monday


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # The start is day 0.
        (D(2025, 11, 24), 0, D(2025, 11, 24)),
        (D(2025, 11, 24), 5, D(2025, 12, 1)),
        # Over a weekend.
        (D(2025, 11, 21), 1, D(2025, 11, 24)),
        (D(2025, 11, 21), 5, D(2025, 11, 28)),
        # Read strictly (issue 10): N working days of a day end on the Nth working day after
        # it, whatever day it was. Received Saturday 22 November 2025: day 5 is Friday 28th.
        (D(2025, 11, 22), 0, D(2025, 11, 24)),
        (D(2025, 11, 22), 1, D(2025, 11, 24)),
        (D(2025, 11, 22), 5, D(2025, 11, 28)),
        (D(2025, 11, 23), 5, D(2025, 11, 28)),
        # Christmas 2022: Boxing Day Monday, Christmas Day substitute Tuesday.
        (D(2022, 12, 23), 1, D(2022, 12, 28)),
        (D(2022, 12, 23), 5, D(2023, 1, 4)),  # and New Year's substitute on 2 January
        # Christmas 2021: both days at the weekend, substitutes on Monday and Tuesday.
        (D(2021, 12, 24), 1, D(2021, 12, 29)),
        (D(2021, 12, 31), 1, D(2022, 1, 4)),
        # A start on a bank holiday: day 1 is the first working day after it.
        (D(2022, 12, 26), 0, D(2022, 12, 28)),
        (D(2022, 12, 26), 1, D(2022, 12, 28)),
        (D(2022, 12, 25), 5, D(2023, 1, 4)),
        # Christmas 2025: Thursday and Friday.
        (D(2025, 12, 19), 5, D(2025, 12, 30)),
        (D(2025, 12, 24), 1, D(2025, 12, 29)),
        # Easter 2024 and 2025.
        (D(2024, 3, 28), 1, D(2024, 4, 2)),
        (D(2025, 4, 17), 1, D(2025, 4, 22)),
        # The one-off bank holidays.
        (D(2022, 6, 1), 1, D(2022, 6, 6)),
        (D(2022, 9, 16), 1, D(2022, 9, 20)),
        (D(2023, 5, 5), 1, D(2023, 5, 9)),
        # Leap years.
        (D(2024, 2, 28), 1, D(2024, 2, 29)),
        (D(2024, 2, 28), 2, D(2024, 3, 1)),
        (D(2023, 2, 28), 1, D(2023, 3, 1)),
    ],
)
def test_add_working_days(start, n, expected):
    assert add_working_days(start, n) == expected


def test_closure_days_are_not_working_days():
    # The landlord shuts between Christmas and New Year 2025.
    closures = [D(2025, 12, 29), D(2025, 12, 30), D(2025, 12, 31)]
    calendar = WorkingDayCalendar(closures)
    assert not calendar.is_working_day(D(2025, 12, 29))
    assert calendar.add_working_days(D(2025, 12, 24), 1) == D(2026, 1, 2)
    assert WorkingDayCalendar().add_working_days(D(2025, 12, 24), 1) == D(2025, 12, 29)
    # A start on a closure day: day 1 is the first working day after it.
    assert calendar.add_working_days(D(2025, 12, 30), 0) == D(2026, 1, 2)
    assert calendar.add_working_days(D(2025, 12, 30), 1) == D(2026, 1, 2)
    assert calendar.working_days_between(D(2025, 12, 24), D(2026, 1, 2)) == 1


def test_a_closure_day_on_a_bank_holiday_or_weekend_changes_nothing():
    plain = WorkingDayCalendar()
    closed = WorkingDayCalendar([D(2025, 12, 25), D(2025, 11, 29)])
    for n in range(30):
        assert closed.add_working_days(D(2025, 11, 20), n) == plain.add_working_days(
            D(2025, 11, 20), n
        )


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2025, 11, 24), D(2025, 11, 24), 0),
        (D(2025, 11, 21), D(2025, 11, 24), 1),  # Friday to Monday
        (D(2025, 11, 22), D(2025, 11, 23), 0),  # Saturday to Sunday: no working day passed
        (D(2025, 11, 22), D(2025, 11, 22), 0),
        (D(2025, 11, 22), D(2025, 11, 24), 1),  # Saturday to Monday: Monday is day 1
        (D(2025, 11, 24), D(2025, 11, 29), 4),  # Monday to the Saturday after
        (D(2025, 11, 24), D(2025, 12, 1), 5),
        (D(2022, 12, 23), D(2022, 12, 28), 1),
        (D(2022, 12, 23), D(2023, 1, 3), 4),
        (D(2024, 2, 28), D(2024, 3, 1), 2),
        # Backwards: the same count, negative.
        (D(2025, 11, 24), D(2025, 11, 21), -1),
        (D(2025, 11, 23), D(2025, 11, 22), 0),
        (D(2023, 1, 3), D(2022, 12, 23), -4),
    ],
)
def test_working_days_between(start, end, expected):
    assert working_days_between(start, end) == expected


def test_next_working_day():
    calendar = WorkingDayCalendar()
    assert calendar.next_working_day(D(2025, 11, 24)) == D(2025, 11, 24)
    assert calendar.next_working_day(D(2025, 12, 25)) == D(2025, 12, 29)


def test_negative_working_days_are_refused():
    with pytest.raises(ValueError, match="negative"):
        add_working_days(D(2025, 11, 24), -1)


@pytest.mark.parametrize("day", [D(1999, 12, 31), D(2081, 1, 1)])
def test_dates_outside_the_calendar_are_refused_not_guessed(day):
    calendar = WorkingDayCalendar()
    with pytest.raises(ValueError, match="outside the calendar"):
        calendar.add_working_days(day, 1)
    with pytest.raises(ValueError, match="outside the calendar"):
        calendar.is_working_day(day)


def test_counting_past_the_end_of_the_calendar_is_refused():
    with pytest.raises(ValueError, match="outside the calendar"):
        add_working_days(D(2080, 12, 20), 30)
