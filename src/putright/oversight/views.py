"""Staff dashboards and reports, and the public page of published annual reports (3.5).
Thin: the figures come from selectors, the layouts from reports."""

from __future__ import annotations

import datetime as dt
from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from putright import dates
from putright.complaints.models import Category
from putright.errors import InvalidInput
from putright.landlord.selectors import landlord_settings
from putright.oversight import drilldown, reports, selectors, tenure
from putright.oversight.models import AnnualReport, OmbudsmanCase, OmbudsmanReport
from putright.oversight.periods import (
    parse_period,
    parse_year,
    reporting_year,
    reporting_year_of,
)
from putright.oversight.permissions import (
    can_edit_oversight,
    can_read_oversight,
    can_record_response,
)


def oversight_reader(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_read_oversight(request.user):
            raise PermissionDenied(
                "Oversight is for the complaints officer, managers and governance."
            )
        return view(request, *args, **kwargs)

    return wrapped


def _period_from(request):
    """?year=2025, or ?from=&to=, else the current reporting year."""
    params = request.GET
    if params.get("from") or params.get("to"):
        return parse_period(params.get("from"), params.get("to")), None
    year = parse_year(params["year"]) if params.get("year") else reporting_year_of(dates.today())
    return reporting_year(year), year


def _pdf_response(html: str, filename: str) -> HttpResponse:
    response = HttpResponse(reports.pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
@oversight_reader
def dashboard(request):
    errors = None
    try:
        period, year = _period_from(request)
    except InvalidInput as error:
        errors = error.errors
        year = reporting_year_of(dates.today())
        period = reporting_year(year)
    context = reports.oversight_context(period)
    tsm = tp09 = None
    if year is not None:
        tp09 = tenure.tp09(year)  # from the surveys: needs no homes
        try:
            tsm = tenure.tsm_with_tenure(year)
        except InvalidInput:
            tsm = None
    context.update(
        {
            "errors": errors,
            "year": year,
            "tsm": tsm,
            "tp09": tp09,
            "quarters": [1, 2, 3, 4],
            "from_value": request.GET.get("from", ""),
            "to_value": request.GET.get("to", ""),
            "export_query": urlencode(
                {"from": period.start.isoformat(), "to": period.end.isoformat()}
            ),
        }
    )
    return render(request, "oversight/dashboard.html", context)


@require_GET
@oversight_reader
def complaints(request):
    filters = {key: request.GET[key] for key in drilldown.FIELDS if key in request.GET}
    paginator = Paginator(drilldown.drilldown(filters, today=dates.today()), 50)
    page = paginator.get_page(request.GET.get("page"))
    description = drilldown.describe(filters)
    return render(
        request,
        "oversight/complaints.html",
        {
            "page": page,
            "query": urlencode(filters),
            "description": description,
        },
    )


@require_GET
@oversight_reader
def learning(request):
    try:
        period, _ = _period_from(request)
    except InvalidInput as error:
        return HttpResponse(str(error), status=400)
    by = (
        request.GET.get("by")
        if request.GET.get("by") in ("category", "service_area")
        else ("category")
    )
    months = selectors.months_of(period)
    category_labels = dict(Category.choices)
    cells: dict[str, dict[str, int]] = {}
    for row in selectors.monthly_trend(period, by=by):
        if row["stage"] == 1:
            cells.setdefault(row[by] or "", {})[row["month"]] = row["count"]
    matrix = []
    for label, counts in sorted(cells.items()):
        row_cells = []
        for month in months:
            month_period = reports._month_period(month)
            row_cells.append(
                {
                    "count": counts.get(month, 0),
                    "href": reports.drilldown_url(
                        stage=1,
                        basis="received",
                        **{by: label},
                        **{"from": month_period.start, "to": month_period.end},
                    ),
                }
            )
        shown = category_labels.get(label, label) if by == "category" else label
        matrix.append(
            {"label": shown or "(not recorded)", "cells": row_cells, "total": sum(counts.values())}
        )
    return render(
        request,
        "oversight/learning.html",
        {
            "period": period,
            # "Apr 2026", not "2026-04".
            "months": [dt.date.fromisoformat(f"{month}-01") for month in months],
            "matrix": matrix,
            "by_label": by.replace("_", " "),
            "base_query": urlencode({"from": period.start, "to": period.end}),
            "repeat_complainants": selectors.repeat_complainants(period),
            "repeat_issues": [
                {
                    **row,
                    "category": category_labels.get(row["category"], row["category"]),
                    "href": reports.drilldown_url(
                        property=row["property"],
                        category=row["category"],
                        **{"from": period.start, "to": period.end},
                    ),
                }
                for row in selectors.repeat_issues_by_property(period)
            ],
        },
    )


@require_GET
@oversight_reader
def lessons(request):
    return render(
        request,
        "oversight/lessons.html",
        {
            "lessons": selectors.lesson_register(),
            "can_edit": can_edit_oversight(request.user),
        },
    )


@require_GET
@oversight_reader
def ombudsman_cases(request):
    cases = OmbudsmanCase.objects.select_related("complaint").prefetch_related(
        "requests", "findings", "orders"
    )
    return render(
        request,
        "oversight/ombudsman_cases.html",
        {
            "cases": cases,
            "reports": OmbudsmanReport.objects.all(),
            "today": dates.today(),
            "can_edit": can_edit_oversight(request.user),
        },
    )


def _annual_html(year: int) -> str:
    report = AnnualReport.objects.filter(reporting_year=year).first()
    return reports.annual_report_html(year, report=report)


@require_GET
@oversight_reader
def annual_report(request, year: int):
    return HttpResponse(_annual_html(year))


@require_GET
@oversight_reader
def annual_report_pdf(request, year: int):
    return _pdf_response(_annual_html(year), f"annual-complaints-report-{year}.pdf")


def _pack_html(year: int, number: int) -> str:
    if number not in (1, 2, 3, 4):
        raise Http404("A reporting year has quarters 1 to 4.")
    from django.template.loader import render_to_string

    return render_to_string(
        "oversight/pack.html", reports.governing_body_pack_context(year, number)
    )


@require_GET
@oversight_reader
def pack(request, year: int, number: int):
    return HttpResponse(_pack_html(year, number))


@require_GET
@oversight_reader
def pack_pdf(request, year: int, number: int):
    return _pdf_response(_pack_html(year, number), f"governing-body-pack-{year}-q{number}.pdf")


# --- public (3.5): no login ------------------------------------------------------------------


@require_GET
def public_reports(request):
    published = AnnualReport.objects.filter(published_on__isnull=False)
    return render(
        request,
        "oversight/public_reports.html",
        {"reports": published, "landlord": landlord_settings()},
    )


def _published(year: int) -> AnnualReport:
    return get_object_or_404(AnnualReport, reporting_year=year, published_on__isnull=False)


@require_GET
def public_report(request, year: int):
    return HttpResponse(_published(year).published_html)


@require_GET
def public_report_pdf(request, year: int):
    return _pdf_response(_published(year).published_html, f"annual-complaints-report-{year}.pdf")


@oversight_reader
def annual_report_response(request, year: int):
    """Record the governing body's response (8.2) and publish the report with it (3.5)."""
    from django.contrib import messages
    from django.shortcuts import redirect

    from putright.errors import NotPermitted, RuleBroken
    from putright.oversight import services

    errors = {}
    if request.method == "POST":
        try:
            if request.POST.get("action") == "publish":
                services.annual_report_publish(user=request.user, reporting_year=year)
                messages.success(request, "The report and the response are published.")
            else:
                services.annual_report_response_record(
                    user=request.user,
                    reporting_year=year,
                    response=request.POST.get("response", ""),
                    commentary=request.POST.get("commentary"),
                )
                messages.success(request, "The governing body's response is recorded.")
            return redirect("oversight:annual_report_response", year=year)
        except InvalidInput as error:
            errors = error.errors
        except RuleBroken as error:
            errors = {"report": [str(error)]}
        except NotPermitted as error:
            raise PermissionDenied(str(error)) from error
    report = AnnualReport.objects.filter(reporting_year=year).first()
    return render(
        request,
        "oversight/annual_report_response.html",
        {
            "year": year,
            "report": report,
            "errors": errors,
            # Only what this user may do is offered (UX review G3).
            "can_publish": can_edit_oversight(request.user),
            "can_respond": can_record_response(request.user),
            "response": request.POST.get(
                "response", report.governing_body_response if report else ""
            ),
            "commentary": request.POST.get("commentary", report.commentary if report else ""),
        },
        status=400 if errors else 200,
    )
