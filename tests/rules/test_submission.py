"""The annual submission's due date at its edges: 999 and 1,000 homes, years ending at month
ends, leap years, and when the officer's home shows it."""

import datetime as dt

import pytest

from putright.rules.submission import (
    due_date,
    reminder_from,
    reporting_year_of,
    submission_on,
    year_end_on_or_before,
)

D = dt.date


@pytest.mark.parametrize(
    ("homes", "year_end", "due"),
    [
        # 1,000 homes or more: 30 September after the year end.
        (1000, D(2026, 3, 31), D(2026, 9, 30)),
        (25000, D(2025, 12, 31), D(2026, 9, 30)),
        (1000, D(2026, 9, 30), D(2027, 9, 30)),  # a year ending on 30 September: the next one
        (1000, D(2026, 8, 31), D(2026, 9, 30)),
        # Fewer: six months after the year end, at a month end.
        (999, D(2026, 3, 31), D(2026, 9, 30)),
        (999, D(2025, 12, 31), D(2026, 6, 30)),
        (999, D(2026, 6, 30), D(2026, 12, 31)),
        (999, D(2025, 8, 31), D(2026, 2, 28)),
        (999, D(2027, 8, 31), D(2028, 2, 29)),  # 2028 is a leap year
        (999, D(2028, 2, 29), D(2028, 8, 31)),
        (999, D(2027, 2, 28), D(2027, 8, 31)),
        (0, D(2026, 9, 30), D(2027, 3, 31)),
    ],
)
def test_the_due_date(homes, year_end, due):
    assert due_date(financial_year_end=year_end, homes=homes) == due


def test_999_and_1000_homes_differ_for_a_december_year_end():
    year_end = D(2025, 12, 31)
    assert due_date(financial_year_end=year_end, homes=999) == D(2026, 6, 30)
    assert due_date(financial_year_end=year_end, homes=1000) == D(2026, 9, 30)


@pytest.mark.parametrize(
    ("day", "month", "year_end"),
    [
        (D(2026, 3, 31), 3, D(2026, 3, 31)),
        (D(2026, 3, 30), 3, D(2025, 3, 31)),
        (D(2028, 2, 29), 2, D(2028, 2, 29)),
        (D(2028, 2, 28), 2, D(2027, 2, 28)),
        (D(2026, 1, 1), 12, D(2025, 12, 31)),
    ],
)
def test_the_latest_year_end(day, month, year_end):
    assert year_end_on_or_before(day, month) == year_end


def test_the_reminder_starts_three_months_before():
    assert reminder_from(D(2026, 9, 30)) == D(2026, 6, 30)
    assert reminder_from(D(2026, 5, 31)) == D(2026, 2, 28)
    assert reminder_from(D(2028, 5, 31)) == D(2028, 2, 29)


def _homes(n):
    return lambda year_end: n


def test_the_submission_worked_towards_is_the_earliest_not_yet_past_due():
    # A March year end, 1,000 homes: on 1 April 2026 the year to March 2026 is due in September.
    on = submission_on(D(2026, 4, 1), month=3, homes_for=_homes(1000))
    assert (on.financial_year_end, on.due_on) == (D(2026, 3, 31), D(2026, 9, 30))
    assert on.financial_year_start == D(2025, 4, 1)
    # A September year end: on 30 September 2026 last year's is due that very day.
    on = submission_on(D(2026, 9, 30), month=9, homes_for=_homes(5000))
    assert (on.financial_year_end, on.due_on) == (D(2025, 9, 30), D(2026, 9, 30))
    on = submission_on(D(2026, 10, 1), month=9, homes_for=_homes(5000))
    assert (on.financial_year_end, on.due_on) == (D(2026, 9, 30), D(2027, 9, 30))


def test_shown_from_three_months_before_until_submitted_or_past():
    on = submission_on(D(2026, 4, 1), month=3, homes_for=_homes(1000))
    assert not on.shown_on(D(2026, 6, 29), submitted=False)
    assert on.shown_on(D(2026, 6, 30), submitted=False)
    assert on.shown_on(D(2026, 9, 30), submitted=False)
    assert not on.shown_on(D(2026, 10, 1), submitted=False)
    assert not on.shown_on(D(2026, 8, 1), submitted=True)


def test_no_due_date_without_the_number_of_homes():
    on = submission_on(D(2026, 7, 1), month=3, homes_for=lambda year_end: None)
    assert on.due_on is None
    assert not on.shown_on(D(2026, 7, 1), submitted=False)


def test_the_reporting_year_a_financial_year_falls_in():
    assert reporting_year_of(D(2026, 3, 31)) == 2025
    assert reporting_year_of(D(2025, 12, 31)) == 2025
