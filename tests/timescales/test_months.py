"""Properties of the calendar-month arithmetic behind the 12-month window (2.3)."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from putright.timescales.deadlines import arose_over_12_months_before, months_before

days = st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2079, 12, 31))


@given(days, st.integers(min_value=0, max_value=240))
@settings(deadline=None)  # no timing: CPUs are shared
def test_months_before_keeps_the_day_unless_the_month_is_shorter(day, months):
    earlier = months_before(day, months)
    assert (day.year * 12 + day.month) - (earlier.year * 12 + earlier.month) == months
    assert earlier.day <= day.day
    if earlier.day < day.day:
        # Clamped to the last day of a shorter month.
        assert (earlier + dt.timedelta(days=1)).day == 1


@given(days, days)
@settings(deadline=None)  # no timing: CPUs are shared
def test_the_window_is_a_cut_off_in_time(issue, received):
    over = arose_over_12_months_before(issue, received)
    # Anything earlier than an issue that is over 12 months old is also over 12 months old.
    assert not over or arose_over_12_months_before(issue - dt.timedelta(days=1), received)
    # Anything within 366 days is never over 12 months; anything before 367 days always is.
    if issue <= received and (received - issue).days <= 365:
        assert not over
    if (received - issue).days > 366:
        assert over
