"""The annual report's analysis in words (8.1 b asks for "quantitative and qualitative analysis";
UX review M5): sentences written from the same figures the tables show (selectors.summary), so
that the words and the numbers cannot disagree, and compared with the year before."""

from __future__ import annotations

import datetime as dt

from putright.complaints.models import Category
from putright.oversight.periods import Period


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "no"


def _rate(rate: float | None) -> str:
    return "none" if rate is None else f"{round(rate * 100)}%"


def _change(now: int, before: int, label: str) -> str:
    if not before:
        return ""
    change = round(100 * (now - before) / before)
    if change == 0:
        return f", the same as {label} ({before:,})"
    direction = "up" if change > 0 else "down"
    return f", {direction} {abs(change)}% on {label} ({before:,})"


def provisional(period: Period, today: dt.date) -> bool:
    """A period not yet over: its figures can still change."""
    return today <= period.end


def narrative(figures: dict, *, previous: dict | None, previous_label: str) -> list[str]:
    """Paragraphs for section 2 of the annual report."""
    volume = figures["volume"]
    stage1, stage2 = volume["stage1"], volume["stage2"]
    before = previous["volume"] if previous else {"stage1": 0, "stage2": 0}
    paragraphs = []
    paragraphs.append(
        f"We received {stage1:,} stage 1 complaint{'s' if stage1 != 1 else ''}"
        f"{_change(stage1, before['stage1'], previous_label)}, and {stage2:,} "
        f"request{'s' if stage2 != 1 else ''} for stage 2"
        f"{_change(stage2, before['stage2'], previous_label)}. Of the stage 1 responses we "
        f"sent, {_rate(figures['escalation']['rate'])} were taken to stage 2."
    )
    categories = sorted(volume["by_category"].items(), key=lambda kv: (-kv[1], kv[0]))
    received = sum(volume["by_category"].values())
    if categories:
        labels = dict(Category.choices)
        top = [
            f"{str(labels.get(key, key)).lower()} ({n:,}, {_percent(n, received)})"
            for key, n in categories[:3]
        ]
        paragraphs.append(
            "Residents complained most about "
            + ", then ".join(top)
            + " of the complaints received."
        )
    timeliness = figures["timeliness"]
    paragraphs.append(
        f"{_rate(timeliness['stage1']['responded_within_rate'])} of stage 1 responses and "
        f"{_rate(timeliness['stage2']['responded_within_rate'])} of stage 2 responses were "
        "sent within the Code's timescale, extensions it allows counted."
    )
    decided = figures["outcomes"]["stage1"]
    if decided["total"]:
        paragraphs.append(
            f"Of {decided['total']:,} stage 1 decisions, {decided['upheld']:,} upheld the "
            f"complaint in full and {decided['partly_upheld']:,} in part "
            f"({_percent(decided['upheld'] + decided['partly_upheld'], decided['total'])})."
        )
    return paragraphs
