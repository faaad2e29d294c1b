"""Correcting a remedy after the response (UX review H9): its description, amount or due date,
with the reason kept on the record (5.12). The rules are the service's (`remedy_amend`: a remedy
already done keeps its due date); this page only asks and shows what it refused."""

from __future__ import annotations

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from putright.complaints import services
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.rules.access import user_can_act_on
from putright.web.case_forms import REASON_HINT
from putright.web.forms import GovForm, date_field, text_area
from putright.web.views import forbidden
from putright.web.workspace import _complaint_or_404, apply_errors


class RemedyCorrectionForm(GovForm):
    required_messages = {
        "description": "Describe the remedy.",
        "reason": "Say why the remedy is being corrected.",
    }
    description = text_area("What we will do", rows=3)
    amount = django_forms.DecimalField(
        label="Amount in pounds (optional)",
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        help_text="Only for a payment. For example, 150.00",
    )
    due_on = date_field("Due by", noun="the date it is due by")
    reason = text_area("Why you are correcting it", rows=2, help_text=REASON_HINT)


def _changes(remedy, data: dict) -> dict:
    """Only what was changed goes to the service, so that a remedy already done can have its
    wording corrected without a refusal for its (unchanged) due date."""
    changes = {}
    if data["description"] != remedy.description:
        changes["description"] = data["description"]
    if data["amount"] != remedy.amount:
        changes["amount"] = data["amount"]
    if data["due_on"] != remedy.due_on:
        changes["due_on"] = data["due_on"]
    return changes


@login_required
def remedy_correct(request, reference, pk):
    complaint = _complaint_or_404(reference)
    remedy = next((r for r in complaint.remedies.all() if r.pk == pk), None)
    if remedy is None:
        raise Http404("Not on this complaint.")
    if not user_can_act_on(request.user, complaint):
        return forbidden(request, "Only the handler, the complaints officer or a manager can.")
    rule, status = None, 200
    if request.method == "POST":
        form = RemedyCorrectionForm(request.POST)
        if form.is_valid():
            changes = _changes(remedy, form.cleaned_data)
            try:
                if not changes:
                    raise InvalidInput({"description": "Change something to correct it."})
                services.remedy_amend(
                    user=request.user,
                    remedy=remedy,
                    reason=form.cleaned_data["reason"],
                    **changes,
                )
            except NotPermitted as error:
                return forbidden(request, str(error))
            except InvalidInput as error:
                apply_errors(form, error)
                status = 400
            except RuleBroken as error:
                rule, status = error, 409
            else:
                messages.success(
                    request, "Remedy corrected. The timeline keeps what it said before."
                )
                return redirect("web:complaint", reference=complaint.reference)
        else:
            status = 400
    else:
        form = RemedyCorrectionForm(
            initial={
                "description": remedy.description,
                "amount": remedy.amount,
                "due_on": remedy.due_on,
            }
        )
    context = {"complaint": complaint, "remedy": remedy, "form": form, "rule": rule}
    return render(request, "web/remedy_correct.html", context, status=status)
