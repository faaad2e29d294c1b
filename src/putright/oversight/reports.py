"""The dashboard, the quarterly governing body pack (9.7) and the annual complaints performance
and service improvement report (8.1, 8.2): context builders, HTML and PDF.

PDFs are made by WeasyPrint with local fonts only: the url_fetcher refuses every URL except
inline data, so rendering never touches the network.
"""

from __future__ import annotations

import datetime as dt
import logging
from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.urls import reverse

from putright import dates
from putright.complaints.models import Category, Decision
from putright.landlord.selectors import landlord_settings
from putright.oversight import analysis, charts, selectors, tables, tenure
from putright.oversight.periods import Period, quarter, reporting_year
from putright.rules import continuity

logger = logging.getLogger(__name__)


def drilldown_url(**filters) -> str:
    query = {k: v for k, v in filters.items() if v not in (None, "")}
    return f"{reverse('oversight:complaints')}?{urlencode(query)}"


def _period_filters(period: Period) -> dict:
    return {"from": period.start.isoformat(), "to": period.end.isoformat()}


def _month_period(month: str) -> Period:
    start = dt.date.fromisoformat(f"{month}-01")
    end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return Period(start, end)


def trend_charts(period: Period, *, links: bool = True) -> list[charts.Chart]:
    rows = selectors.monthly_trend(period)
    counts = {(row["month"], row["stage"]): row["count"] for row in rows}
    result = []
    for stage in (1, 2):
        items = []
        for month in selectors.months_of(period):
            month_period = _month_period(month)
            href = (
                drilldown_url(stage=stage, basis="received", **_period_filters(month_period))
                if links
                else ""
            )
            label = dt.date.fromisoformat(f"{month}-01").strftime("%b %Y")
            items.append((label, counts.get((month, stage), 0), href))
        result.append(charts.bar_chart(f"Stage {stage} complaints received by month", items))
    return result


def figure_charts(period: Period, figures: dict, *, links: bool = True) -> list[charts.Chart]:
    p = _period_filters(period)

    def link(**filters):
        return drilldown_url(**filters, **p) if links else ""

    category_items = [
        (Category(key).label if key in Category.values else key, n, link(category=key, stage=1))
        for key, n in sorted(figures["volume"]["by_category"].items(), key=lambda kv: -kv[1])
    ]
    outcome_items = [
        (
            f"{d.label} (stage {n})",
            figures["outcomes"][f"stage{n}"][d.value],
            link(stage=n, basis="responded", decision=d.value),
        )
        for n in (1, 2)
        for d in Decision
    ]
    timeliness_items = [
        (
            f"Stage {n} in time",
            round((figures["timeliness"][f"stage{n}"]["responded_within_rate"] or 0) * 100, 1),
            link(stage=n, basis="responded", within="yes"),
        )
        for n in (1, 2)
    ]
    return [
        charts.bar_chart("Stage 1 complaints by category", category_items),
        charts.bar_chart("Outcomes of responses", outcome_items),
        charts.bar_chart("Responses within the Code timescale", timeliness_items, unit="%"),
    ]


def _selfassessment(period: Period) -> dict | None:
    """The self-assessment the report carries (8.1 a): the latest ending in the reporting year
    that the governing body approved, with every answer, not only a count of them."""
    from collections import Counter

    from putright.selfassessment.selectors import selfassessment_for_annual_report

    approved = selfassessment_for_annual_report(start=period.start, end=period.end)
    if approved is None:
        return None
    answers = list(approved.answers.all())  # prefetched: the summary counts them, no query
    by_comply = dict(sorted(Counter(answer.comply for answer in answers).items()))
    return {
        "title": approved.title or str(approved),
        "period_start": approved.period_start,
        "period_end": approved.period_end,
        "status": approved.get_status_display(),
        "approved_on": approved.governing_body_approved_on,
        "by_comply": by_comply,
        "answers": answers,
    }


def oversight_context(period: Period, *, links: bool = True, today=None) -> dict:
    today = today or dates.today()
    figures = selectors.summary(period, today)
    return {
        "period": period,
        "today": today,
        "figures": figures,
        "tables": tables.summary_tables(figures),
        "trend_charts": trend_charts(period, links=links),
        "charts": figure_charts(period, figures, links=links),
        "ombudsman": selectors.ombudsman_figures(period, today),
        "lessons_by_status": selectors.lessons_by_status(),
        "links": links,
        "drill": {
            "stage1": drilldown_url(stage=1, basis="received", **_period_filters(period))
            if links
            else "",
            "stage2": drilldown_url(stage=2, basis="received", **_period_filters(period))
            if links
            else "",
            "refused": drilldown_url(status="refused", **_period_filters(period)) if links else "",
        },
    }


def annual_report_context(year: int, *, report=None, public: bool = False) -> dict:
    period = reporting_year(year)
    context = oversight_context(period, links=False)
    try:
        tsm = tenure.tsm_with_tenure(year)
    except Exception:  # homes not recorded: the report says so rather than failing
        tsm = None
    today = context["today"]
    before = {"volume": selectors.volume(reporting_year(year - 1))}
    context.update(
        {
            "year": year,
            "year_label": f"{year}/{(year + 1) % 100:02d}",
            "provisional": analysis.provisional(period, today) and report_is_live(report),
            "analysis": analysis.narrative(
                context["figures"],
                previous=before,
                previous_label=f"{year - 1}/{year % 100:02d}",
            ),
            "landlord": landlord_settings(),
            "report": report,
            "public": public,
            "tsm": tsm,
            "tsm_table": tables.tsm_table(tsm) if tsm else None,
            "selfassessment": _selfassessment(period),
            "non_compliance": list(selectors.non_compliance_findings(period)),
            "lessons": list(selectors.lessons_implemented(period)),
            "ombudsman_reports": list(selectors.ombudsman_reports(period)),
            "incidents": continuity.in_period(period.start, period.end, today=today),
        }
    )
    return context


def report_is_live(report) -> bool:
    """Not yet published: a published report is frozen as it was on the day."""
    return report is None or report.published_on is None


def annual_report_html(year: int, *, report=None, public: bool = False) -> str:
    return render_to_string(
        "oversight/annual_report.html", annual_report_context(year, report=report, public=public)
    )


def governing_body_pack_context(year: int, number: int) -> dict:
    period = quarter(year, number)
    context = oversight_context(period, links=False)
    context.update(
        {
            "year": year,
            "quarter": number,
            "landlord": landlord_settings(),
            "non_compliance": list(selectors.non_compliance_findings(period)),
            "lessons": list(selectors.lessons_implemented(period)),
            "ombudsman_reports": list(selectors.ombudsman_reports(period)),
            "repeat_complainants": selectors.repeat_complainants(period),
            "repeat_issues": selectors.repeat_issues_by_property(period),
            "incidents": continuity.in_period(period.start, period.end, today=context["today"]),
        }
    )
    return context


def refuse_remote(url: str, timeout: int = 10, ssl_context=None):
    """WeasyPrint url_fetcher: only inline data: URLs are fetched; nothing leaves the machine."""
    if url.startswith("data:"):
        from weasyprint.urls import default_url_fetcher

        return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)
    raise ValueError(f"Refusing to fetch {url!r}: reports use local resources only.")


def pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=refuse_remote, base_url=None).write_pdf()
