"""The home page, and the pages shared by the workspace and the public side."""

from __future__ import annotations

from django.shortcuts import render

from putright import dates
from putright.accounts.models import Role
from putright.web.queries import home_groups


def forbidden(request, message: str = ""):
    return render(request, "403.html", {"message": message}, status=403)


def home(request):
    if not request.user.is_authenticated:
        # The front door: residents complain from here; staff sign in.
        return render(request, "web/public/start.html")
    default = "mine" if request.user.role == Role.HANDLER else "team"
    scope = request.GET.get("scope", default)
    scope = scope if scope in ("mine", "team") else default
    today = dates.today()
    groups = home_groups(user=request.user, mine=scope == "mine", today=today)
    return render(
        request,
        "web/home.html",
        {
            "groups": groups,
            "scope": scope,
            "today": today,
            "late_count": len(groups["remedies"]) + len(groups["actions"]),
        },
    )
