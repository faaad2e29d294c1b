"""Staff pages for a resident: their details and safeguards, recording adjustments and
restrictions, and the subject access export. The services decide; these pages show."""

from __future__ import annotations

import json

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.inputs import BoundedForm
from putright.people import data_protection, selectors, services
from putright.people.models import Resident

DATE = forms.DateInput(attrs={"type": "date"})


class AdjustmentForm(BoundedForm):
    # Optional here so that the service, not the form, says what is missing (one rule, one place).
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    disclosed_disability = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Only what the resident has chosen to tell us (5.10).",
    )
    agreed_on = forms.DateField(required=False, widget=DATE)
    review_on = forms.DateField(required=False, widget=DATE, help_text="Kept under review (5.10).")


class RestrictionForm(BoundedForm):
    behaviour = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    restriction = forms.CharField(
        required=False,
        label="What contact is restricted, and how",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Proportionate, and never stopping the complaint being handled (5.15).",
    )
    equality_considered = forms.BooleanField(
        required=False, label="The Equality Act 2010 has been considered (5.15)"
    )
    equality_notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    decided_on = forms.DateField(required=False, widget=DATE)
    resident_told_on = forms.DateField(required=False, widget=DATE)
    review_on = forms.DateField(required=False, widget=DATE)
    ends_on = forms.DateField(required=False, widget=DATE)


def _apply(form, error: InvalidInput) -> None:
    for field, messages in error.errors.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


def _page(request, resident, **extra):
    resident = selectors.resident_get(pk=resident.pk)
    context = {
        "resident": resident,
        "safeguards": selectors.resident_safeguards(resident),
        "complaints": resident.complaints.order_by("-received_on"),
        "adjustment_form": AdjustmentForm(),
        "restriction_form": RestrictionForm(),
        **extra,
    }
    return render(request, "people/resident_detail.html", context, status=extra.get("status", 200))


@login_required
def resident_detail(request, pk):
    return _page(request, get_object_or_404(Resident, pk=pk))


@login_required
@require_http_methods(["POST"])
def adjustment_add(request, pk):
    resident = get_object_or_404(Resident, pk=pk)
    form = AdjustmentForm(request.POST)
    if form.is_valid():
        try:
            services.adjustment_agree(user=request.user, resident=resident, **form.cleaned_data)
            return redirect("people:resident", pk=pk)
        except InvalidInput as error:
            _apply(form, error)
        except NotPermitted as error:
            return render(request, "403.html", {"message": str(error)}, status=403)
    return _page(request, resident, adjustment_form=form, status=400)


@login_required
@require_http_methods(["POST"])
def restriction_add(request, pk):
    resident = get_object_or_404(Resident, pk=pk)
    form = RestrictionForm(request.POST)
    rule = None
    if form.is_valid():
        try:
            services.restriction_impose(user=request.user, resident=resident, **form.cleaned_data)
            return redirect("people:resident", pk=pk)
        except InvalidInput as error:
            _apply(form, error)
        except RuleBroken as error:
            rule = error
        except NotPermitted as error:
            return render(request, "403.html", {"message": str(error)}, status=403)
    status = 409 if rule else 400
    return _page(request, resident, restriction_form=form, rule=rule, status=status)


@login_required
def resident_export(request, pk):
    resident = get_object_or_404(Resident, pk=pk)
    try:
        data = data_protection.subject_access_export(user=request.user, resident=resident)
    except NotPermitted as error:
        return render(request, "403.html", {"message": str(error)}, status=403)
    response = HttpResponse(json.dumps(data, indent=2), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="resident-{pk}-sar.json"'
    return response
