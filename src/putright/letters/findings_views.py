"""Staff pages for the record around a response: sharing the findings with the resident before
the final decision and recording what came back (letters.findings decides), and the landlord's
sign-off settings per stage (letters.sign_off decides)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from putright.complaints.models import Complaint
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.inputs import BoundedForm
from putright.letters import findings, sign_off
from putright.people.models import ContactMethod

DATE = forms.DateInput(attrs={"type": "date"})


class ShareForm(BoundedForm):
    summary = forms.CharField(
        required=False,
        label="The findings shared",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the investigation found and the decision proposed.",
    )
    shared_on = forms.DateField(required=False, label="Shared on", widget=DATE)
    method = forms.ChoiceField(
        required=False, label="How", choices=ContactMethod.choices, widget=forms.RadioSelect
    )
    comment_by = forms.DateField(required=False, label="Comments by", widget=DATE)


class OutcomeForm(BoundedForm):
    comment = forms.CharField(
        required=False, label="The resident's comment", widget=forms.Textarea(attrs={"rows": 3})
    )
    received_on = forms.DateField(required=False, label="Received on", widget=DATE)


def _apply(form, error: InvalidInput) -> None:
    for field, found in error.errors.items():
        for message in found:
            form.add_error(field if field in form.fields else None, message)


@login_required
@require_http_methods(["GET", "POST"])
def findings_page(request, reference):
    complaint = get_object_or_404(Complaint.objects.select_related("resident"), reference=reference)
    share_form, outcome_form, rule = ShareForm(), OutcomeForm(), None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "share":
                share_form = ShareForm(request.POST)
                if share_form.is_valid():
                    findings.findings_share(
                        user=request.user, complaint=complaint, **share_form.cleaned_data
                    )
                    messages.success(request, "Findings shared recorded.")
                    return redirect("letters:findings", reference=reference)
            else:
                chosen = request.POST.get("findings") or ""
                shared = get_object_or_404(
                    complaint.findings_shared, pk=int(chosen) if chosen.isdigit() else 0
                )
                outcome_form = OutcomeForm(request.POST)
                if action == "none_came":
                    findings.findings_no_comment(user=request.user, findings=shared)
                    messages.success(request, "Recorded that no comment came.")
                    return redirect("letters:findings", reference=reference)
                if outcome_form.is_valid():
                    findings.findings_comment_record(
                        user=request.user, findings=shared, **outcome_form.cleaned_data
                    )
                    messages.success(request, "Comment recorded.")
                    return redirect("letters:findings", reference=reference)
        except InvalidInput as error:
            _apply(share_form if action == "share" else outcome_form, error)
        except RuleBroken as error:
            rule = error
        except NotPermitted as error:
            return render(request, "403.html", {"message": str(error)}, status=403)
    failed = request.method == "POST"
    status = 409 if rule else (400 if failed else 200)
    return render(
        request,
        "letters/findings.html",
        {
            "complaint": complaint,
            "shared": findings.findings_for(complaint=complaint),
            "share_form": share_form,
            "outcome_form": outcome_form,
            "rule": rule,
            "status": status,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def sign_off_settings(request):
    errors, status = [], 200
    if request.method == "POST":
        try:
            with transaction.atomic():  # both stages or neither
                for stage in sign_off.STAGES:
                    sign_off.sign_off_configure(
                        user=request.user,
                        stage=stage,
                        required=request.POST.get(f"required-{stage}") == "on",
                        roles=request.POST.getlist(f"roles-{stage}"),
                    )
        except NotPermitted as error:
            return render(request, "403.html", {"message": str(error)}, status=403)
        except InvalidInput as error:
            errors = [m for found in error.errors.values() for m in found]
            status = 400
        else:
            messages.success(request, "Sign-off settings saved.")
            return redirect("letters:templates")
    from putright.accounts.models import Role

    roles = [(value, Role(value).label) for value in sign_off.SIGNING_ROLES]
    return render(
        request,
        "letters/sign_off_settings.html",
        {"settings": sign_off.settings_all(), "roles": roles, "errors": errors},
        status=status,
    )
