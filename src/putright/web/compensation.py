"""The landlord's compensation guide (7.4): every member of staff reads it (the respond form
shows it beside the remedies); the complaints officer, managers and administrators keep it."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from putright.complaints.models import CompensationBand, Impact
from putright.complaints.services import compensation as services
from putright.contractors.pages import form_page
from putright.oversight import permissions
from putright.web.forms import GovForm, text_area


class BandForm(GovForm):
    required_messages = {
        "failure": "Name the kind of failure.",
        "impact": "Choose the impact on the resident.",
        "minimum": "Enter the band's lowest amount.",
    }
    failure = forms.CharField(label="Kind of failure", max_length=120)
    impact = forms.ChoiceField(label="Impact on the resident", choices=Impact.choices)
    minimum = forms.DecimalField(label="Lowest amount in pounds", min_value=0, decimal_places=2)
    maximum = forms.DecimalField(
        label="Highest amount in pounds",
        required=False,
        min_value=0,
        decimal_places=2,
        help_text="Leave blank for “and above”.",
    )
    per = forms.CharField(
        label="Set rate per",
        required=False,
        max_length=30,
        help_text="For a set rate, the unit: day, week or appointment. Blank for a lump sum.",
    )
    description = text_area("When it applies", required=False, rows=3)
    active = forms.BooleanField(label="In use", required=False, initial=True)


@login_required
def guide(request):
    return render(
        request,
        "web/compensation_guide.html",
        {
            "bands": CompensationBand.objects.all(),
            "can_edit": permissions.can_edit_oversight(request.user),
        },
    )


@login_required
def band_edit(request, pk=None):
    if not permissions.can_edit_oversight(request.user):
        raise PermissionDenied(services.EDITORS_ONLY)
    band = get_object_or_404(CompensationBand, pk=pk) if pk else None
    initial = (
        {field: getattr(band, field) for field in BandForm.base_fields} if band is not None else {}
    )
    form = BandForm(request.POST if request.method == "POST" else None, initial=initial)
    return form_page(
        request,
        form,
        lambda data: services.band_save(user=request.user, band=band, **data),
        title="Change a band" if band else "Add a band",
        caption="Compensation guide",
        back=reverse("web:compensation-guide"),
        success="The compensation guide is saved.",
    )
