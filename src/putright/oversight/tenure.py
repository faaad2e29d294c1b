"""The TSMs per tenure: CH01 and CH02 for LCRA and LCHO separately (complaints split by the
resident's tenure, homes by the landlord's settings), and TP09 from the surveys. The totals in
`selectors.tsm` are unchanged: a complaint from a resident whose tenure is not known counts in
the total and in neither split. See docs/oversight.md."""

from __future__ import annotations

from django.db.models import Count, OuterRef

from putright import dates
from putright.complaints.models import Stage
from putright.landlord.models import HomesOwned
from putright.oversight import selectors
from putright.oversight.periods import reporting_year
from putright.rules import surveys as survey_rule
from putright.rules import timeliness as timeliness_rule

TENURES = {"lcra": "LCRA", "lcho": "LCHO"}


def tp09(year: int) -> dict[str, dict]:
    period = reporting_year(year)
    return {
        tenure: figure.as_dict()
        for tenure, figure in survey_rule.tp09(
            period_start=period.start, period_end=period.end
        ).items()
    }


def by_tenure(year: int) -> dict[str, dict]:
    """CH01 (per 1,000 of that tenure's homes, when recorded) and CH02 per tenure."""
    period = reporting_year(year)
    homes = HomesOwned.objects.filter(reporting_year=year).first()
    result = {}
    for tenure in TENURES:
        stages = Stage.objects.filter(complaint__resident__tenure=tenure)
        counts = {1: 0, 2: 0}
        received = (
            stages.filter(requested_on__range=(period.start, period.end))
            .annotate(refused=selectors._refused_at(OuterRef("number")))
            .filter(refused=False)
            .values("number")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for row in received:
            counts[row["number"]] = row["n"]
        judged = timeliness_rule.responses_in(
            period_start=period.start, period_end=period.end, today=dates.today(), stages=stages
        )
        tenure_homes = homes.homes_for(tenure) if homes else None
        row = {"homes": tenure_homes}
        for number in (1, 2):
            row[f"ch01_stage{number}_count"] = counts[number]
            row[f"ch01_stage{number}"] = (
                round(counts[number] * 1000 / tenure_homes, 2) if tenure_homes else None
            )
            within, total = judged[number]["within"], judged[number]["responded"]
            row[f"ch02_stage{number}_numerator"] = within
            row[f"ch02_stage{number}_denominator"] = total
            row[f"ch02_stage{number}"] = round(100 * within / total, 1) if total else None
        result[tenure] = row
    return result


def tsm_with_tenure(year: int, homes: int | None = None) -> dict:
    """`selectors.tsm` (the totals, unchanged) with `by_tenure` and `tp09` beside them."""
    figures = selectors.tsm(year, homes=homes)
    figures["by_tenure"] = by_tenure(year)
    figures["tp09"] = tp09(year)
    return figures


def tenure_rows(figures: dict) -> list[list]:
    """The table rows tables.tsm_table adds: each measure per tenure, then TP09."""
    rows = []
    for tenure, label in TENURES.items():
        split = figures.get("by_tenure", {}).get(tenure)
        if split is None:
            continue
        for number in (1, 2):
            rows.append(
                [
                    f"CH01 stage {number} per 1,000 homes ({label})",
                    split[f"ch01_stage{number}"],
                    split[f"ch01_stage{number}_count"],
                    split["homes"],
                ]
            )
        for number in (1, 2):
            rows.append(
                [
                    f"CH02 stage {number} within timescale (%) ({label})",
                    split[f"ch02_stage{number}"],
                    split[f"ch02_stage{number}_numerator"],
                    split[f"ch02_stage{number}_denominator"],
                ]
            )
    for tenure, label in TENURES.items():
        figure = figures.get("tp09", {}).get(tenure)
        if figure is not None:
            rows.append(
                [
                    f"TP09 satisfied with the approach to complaints handling (%) ({label})",
                    figure["percent"],
                    figure["numerator"],
                    figure["denominator"],
                ]
            )
    return rows
