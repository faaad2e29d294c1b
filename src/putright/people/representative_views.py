"""The staff page for a complaint's representative: the resident's consent (with its evidence)
and whether copies of letters go to the representative (1.3, 3.6). The services decide."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from putright.complaints import uploads
from putright.complaints.models import Complaint
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.inputs import BoundedForm
from putright.people import representatives
from putright.people.models import ConsentMethod
from putright.people.representative_api import evidence_response

DATE = forms.DateInput(attrs={"type": "date"})


class ConsentForm(BoundedForm):
    method = forms.ChoiceField(
        required=False,
        label="How did the resident consent?",
        choices=ConsentMethod.choices,
        widget=forms.RadioSelect,
    )
    given_on = forms.DateField(required=False, label="When did they consent?", widget=DATE)
    notes = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For verbal consent, who the resident told and what they agreed to.",
    )
    evidence = forms.FileField(
        required=False,
        label="Evidence (optional)",
        help_text="The signed form, letter, e-mail or power of attorney: PDF, image or document.",
    )


def _complaint(reference: str) -> Complaint:
    complaint = get_object_or_404(
        Complaint.objects.select_related("resident", "representative__consent_recorded_by"),
        reference=reference,
    )
    if complaint.representative_id is None:
        raise Http404("This complaint has no representative.")
    return complaint


def _apply(form, error: InvalidInput) -> None:
    for field, found in error.errors.items():
        for message in found:
            form.add_error(field if field in form.fields else None, message)


def _page(request, complaint, form=None, rule=None, status=200):
    context = {
        "complaint": complaint,
        "representative": complaint.representative,
        "form": form or ConsentForm(),
        "rule": rule,
        "status": status,
    }
    return render(request, "people/representative.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def representative_detail(request, reference):
    complaint = _complaint(reference)
    if request.method == "GET":
        return _page(request, complaint)
    form, rule = ConsentForm(request.POST, request.FILES), None
    try:
        uploads.refuse_if_too_large(request)
        if request.POST.get("action") == "copies":
            representatives.representative_copies_set(
                user=request.user,
                complaint=complaint,
                wants_copies=request.POST.get("wants_copies") == "yes",
            )
            messages.success(request, "Copies of letters updated.")
            return redirect("people:representative", reference=reference)
        if form.is_valid():
            representatives.representative_consent_record(
                user=request.user, complaint=complaint, **form.cleaned_data
            )
            messages.success(request, "Consent recorded.")
            return redirect("people:representative", reference=reference)
    except InvalidInput as error:
        _apply(form, error)
    except RuleBroken as error:
        rule = error
    except NotPermitted as error:
        return render(request, "403.html", {"message": str(error)}, status=403)
    return _page(request, _complaint(reference), form, rule, status=409 if rule else 400)


@login_required
def consent_evidence(request, reference):
    return evidence_response(_complaint(reference).representative)
