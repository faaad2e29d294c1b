"""Staff pages for the flags the detector raised (issue 15; 1.3, 1.5): the queue of flags
waiting for a follow-up, and a flag's page, where the follow-up is recorded. Thin: the write is
insight.services; a refusal is shown on the same form (400 or 409)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from putright.insight import services
from putright.insight.models import Flag, FlagChoice
from putright.rules.dissatisfaction import REFS, flags_waiting
from putright.surveys import permissions
from putright.surveys.forms import FollowUpForm as SurveyFollowUpForm
from putright.surveys.models import OfferMethod
from putright.surveys.views import follow_up_form
from putright.web.forms import date_field

PAGE_SIZE = 50


class FollowUpForm(SurveyFollowUpForm):
    """The survey follow-up's form (the same offer, method and complaint fields) with what can
    happen to a flag; the offer is optional, for "not dissatisfaction"."""

    field_order = ["choice", "offered_on", "method", "notes", "channel", "category"]
    required_messages = {"choice": "Select what happened."}

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
    description = None
    name = None

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
        form, done, rule, status = follow_up_form(
            request,
            FollowUpForm,
            lambda f: services.flag_follow_up_record(
                user=request.user, flag=flag, **f.service_data()
            ),
            done_url=reverse("insight:flag", args=[flag.pk]),
        )
        if done is not None:
            return done
    return render(
        request,
        "insight/flag.html",
        {"flag": flag, "ref": REFS[flag.source], "form": form, "rule": rule},
        status=status,
    )
