"""Staff pages of the training register, mounted at /training/."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse

from putright import dates
from putright.accounts.models import User
from putright.contractors.models import Contractor
from putright.contractors.pages import form_page
from putright.oversight import permissions
from putright.rules import training as rule
from putright.training import forms, selectors, services
from putright.training.models import Course

READERS_ONLY = "Only the complaints officer, managers, governance and administrators see this."


def _data(request):
    return request.POST if request.method == "POST" else None


@login_required
def register(request):
    if not permissions.can_read_oversight(request.user):
        raise PermissionDenied(READERS_ONLY)
    today = dates.today()
    show_all = request.GET.get("show") == "all"
    figures = rule.measures(period_end=today, today=today)
    return render(
        request,
        "training/register.html",
        {
            "rows": selectors.register(today=today, current_only=not show_all),
            "show_all": show_all,
            "staff": selectors.relevant_staff(day=today),
            "courses": selectors.courses(),
            "figures": figures,
            "today": today,
            "reminder_days": rule.reminder_days(),
            "can_edit": permissions.can_edit_oversight(request.user),
        },
    )


def _require_editor(request):
    if not permissions.can_edit_oversight(request.user):
        raise PermissionDenied(services.EDITORS_ONLY)


@login_required
def course_add(request):
    _require_editor(request)
    form = forms.CourseForm(_data(request))
    return form_page(
        request,
        form,
        lambda data: services.course_add(user=request.user, **data),
        title="Add a course",
        back=reverse("training:register"),
        success="The course is added.",
    )


@login_required
def record_add(request):
    _require_editor(request)
    form = forms.RecordForm(_data(request))

    def record(data):
        services.training_record(
            user=request.user,
            course=Course.objects.get(pk=data["course"]),
            staff=User.objects.filter(username=data["staff"]).first() if data["staff"] else None,
            contractor=Contractor.objects.filter(pk=data["contractor"]).first()
            if data["contractor"]
            else None,
            person_name=data["person_name"],
            completed_on=data["completed_on"],
            evidence=data["evidence"],
        )

    return form_page(
        request,
        form,
        record,
        title="Record training completed",
        back=reverse("training:register"),
        success="The training is recorded.",
    )
