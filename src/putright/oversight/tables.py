"""The figures laid out as named tables: one shape for the HTML pages, CSV and Excel exports."""

from __future__ import annotations

from putright import spreadsheets
from putright.complaints.models import Category, Channel, Decision, RefusalReason, RemedyType
from putright.oversight.selectors import REMEDY_BANDS
from putright.oversight.tenure import tenure_rows


def _label(choices, value: str) -> str:
    try:
        return choices(value).label
    except ValueError:
        return value or "(not recorded)"


def _pct(rate) -> str:
    return "" if rate is None else f"{rate * 100:.1f}%"


def summary_tables(figures: dict) -> dict[str, dict]:
    """name -> {"title", "headers", "rows"}."""
    v, t = figures["volume"], figures["timeliness"]
    tables = {
        "volume": {
            "title": "Complaints received by stage",
            "headers": ["Stage", "Received"],
            "rows": [["Stage 1", v["stage1"]], ["Stage 2", v["stage2"]]],
        },
        "channel": {
            "title": "Stage 1 complaints by channel",
            "headers": ["Channel", "Complaints"],
            "rows": [[_label(Channel, k), n] for k, n in v["by_channel"].items()],
        },
        "category": {
            "title": "Stage 1 complaints by category",
            "headers": ["Category", "Complaints"],
            "rows": [[_label(Category, k), n] for k, n in v["by_category"].items()],
        },
        "service_area": {
            "title": "Stage 1 complaints by service area",
            "headers": ["Service area", "Complaints"],
            "rows": [[k or "(not recorded)", n] for k, n in v["by_service_area"].items()],
        },
        "outcomes": {
            "title": "Outcomes of responses by stage",
            "headers": ["Stage", *[d.label for d in Decision], "Total"],
            "rows": [
                [
                    f"Stage {n}",
                    *[figures["outcomes"][f"stage{n}"][d.value] for d in Decision],
                    figures["outcomes"][f"stage{n}"]["total"],
                ]
                for n in (1, 2)
            ],
        },
        "refusals": {
            "title": "Complaints not accepted or not escalated, by reason (8.1 b)",
            "headers": ["Stage", "Reason", "Complaints"],
            "rows": [
                [f"Stage {n}", _label(RefusalReason, reason), count]
                for n in (1, 2)
                for reason, count in figures["refusals"][f"stage{n}"].items()
            ],
        },
        "withdrawals": {
            "title": "Complaints withdrawn",
            "headers": ["Stage", "Withdrawn"],
            "rows": [
                ["Stage 1", figures["withdrawals"]["stage1"]],
                ["Stage 2", figures["withdrawals"]["stage2"]],
            ],
        },
        "escalation": {
            "title": "Escalation from stage 1 to stage 2",
            "headers": ["Stage 1 responses", "Escalated", "Rate"],
            "rows": [
                [
                    figures["escalation"]["responded"],
                    figures["escalation"]["escalated"],
                    _pct(figures["escalation"]["rate"]),
                ]
            ],
        },
        "timeliness": {
            "title": "Timeliness by stage",
            "headers": [
                "Stage",
                "Acknowledged",
                "Within 5 working days",
                "%",
                "Responded",
                "Within the Code timescale",
                "%",
                "Extended",
                "Average working days to respond",
            ],
            "rows": [
                [
                    f"Stage {n}",
                    t[f"stage{n}"]["acknowledged"],
                    t[f"stage{n}"]["acknowledged_within"],
                    _pct(t[f"stage{n}"]["acknowledged_within_rate"]),
                    t[f"stage{n}"]["responded"],
                    t[f"stage{n}"]["responded_within"],
                    _pct(t[f"stage{n}"]["responded_within_rate"]),
                    t[f"stage{n}"]["extended"],
                    figures["average_working_days_to_respond"][f"stage{n}"],
                ]
                for n in (1, 2)
            ],
        },
        "extensions": {
            "title": "Extensions (6.4, 6.15)",
            "headers": [
                "Stage",
                "Extensions",
                "Total working days",
                "Average working days",
                "With a good reason",
                "Without",
            ],
            "rows": [[f"Stage {n}", *figures["extensions"][f"stage{n}"].values()] for n in (1, 2)],
        },
        "open_now": {
            "title": "Open and overdue now",
            "headers": ["Stage", "Open", "Overdue"],
            "rows": [
                [
                    f"Stage {n}",
                    figures["open_now"][f"stage{n}"]["open"],
                    figures["open_now"][f"stage{n}"]["overdue"],
                ]
                for n in (1, 2)
            ],
        },
        "remedies": {
            "title": "Remedies offered by type",
            "headers": ["Type", "Remedies"],
            "rows": [[_label(RemedyType, k), n] for k, n in figures["remedies"]["by_type"].items()],
        },
        "financial_remedies": {
            "title": "Financial remedies by band",
            "headers": ["Band", "Remedies", "Total (£)"],
            "rows": [
                [
                    label,
                    figures["remedies"]["financial_by_band"][key],
                    figures["remedies"]["financial_total_by_band"][key],
                ]
                for key, label, *_ in REMEDY_BANDS
            ]
            + [
                [
                    "All financial remedies",
                    figures["remedies"]["financial_count"],
                    figures["remedies"]["financial_total"],
                ]
            ],
        },
        "late_now": {
            "title": "Remedies and actions late now (7.3)",
            "headers": ["Kind", "Late"],
            "rows": [
                ["Outstanding actions", figures["late_now"]["actions"]],
                ["Remedies", figures["late_now"]["remedies"]],
            ],
        },
    }
    return tables


def tsm_table(figures: dict) -> dict:
    return {
        "title": f"Tenant Satisfaction Measures, reporting year {figures['year']}",
        "headers": ["Measure", "Result", "Numerator", "Denominator"],
        "rows": [
            [label, figures[key], figures[num], figures[den]]
            for label, key, num, den in (
                ("CH01 stage 1 per 1,000 homes", "ch01_stage1", "ch01_stage1_count", "homes"),
                ("CH01 stage 2 per 1,000 homes", "ch01_stage2", "ch01_stage2_count", "homes"),
                (
                    "CH02 stage 1 within timescale (%)",
                    "ch02_stage1",
                    "ch02_stage1_numerator",
                    "ch02_stage1_denominator",
                ),
                (
                    "CH02 stage 2 within timescale (%)",
                    "ch02_stage2",
                    "ch02_stage2_numerator",
                    "ch02_stage2_denominator",
                ),
            )
        ]
        + tenure_rows(figures),
    }


def as_csv(table: dict) -> str:
    return spreadsheets.csv_text([table["headers"], *table["rows"]])


def as_xlsx(tables: dict[str, dict]) -> bytes:
    return spreadsheets.xlsx_bytes(
        (name, [[table["title"]], table["headers"], *table["rows"]])
        for name, table in tables.items()
    )
