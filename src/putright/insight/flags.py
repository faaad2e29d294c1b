"""Staff pages for the flags the detector raised (issue 15; 1.3, 1.5): the queue of flags
waiting for a follow-up, and a flag's page, where the follow-up is recorded. Thin: the write is
insight.services; a refusal is shown on the same form (400 or 409)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from putright import dates
from putright.complaints.models import Category, Channel
from putright.insight import services
from putright.insight.models import Flag, FlagChoice
from putright.rules.dissatisfaction import REFS, flags_waiting
from putright.surveys import permissions
from putright.surveys.models import OfferMethod
from putright.surveys.views import _submit
from putright.web.forms import GovForm, date_field, text_area

PAGE_SIZE = 50


class FollowUpForm(GovForm):
    required_messages = {"choice": "Select what the resident chose."}

    choice = forms.ChoiceField(
        label="What happened?", choices=FlagChoice.choices, widget=forms.RadioSelect
    )
    offered_on = date_field(
        "Date the complaints process was offered", not_future=True, required=False
    )
    method = forms.ChoiceField(
        label="How was it offered?",
        choices=OfferMethod.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    notes = text_area("Notes", required=False, help_text="What was said, in a few words.")
    channel = forms.ChoiceField(
        label="Complaint made by",
        choices=[("", "Choose how the complaint was made"), *Channel.choices],
        required=False,
        help_text="Only when the resident wants to make a complaint.",
    )
    category = forms.ChoiceField(
        label="Complaint category",
        choices=[("", "Choose a category"), *Category.choices],
        required=False,
    )

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "choice": data["choice"],
            "offered_on": data.get("offered_on"),
            "method": data.get("method") or "",
            "notes": data.get("notes") or "",
            "complaint": {"channel": data.get("channel"), "category": data.get("category")},
        }


def _flags():
    return Flag.objects.select_related("inbound_message", "service_request__resident")


@require_GET
@login_required
def flag_queue(request):
    waiting = flags_waiting().select_related("inbound_message", "service_request__resident")
    page = Paginator(waiting.order_by("flagged_on", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "insight/flags.html", {"page": page, "refs": REFS})


@login_required
def flag_detail(request, pk: int):
    flag = get_object_or_404(_flags().prefetch_related("follow_ups__recorded_by"), pk=pk)
    can_record = permissions.can_record_surveys(request.user)
    if request.method == "POST" and not can_record:
        raise PermissionDenied("Governance users read the flags but do not record follow-ups.")
    form, rule, status = None, None, 200
    if can_record:
        form = FollowUpForm(
            request.POST if request.method == "POST" else None,
            initial={"offered_on": dates.today()},
        )
        if request.method == "POST":
            follow_up, rule, status = _submit(
                request,
                form,
                lambda f: services.flag_follow_up_record(
                    user=request.user, flag=flag, **f.service_data()
                ),
            )
            if follow_up is not None:
                done = "The follow-up is recorded."
                if follow_up.complaint:
                    done += f" Complaint {follow_up.complaint.reference} is logged."
                messages.success(request, done)
                return redirect("insight:flag", pk=flag.pk)
    return render(
        request,
        "insight/flag.html",
        {"flag": flag, "ref": REFS[flag.source], "form": form, "rule": rule},
        status=status,
    )
