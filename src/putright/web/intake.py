"""Logging a complaint made by phone, letter, e-mail or in person (3.1, 3.2).

The page starts with the caller: a look-up of existing residents by name, postcode or tenancy
reference (people.selectors.residents_lookup). Choosing one fills the form in from their record
and logs the complaint against that record (by id, as the API does), so that the resident's
complaints, adjustments and safeguards stay on one record instead of a new duplicate.
"""

from __future__ import annotations

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render

from putright import dates
from putright.complaints import services
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.insight.related import suggest_for
from putright.people.models import Resident
from putright.people.selectors import residents_lookup
from putright.people.services import adjustment_ask_for
from putright.web.forms import GovForm, LogComplaintForm
from putright.web.views import forbidden
from putright.web.workspace import apply_errors

RESIDENT_FIELDS = ("name", "email", "phone", "address", "tenancy_reference")


class ResidentLookupForm(GovForm):
    show_optional = False
    find = django_forms.CharField(
        label="Find the resident",
        max_length=200,
        help_text="Name, postcode or tenancy reference",
    )


class PhoneIntakeForm(LogComplaintForm):
    # The existing resident chosen in the look-up, if any.
    resident_id = django_forms.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1, widget=django_forms.HiddenInput
    )


def _lookup(form: ResidentLookupForm) -> list | None:
    if not form.is_bound or not form.is_valid():
        return None
    return residents_lookup(term=form.cleaned_data["find"])


def _chosen_resident(request) -> Resident | None:
    raw = request.GET.get("resident", "")
    if not raw.isdigit() or len(raw) > 10:
        return None
    return (
        Resident.objects.filter(pk=int(raw), anonymised_at__isnull=True, merged_into__isnull=True)
        .only(*RESIDENT_FIELDS, "preferred_contact_method")
        .first()
    )


def _prefill(resident: Resident | None) -> dict:
    if resident is None:
        return {}
    initial = {name: getattr(resident, name) for name in RESIDENT_FIELDS}
    initial["preferred_contact_method"] = resident.preferred_contact_method
    initial["resident_id"] = resident.pk
    return initial


def _resident_data(data: dict) -> dict:
    details = {key: data[key] for key in (*RESIDENT_FIELDS, "preferred_contact_method")}
    if data.get("resident_id"):
        # The existing record, named by id: its details are changed on the resident's page.
        return {"id": data["resident_id"], **details}
    return details


@login_required
def complaint_log(request):
    if not request.user.can_change_cases:
        return forbidden(request, "Governance users can read complaints but not log them.")
    status, rule = 200, None
    lookup = ResidentLookupForm(request.GET or None)
    found = _lookup(lookup)
    chosen = _chosen_resident(request)
    if request.method == "POST":
        form = PhoneIntakeForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if request.POST.get("add_to"):  # the handler chose a suggested open complaint (6.8)
                data["related_to"] = request.POST["add_to"]
            elif not data["related_to"] and not request.POST.get("log_as_new"):
                suggestions = suggest_for(
                    _resident_data(data), category=data["category"], description=data["description"]
                )
                if suggestions:
                    return render(
                        request,
                        "web/log_complaint.html",
                        {
                            "form": form,
                            "lookup": lookup,
                            "found": found,
                            "chosen": chosen,
                            "suggestions": suggestions,
                        },
                    )
            representative = None
            if data["representative_name"]:
                representative = {
                    "name": data["representative_name"],
                    "relationship": data["representative_relationship"],
                    "email": data["representative_email"],
                    "address": data["representative_address"],
                }
            try:
                # The complaint and the adjustments asked for are recorded together, or neither.
                with transaction.atomic():
                    complaint, created = services.complaint_log(
                        user=request.user,
                        resident=_resident_data(data),
                        received_on=data["received_on"],
                        channel=data["channel"],
                        # The adjustments are recorded on the resident below, not added to the
                        # words of the complaint (review finding R8).
                        description=data["description"].strip(),
                        outcome_wanted=data["outcome_wanted"],
                        category=data["category"],
                        issue_date=data["issue_date"],
                        discretion_applied=data["discretion_applied"],
                        representative=representative,
                        related_to=data["related_to"] or None,
                    )
                    adjustment_ask_for(
                        user=request.user,
                        resident=complaint.resident,
                        description=data["adjustments"],
                    )
            except NotPermitted as error:
                return forbidden(request, str(error))
            except InvalidInput as error:
                apply_errors(form, error)
                status = 400
            except RuleBroken as error:
                rule, status = error, 409
            else:
                if created:
                    messages.success(request, f"Complaint {complaint.reference} logged.")
                else:
                    messages.success(
                        request,
                        f"Added to {complaint.reference}: a related complaint made before the "
                        "stage 1 response joins the open complaint (6.8).",
                    )
                return redirect("web:complaint", reference=complaint.reference)
        else:
            status = 400
    else:
        form = PhoneIntakeForm(initial={"received_on": dates.today(), **_prefill(chosen)})
    return render(
        request,
        "web/log_complaint.html",
        {"form": form, "rule": rule, "lookup": lookup, "found": found, "chosen": chosen},
        status=status,
    )
