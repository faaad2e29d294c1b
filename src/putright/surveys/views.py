"""Staff pages for surveys: the responses, a response entered by hand, the follow-up queue
and a response's page, where the follow-up is recorded (1.3, 1.6). Thin: every write goes
through surveys.services; InvalidInput (400) and RuleBroken (409) are shown on the same form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from putright import dates
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.surveys import forms, importing, permissions, selectors, services
from putright.surveys.models import SurveyResponse

PAGE_SIZE = 50


def _submit(request, form, record):
    """Validate and call `record(form)`; (result, rule, status) for the page."""
    if not form.is_valid():
        return None, None, 400
    try:
        return record(form), None, 200
    except InvalidInput as error:
        forms.apply_errors(form, error)
        return None, None, 400
    except RuleBroken as error:
        return None, error, 409
    except NotPermitted as error:
        raise PermissionDenied(str(error)) from error


def follow_up_form(request, form_class, record, *, done_url: str):
    """The follow-up form of a page that records one (a survey comment here, a flag in
    insight.flags): (form, redirect or None, rule, status). `record(form)` calls the service."""
    form = form_class(
        request.POST if request.method == "POST" else None,
        initial={"offered_on": dates.today()},
    )
    if request.method != "POST":
        return form, None, None, 200
    follow_up, rule, status = _submit(request, form, record)
    if follow_up is None:
        return form, None, rule, status
    done = "The follow-up is recorded."
    if follow_up.complaint:
        done += f" Complaint {follow_up.complaint.reference} is logged."
    messages.success(request, done)
    return form, redirect(done_url), None, 302


@require_GET
@login_required
def survey_list(request):
    page = Paginator(selectors.survey_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "surveys/list.html",
        {
            "page": page,
            "waiting": selectors.follow_up_count(),
            "can_record": permissions.can_record_surveys(request.user),
            "can_import": permissions.can_import_surveys(request.user),
        },
    )


@login_required
def survey_add(request):
    if not permissions.can_record_surveys(request.user):
        raise PermissionDenied("Governance users read surveys but do not record them.")
    form = forms.SurveyForm(request.POST if request.method == "POST" else None)
    rule, status = None, 200
    if request.method == "POST":
        survey, rule, status = _submit(
            request,
            form,
            lambda f: services.survey_record(user=request.user, **f.service_data()),
        )
        if survey is not None:
            messages.success(request, f"{survey.label} is recorded.")
            return redirect("surveys:detail", pk=survey.pk)
    return render(
        request,
        "surveys/form.html",
        {
            "form": form,
            "rule": rule,
            "title": "Record a survey response",
            "back": reverse("surveys:list"),
        },
        status=status,
    )


@login_required
def survey_import(request):
    """The provider's file, uploaded: all or nothing, each problem named by row and column."""
    if not permissions.can_import_surveys(request.user):
        raise PermissionDenied(
            "Only the complaints officer, managers and administrators import survey responses."
        )
    posted = request.method == "POST"
    form = forms.ImportForm(request.POST if posted else None, request.FILES if posted else None)
    problems, status = [], 200
    if posted:
        status = 400
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                rows = importing.read(upload.name, upload.read())
                result = services.survey_import(user=request.user, rows=rows, source=upload.name)
            except importing.FileUnreadable as error:
                form.add_error("file", str(error))
            except services.ImportRefused as error:
                problems = error.problems
                form.add_error(
                    "file", f"Nothing was imported: {len(problems)} problem(s), listed below."
                )
            except NotPermitted as error:
                raise PermissionDenied(str(error)) from error
            else:
                messages.success(
                    request,
                    f"Imported {len(result.created)} survey response(s) from {upload.name}; "
                    f"{result.already_imported} already imported; {result.follow_ups} "
                    "dissatisfied comment(s) to follow up.",
                )
                return redirect("surveys:list")
    return render(
        request,
        "surveys/import.html",
        {"form": form, "problems": problems, "back": reverse("surveys:list")},
        status=status,
    )


@require_GET
@login_required
def follow_ups(request):
    page = Paginator(selectors.follow_up_queue(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "surveys/follow_ups.html", {"page": page})


@login_required
def survey_detail(request, pk: int):
    try:
        survey = selectors.survey_get(pk)
    except SurveyResponse.DoesNotExist:
        raise Http404("No survey response has that number.") from None
    dissatisfied = selectors.is_dissatisfied_comment(survey)
    can_record = dissatisfied and permissions.can_record_surveys(request.user)
    if request.method == "POST" and not can_record:
        raise PermissionDenied("This survey response cannot be followed up by you.")
    form, rule, status = None, None, 200
    if can_record:
        form, done, rule, status = follow_up_form(
            request,
            forms.FollowUpForm,
            lambda f: services.follow_up_record(
                user=request.user, survey=survey, **f.service_data()
            ),
            done_url=reverse("surveys:detail", args=[survey.pk]),
        )
        if done is not None:
            return done
    return render(
        request,
        "surveys/detail.html",
        {
            "survey": survey,
            "dissatisfied": dissatisfied,
            "form": form,
            "rule": rule,
            "back": reverse("surveys:follow_ups") if dissatisfied else reverse("surveys:list"),
        },
        status=status,
    )
