"""The Ombudsman's annual submission: when it is due, and when the officer is told.

The landlord sends the Ombudsman its annual submission (the key information, the links to the
published self-assessment, annual report and governing body's response, and a comply answer
for each provision) by:

- 30 September, for a landlord with 1,000 homes or more: the first 30 September after the end
  of its financial year;
- six months after the end of its financial year, otherwise.

A financial year ends on the last day of the month in the landlord's settings
(`LandlordSettings.financial_year_end`), so six months after it is the last day of the sixth
month on: a year ending 31 August is due on the last day of February (the 29th in a leap year).

The officer's home shows the due date from three months before it until the submission is
recorded as made or the day has passed.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

LARGE_LANDLORD_HOMES = 1000
LARGE_LANDLORD_DAY = (9, 30)  # 30 September
SMALL_LANDLORD_MONTHS = 6
REMINDER_MONTHS = 3


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + (day.month - 1) + months
    return index // 12, index % 12 + 1


def year_end_on_or_before(day: dt.date, month: int) -> dt.date:
    """The last financial year end on or before `day`, for a year ending in `month`."""
    end = _month_end(day.year, month)
    return end if end <= day else _month_end(day.year - 1, month)


def due_date(*, financial_year_end: dt.date, homes: int) -> dt.date:
    """The day the submission for the financial year ending on `financial_year_end` is due."""
    if homes >= LARGE_LANDLORD_HOMES:
        month, day = LARGE_LANDLORD_DAY
        due = dt.date(financial_year_end.year, month, day)
        return due if due > financial_year_end else due.replace(year=due.year + 1)
    return _month_end(*_add_months(financial_year_end, SMALL_LANDLORD_MONTHS))


def reminder_from(due: dt.date) -> dt.date:
    """Three months before the due date (the same day of the month, or that month's last day
    where it is shorter)."""
    year, month = _add_months(due, -REMINDER_MONTHS)
    return dt.date(year, month, min(due.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Submission:
    financial_year_end: dt.date
    homes: int | None
    due_on: dt.date | None  # None: the number of homes is not recorded

    @property
    def financial_year_start(self) -> dt.date:
        year, month = _add_months(self.financial_year_end, -11)
        return dt.date(year, month, 1)

    def shown_on(self, day: dt.date, *, submitted: bool) -> bool:
        """Whether the officer's home shows it on `day`."""
        if submitted or self.due_on is None:
            return False
        return reminder_from(self.due_on) <= day <= self.due_on


def submission_on(day: dt.date, *, month: int, homes_for) -> Submission:
    """The submission the landlord is working towards on `day`: for the earliest financial
    year already ended whose submission is not yet past due, else the latest year ended.
    `homes_for(year_end)` gives the homes the landlord had (None when not recorded)."""
    latest = year_end_on_or_before(day, month)
    candidates = [year_end_on_or_before(latest - dt.timedelta(days=1), month), latest]
    submissions = []
    for year_end in candidates:
        homes = homes_for(year_end)
        due = None if homes is None else due_date(financial_year_end=year_end, homes=homes)
        submissions.append(Submission(year_end, homes, due))
    for submission in submissions:
        if submission.due_on is not None and submission.due_on >= day:
            return submission
    return submissions[-1]


def reporting_year_of(financial_year_end: dt.date) -> int:
    """The TSM reporting year (April to March, named by the year it starts) the financial year
    mostly falls in: the one holding the financial year's middle."""
    middle = financial_year_end - dt.timedelta(days=182)
    return middle.year if middle.month >= 4 else middle.year - 1
