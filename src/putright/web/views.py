"""The home page, and the pages shared by the workspace and the public side."""

from __future__ import annotations

from django.shortcuts import render

from putright import dates
from putright.accounts.models import Role
from putright.oversight.periods import reporting_year_of
from putright.surveys.home import flag_follow_up_count, survey_follow_up_count
from putright.web.queries import home_groups


def forbidden(request, message: str = ""):
    return render(request, "403.html", {"message": message}, status=403)


def _oversight_home(request, today):
    """The governing body's home (G2): the oversight pages it reads, not a handler's queue it
    cannot work. The last complete quarter's pack and reporting year's report come first."""
    year = reporting_year_of(today)
    quarter = (today.month - 4) % 12 // 3 + 1
    last_quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return render(
        request,
        "web/home_oversight.html",
        {
            "today": today,
            "year": year,
            "quarter": quarter,
            "last_quarter": last_quarter,
            "last_year": year - 1,
        },
    )


def home(request):
    if not request.user.is_authenticated:
        # The front door: residents complain from here; staff sign in.
        return render(request, "web/public/start.html")
    today = dates.today()
    if request.user.role == Role.GOVERNANCE:
        return _oversight_home(request, today)
    default = "mine" if request.user.role == Role.HANDLER else "team"
    scope = request.GET.get("scope", default)
    scope = scope if scope in ("mine", "team") else default
    groups = home_groups(
        user=request.user, mine=scope == "mine", today=today, late_page=request.GET.get("late")
    )
    return render(
        request,
        "web/home.html",
        {
            "groups": groups,
            "scope": scope,
            "today": today,
            "late_count": groups["late"].count,
            # Dissatisfied survey comments waiting for the offer to complain (1.3, 1.6).
            "survey_follow_ups": survey_follow_up_count(request.user),
            "flag_follow_ups": flag_follow_up_count(request.user),
        },
    )
