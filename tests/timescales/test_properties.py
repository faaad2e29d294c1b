"""Hypothesis properties of the working-day arithmetic, checked against a plain day-by-day
count as the oracle."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from putright.timescales.calendar import WorkingDayCalendar, england_bank_holidays

CAL = WorkingDayCalendar()
# Far enough inside the calendar (2000 to 2080) that 800 working days on still fit.
days = st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2076, 12, 31))
counts = st.integers(min_value=0, max_value=400)
# Timescales are 1 or more working days; 0 means "the next working day" and is the odd one out.
positive = st.integers(min_value=1, max_value=400)
closures = st.frozensets(
    st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 12, 31)), max_size=30
)


def naive_add(start, n, closure_days=frozenset()):
    def working(day):
        return day.weekday() < 5 and day not in england_bank_holidays() | closure_days

    day = start
    if n == 0:
        while not working(day):
            day += dt.timedelta(days=1)
        return day
    # Read strictly: the start day itself never counts, whatever day it is.
    while n:
        day += dt.timedelta(days=1)
        if working(day):
            n -= 1
    return day


@given(days, positive)
@settings(deadline=None)  # no timing: CPUs are shared
def test_between_undoes_add(start, n):
    assert CAL.working_days_between(start, CAL.add_working_days(start, n)) == n


@given(days, st.integers(min_value=0, max_value=40))
@settings(deadline=None)  # no timing: CPUs are shared
def test_add_agrees_with_a_day_by_day_count(start, n):
    assert CAL.add_working_days(start, n) == naive_add(start, n)


@given(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 6, 30)), counts, closures)
@settings(max_examples=50, deadline=None)
def test_add_agrees_with_a_day_by_day_count_with_closure_days(start, n, closure_days):
    n = n % 60
    calendar = WorkingDayCalendar(closure_days)
    assert calendar.add_working_days(start, n) == naive_add(start, n, closure_days)


@given(days, counts)
@settings(deadline=None)  # no timing: CPUs are shared
def test_the_result_is_a_working_day_on_or_after_the_start(start, n):
    result = CAL.add_working_days(start, n)
    assert CAL.is_working_day(result)
    assert result >= start
    if n > 0:
        assert result > start


@given(days, positive)
@settings(deadline=None)  # no timing: CPUs are shared
def test_add_is_strictly_increasing_in_n(start, n):
    assert CAL.add_working_days(start, n) < CAL.add_working_days(start, n + 1)


@given(days, days, counts)
@settings(deadline=None)  # no timing: CPUs are shared
def test_add_is_monotonic_in_the_start(a, b, n):
    a, b = min(a, b), max(a, b)
    assert CAL.add_working_days(a, n) <= CAL.add_working_days(b, n)


@given(days, positive, positive)
@settings(deadline=None)  # no timing: CPUs are shared
def test_adding_in_two_steps_is_adding_once(start, a, b):
    assert CAL.add_working_days(start, a + b) == CAL.add_working_days(
        CAL.add_working_days(start, a), b
    )


@given(days, days)
@settings(deadline=None)  # no timing: CPUs are shared
def test_between_is_antisymmetric(a, b):
    assert CAL.working_days_between(a, b) == -CAL.working_days_between(b, a)


@given(days, days)
@settings(deadline=None)  # no timing: CPUs are shared
def test_between_a_day_and_a_later_one_is_never_negative(a, b):
    a, b = min(a, b), max(a, b)
    assert CAL.working_days_between(a, b) >= 0
    assert CAL.working_days_between(a, b) <= (b - a).days


@given(days, counts, counts)
@settings(deadline=None)  # no timing: CPUs are shared
def test_between_adds_up_through_a_working_day(start, a, b):
    middle = CAL.add_working_days(start, a)
    end = CAL.add_working_days(middle, b)
    assert CAL.working_days_between(start, middle) + CAL.working_days_between(
        middle, end
    ) == CAL.working_days_between(start, end)


@given(days)
@settings(deadline=None)  # no timing: CPUs are shared
def test_a_day_to_itself_is_zero_working_days(day):
    assert CAL.working_days_between(day, day) == 0


@given(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 6, 30)), counts, closures)
@settings(max_examples=50, deadline=None)
def test_closure_days_only_ever_push_deadlines_later(start, n, closure_days):
    assert WorkingDayCalendar(closure_days).add_working_days(start, n) >= CAL.add_working_days(
        start, n
    )


@given(days, positive)
@settings(deadline=None)  # no timing: CPUs are shared
def test_a_day_off_counts_like_the_working_day_before_it(start, n):
    # Strictly: N working days after a Saturday end where N after the Friday before do.
    before = start
    while not CAL.is_working_day(before):
        before -= dt.timedelta(days=1)
    assert CAL.add_working_days(start, n) == CAL.add_working_days(before, n)


@given(days)
@settings(deadline=None)  # no timing: CPUs are shared
def test_next_working_day_is_day_0(start):
    assert CAL.add_working_days(start, 0) == CAL.next_working_day(start)
