"""Reporting periods. The reporting year runs 1 April to 31 March (RSH TSM technical requirements,
Code 8.1): reporting year 2025 is 2025-04-01 to 2026-03-31. Dates are Europe/London calendar
dates, as stored on the case, so a complaint received on 31 March belongs to the earlier year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from putright.errors import InvalidInput

FIRST_YEAR = 2000
LAST_YEAR = 2100


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    @property
    def label(self) -> str:
        return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"


def reporting_year(year: int) -> Period:
    return Period(dt.date(year, 4, 1), dt.date(year + 1, 3, 31))


def reporting_year_of(day: dt.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def quarter(year: int, number: int) -> Period:
    """Quarter 1 is April to June of reporting year `year`."""
    start_month = 4 + 3 * (number - 1)
    start = dt.date(year + (start_month - 1) // 12, (start_month - 1) % 12 + 1, 1)
    end_month = start_month + 3
    next_start = dt.date(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
    return Period(start, next_start - dt.timedelta(days=1))


def parse_year(value, field: str = "year") -> int:
    try:
        year = int(str(value).strip())
    except (TypeError, ValueError):
        raise InvalidInput({field: "Give the reporting year as a number, e.g. 2025."}) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidInput({field: f"Give a reporting year between {FIRST_YEAR} and {LAST_YEAR}."})
    return year


# As people in England write a date (1/4/2025), and as links carry it (2025-04-01).
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d %m %Y")
DATE_MESSAGE = "Enter a real date, like 1/4/2025."


def _parse_date(value: str) -> dt.date | None:
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    return None


def parse_period(start, end) -> Period:
    errors: dict[str, str] = {}
    parsed: dict[str, dt.date] = {}
    for field, value in (("from", start), ("to", end)):
        if value in (None, ""):
            errors[field] = DATE_MESSAGE
            continue
        day = _parse_date(str(value))
        if day is None or not FIRST_YEAR <= day.year <= LAST_YEAR:
            errors[field] = DATE_MESSAGE
        else:
            parsed[field] = day
    if not errors and parsed["to"] < parsed["from"]:
        errors["to"] = "The end of the period cannot be before its start."
    if errors:
        raise InvalidInput(errors)
    return Period(parsed["from"], parsed["to"])
