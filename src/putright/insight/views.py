"""The quarterly themes page for the senior lead (9.4): read by whoever reads the oversight
figures; each theme offers itself to the learning register."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from putright import dates
from putright.errors import InvalidInput
from putright.insight.themes import themes
from putright.oversight.periods import parse_year, quarter, reporting_year_of
from putright.oversight.permissions import can_edit_oversight, can_read_oversight


def _quarter_of(day) -> tuple[int, int]:
    year = reporting_year_of(day)
    return year, (day.month - 4) % 12 // 3 + 1


def _previous(year: int, number: int) -> tuple[int, int]:
    return (year, number - 1) if number > 1 else (year - 1, 4)


@require_GET
def themes_page(request):
    if not can_read_oversight(request.user):
        raise PermissionDenied
    year, number = _quarter_of(dates.today())
    errors = {}
    try:
        if request.GET.get("year"):
            year = parse_year(request.GET["year"])
        if request.GET.get("quarter"):
            number = int(request.GET["quarter"])
            if number not in (1, 2, 3, 4):
                raise ValueError
    except InvalidInput as error:
        errors = error.errors
    except ValueError:
        errors = {"quarter": ["Choose a quarter from 1 to 4."]}
    period = quarter(year, number)
    before = _previous(year, number)
    found = themes(period, quarter(*before))
    for theme in found:
        theme.lesson_url = (
            reverse("oversight:lesson_add")
            + "?"
            + urlencode({"title": theme.name, "complaints": " ".join(theme.references)})
        )
    context = {
        "themes": found,
        "period": period,
        "year": year,
        "number": number,
        "previous": before,
        "errors": errors,
        "can_edit": can_edit_oversight(request.user),
    }
    return render(request, "insight/themes.html", context, status=400 if errors else 200)
