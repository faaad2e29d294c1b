"""England's working days: weekdays that are neither bank holidays nor landlord closure days.

Reports recompute deadlines for hundreds of thousands of complaints, so a calendar precomputes a
sorted index of working-day ordinals once and answers every question with a binary search.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache

import holidays

FIRST_YEAR = 2000
LAST_YEAR = 2080


@lru_cache(maxsize=1)
def england_bank_holidays() -> frozenset[dt.date]:
    """Bank holidays in England, including one-off days (2022-06-03, 2022-09-19, 2023-05-08)
    and substitute days when a holiday falls at a weekend."""
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=range(FIRST_YEAR, LAST_YEAR + 1))
    return frozenset(calendar.keys())


class WorkingDayCalendar:
    """Working days between FIRST_YEAR and LAST_YEAR, less the given closure days."""

    def __init__(self, closure_days: Iterable[dt.date] = ()) -> None:
        self.closure_days = frozenset(closure_days)
        non_working = england_bank_holidays() | self.closure_days
        first = dt.date(FIRST_YEAR, 1, 1).toordinal()
        last = dt.date(LAST_YEAR, 12, 31).toordinal()
        self._first = first
        self._last = last
        self._days = [
            ordinal
            for ordinal in range(first, last + 1)
            # date.weekday(): Monday is 0 and Sunday 6; ordinal 1 (0001-01-01) was a Monday.
            if (ordinal - 1) % 7 < 5 and dt.date.fromordinal(ordinal) not in non_working
        ]

    def _check(self, day: dt.date) -> int:
        ordinal = day.toordinal()
        if not self._first <= ordinal <= self._last:
            raise ValueError(f"{day} is outside the calendar ({FIRST_YEAR} to {LAST_YEAR})")
        return ordinal

    def is_working_day(self, day: dt.date) -> bool:
        ordinal = self._check(day)
        index = bisect_left(self._days, ordinal)
        return index < len(self._days) and self._days[index] == ordinal

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The nth working day after `start`. The start is day 0; a start on a weekend, bank
        holiday or closure day counts from the next working day (which is then day 0)."""
        if n < 0:
            raise ValueError("n must not be negative")
        index = bisect_left(self._days, self._check(start)) + n
        if index >= len(self._days):
            raise ValueError(f"{n} working days after {start} is outside the calendar")
        return dt.date.fromordinal(self._days[index])

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end`, counting `start` as
        add_working_days does, so that working_days_between(d, add_working_days(d, n)) == n.
        When `end` comes before `start` the count is the same, negative:
        working_days_between(a, b) == -working_days_between(b, a)."""
        if end < start:
            return -self.working_days_between(end, start)
        start_index = bisect_left(self._days, self._check(start))
        end_index = bisect_right(self._days, self._check(end)) - 1
        # Both days in one run of non-working days (a Saturday and the Sunday after): the
        # next working day, day 0, has not come yet, so no working day has passed.
        return max(0, end_index - start_index)

    def next_working_day(self, day: dt.date) -> dt.date:
        """`day` itself when it is a working day, else the first working day after it."""
        return self.add_working_days(day, 0)


@lru_cache(maxsize=1)
def default_calendar() -> WorkingDayCalendar:
    return WorkingDayCalendar()


def add_working_days(start: dt.date, n: int) -> dt.date:
    return default_calendar().add_working_days(start, n)


def working_days_between(start: dt.date, end: dt.date) -> int:
    return default_calendar().working_days_between(start, end)
