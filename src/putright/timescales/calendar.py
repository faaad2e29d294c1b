"""England's working days: weekdays that are neither bank holidays nor landlord closure days.

Reports recompute deadlines for hundreds of thousands of complaints, so a calendar precomputes an
index of working days once and answers every question with a lookup or two.
"""

from __future__ import annotations

import datetime as dt
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
    """Working days between FIRST_YEAR and LAST_YEAR, less the given closure days.

    Two tables are built once: the working days in order (`_days`), and for every calendar day
    the position in `_days` of the first working day on or after it (`_at`). Every question is
    then a lookup or two, whatever the distance.
    """

    def __init__(self, closure_days: Iterable[dt.date] = ()) -> None:
        self.closure_days = frozenset(closure_days)
        non_working = england_bank_holidays() | self.closure_days
        first = dt.date(FIRST_YEAR, 1, 1).toordinal()
        last = dt.date(LAST_YEAR, 12, 31).toordinal()
        self._first = first
        self._last = last
        self._days: list[dt.date] = []
        # One entry per day from `first` to `last` + 1, so that `_at[offset + 1]` is always
        # there: the position of the first working day strictly after a day.
        self._at: list[int] = []
        for ordinal in range(first, last + 2):
            self._at.append(len(self._days))
            day = dt.date.fromordinal(ordinal)
            if ordinal <= last and day.weekday() < 5 and day not in non_working:
                self._days.append(day)

    def _offset(self, day: dt.date) -> int:
        offset = day.toordinal() - self._first
        if not 0 <= offset <= self._last - self._first:
            raise ValueError(f"{day} is outside the calendar ({FIRST_YEAR} to {LAST_YEAR})")
        return offset

    def is_working_day(self, day: dt.date) -> bool:
        offset = self._offset(day)
        return self._at[offset + 1] > self._at[offset]

    def _count_to(self, day: dt.date) -> int:
        """How many working days there are on or before `day`."""
        return self._at[self._offset(day) + 1]

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The nth working day after `start`, read strictly: the day of receipt is never day 1,
        whatever day it was. Received Saturday 22 November 2025, 5 working days end on Friday
        28 November. n == 0 gives `start` itself when it is a working day, else the next one."""
        if n < 0:
            raise ValueError("n must not be negative")
        if n == 0:
            return self.next_working_day(start)
        index = self._count_to(start) + n - 1
        if index >= len(self._days):
            raise ValueError(f"{n} working days after {start} is outside the calendar")
        return self._days[index]

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end`, so that
        working_days_between(d, add_working_days(d, n)) == n for n >= 1. When `end` comes before
        `start` the count is the same, negative:
        working_days_between(a, b) == -working_days_between(b, a)."""
        if end < start:
            return -self.working_days_between(end, start)
        return self._count_to(end) - self._count_to(start)

    def next_working_day(self, day: dt.date) -> dt.date:
        """`day` itself when it is a working day, else the first working day after it."""
        index = self._at[self._offset(day)]
        if index >= len(self._days):
            raise ValueError(f"{day} is outside the calendar")
        return self._days[index]


@lru_cache(maxsize=1)
def default_calendar() -> WorkingDayCalendar:
    return WorkingDayCalendar()


def add_working_days(start: dt.date, n: int) -> dt.date:
    return default_calendar().add_working_days(start, n)


def working_days_between(start: dt.date, end: dt.date) -> int:
    return default_calendar().working_days_between(start, end)
