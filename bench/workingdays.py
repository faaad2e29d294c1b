"""Working-day arithmetic at scale: `.venv/bin/python -m bench.workingdays [--calls 1000000]`.

Reports recompute deadlines for hundreds of thousands of complaints, so add_working_days and
working_days_between must stay cheap. This times both on the precomputed calendar index against
a naive day-by-day loop (defined here only, as the yardstick), over the same random starts and
counts (up to 30 working days: the Code's longest stage with an extension), and times building
the calendar. Results go to bench/RESULTS.md (section "Working days").
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from pathlib import Path

from putright.timescales.calendar import (
    WorkingDayCalendar,
    default_calendar,
    england_bank_holidays,
)

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
SECTION = "## Working days"
COMMAND = ".venv/bin/python -m bench.workingdays"
ONE_DAY = dt.timedelta(days=1)


def naive_add_working_days(start: dt.date, n: int, holidays: frozenset) -> dt.date:
    def working(day):
        return day.weekday() < 5 and day not in holidays

    day = start
    while not working(day):
        day += ONE_DAY
    while n:
        day += ONE_DAY
        if working(day):
            n -= 1
    return day


def naive_working_days_between(start: dt.date, end: dt.date, holidays: frozenset) -> int:
    day, count = naive_add_working_days(start, 0, holidays), 0
    while day < end:
        day += ONE_DAY
        if day <= end and day.weekday() < 5 and day not in holidays:
            count += 1
    return count


def _time(fn, cases) -> float:
    started = time.perf_counter()
    for a, b in cases:
        fn(a, b)
    return time.perf_counter() - started


def run(calls: int, naive_calls: int) -> dict:
    rng = random.Random(1)
    first = dt.date(2020, 1, 1).toordinal()
    last = dt.date(2030, 12, 31).toordinal()
    starts = [dt.date.fromordinal(rng.randint(first, last)) for _ in range(calls)]
    counts = [rng.randint(0, 30) for _ in range(calls)]
    calendar = default_calendar()
    holidays = england_bank_holidays()

    add_cases = list(zip(starts, counts, strict=True))
    between_cases = [(s, calendar.add_working_days(s, n)) for s, n in add_cases]

    # Results must agree before their speed means anything.
    for (s, n), (_, end) in zip(add_cases[:2000], between_cases[:2000], strict=True):
        assert naive_add_working_days(s, n, holidays) == calendar.add_working_days(s, n)
        assert naive_working_days_between(s, end, holidays) == calendar.working_days_between(s, end)

    indexed_add = _time(calendar.add_working_days, add_cases)
    indexed_between = _time(calendar.working_days_between, between_cases)
    # The naive loop is timed on a sample and scaled up: a million calls would take minutes.
    naive_add = _time(
        lambda s, n: naive_add_working_days(s, n, holidays), add_cases[:naive_calls]
    ) * (calls / naive_calls)
    naive_between = _time(
        lambda s, e: naive_working_days_between(s, e, holidays), between_cases[:naive_calls]
    ) * (calls / naive_calls)

    started = time.perf_counter()
    england_bank_holidays.cache_clear()
    england_bank_holidays()
    holidays_build = time.perf_counter() - started
    started = time.perf_counter()
    WorkingDayCalendar([dt.date(2025, 12, 29), dt.date(2025, 12, 30)])
    index_build = time.perf_counter() - started
    return {
        "calls": calls,
        "naive_calls": naive_calls,
        "indexed_add": indexed_add,
        "naive_add": naive_add,
        "indexed_between": indexed_between,
        "naive_between": naive_between,
        "holidays_build": holidays_build,
        "index_build": index_build,
    }


def render(r: dict) -> str:
    def row(name, indexed, naive):
        return (
            f"| {name} | {indexed:.2f} | {indexed / r['calls'] * 1e6:.2f} | {naive:.2f} | "
            f"{naive / indexed:.0f}x |"
        )

    return "\n".join(
        [
            SECTION,
            "",
            f"Command: `{COMMAND}`",
            "",
            f"{r['calls']:,} calls each on random dates in 2020 to 2030 with 0 to 30 working "
            "days (the Code's longest stage with its extension). The naive day-by-day loop "
            f"(defined in the bench only) is timed on {r['naive_calls']:,} of the same calls "
            "and scaled up. Machine caveat: 2 shared CPU cores with other work running; read "
            "the ratios.",
            "",
            "| operation | calendar index (s) | µs per call | naive loop (s, scaled) | speed-up |",
            "| --- | ---: | ---: | ---: | ---: |",
            row("add_working_days", r["indexed_add"], r["naive_add"]),
            row("working_days_between", r["indexed_between"], r["naive_between"]),
            "",
            f"Calendar build: England's bank holidays 2000 to 2080 from `holidays` "
            f"{r['holidays_build'] * 1000:.0f} ms (once per process); the working-day index "
            f"with the landlord's closure days {r['index_build'] * 1000:.0f} ms (once per set "
            "of closure days, then cached).",
            "",
        ]
    )


def write_results(section: str) -> None:
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    start = text.find(SECTION)
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        following = text.find("\n## ", start + len(SECTION))
        end = len(text) if following == -1 else following + 1
        text = text[:start] + section + ("\n" if following != -1 else "") + text[end:]
    RESULTS.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--naive-calls", type=int, default=50_000)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    section = render(run(args.calls, min(args.naive_calls, args.calls)))
    print(section)
    if not args.no_write:
        write_results(section)


if __name__ == "__main__":
    main()
