"""Staff pages of the contractors app, mounted at /contractors/. Thin: reads from
contractors.selectors, writes through contractors.services."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from putright import dates
from putright.complaints.models import Complaint, Remedy
from putright.contractors import forms, selectors, services
from putright.contractors.models import Contractor, InformationRequest, Involvement
from putright.contractors.pages import form_page
from putright.oversight import permissions

READERS_ONLY = "Only the complaints officer, managers, governance and administrators see this."


def _data(request):
    return request.POST if request.method == "POST" else None


def _complaint(reference: str) -> Complaint:
    complaint = Complaint.objects.filter(reference=reference).first()
    if complaint is None:
        raise Http404("No complaint has that reference.")
    return complaint


def _case_url(complaint: Complaint) -> str:
    return reverse("web:complaint", args=[complaint.reference]) + "#contractors"


def _contractor(pk) -> Contractor | None:
    return Contractor.objects.filter(pk=pk).first() if pk else None


@login_required
def register(request):
    """The register with each contractor's figures (officer, managers, governance, admin)."""
    if not permissions.can_read_oversight(request.user):
        raise PermissionDenied(READERS_ONLY)
    today = dates.today()
    return render(
        request,
        "contractors/register.html",
        {
            "rows": selectors.contractor_figures(today=today),
            "can_edit": permissions.can_edit_oversight(request.user),
        },
    )


@login_required
def requests(request):
    if not permissions.can_read_oversight(request.user):
        raise PermissionDenied(READERS_ONLY)
    today = dates.today()
    overdue_only = request.GET.get("show") == "overdue"
    return render(
        request,
        "contractors/requests.html",
        {
            "rows": selectors.request_list(today=today, overdue_only=overdue_only),
            "today": today,
            "overdue_only": overdue_only,
        },
    )


def _require_editor(request) -> None:
    if not permissions.can_edit_oversight(request.user):
        raise PermissionDenied(permissions.EDITORS_ONLY)


@login_required
def contractor_add(request):
    _require_editor(request)
    form = forms.ContractorForm(_data(request))
    return form_page(
        request,
        form,
        lambda data: services.contractor_add(user=request.user, **data),
        title="Add a contractor",
        back=reverse("contractors:register"),
        success="The contractor is added to the register.",
    )


@login_required
def contractor_edit(request, pk: int):
    _require_editor(request)
    contractor = get_object_or_404(Contractor, pk=pk)
    initial = {
        "service": contractor.service,
        "contact": contractor.contact,
        "active": contractor.active,
    }
    form = forms.ContractorEditForm(_data(request), initial=initial)
    return form_page(
        request,
        form,
        lambda data: services.contractor_update(user=request.user, contractor=contractor, **data),
        title="Change the contractor's details",
        caption=contractor.name,
        back=reverse("contractors:register"),
        success="The contractor's details are saved.",
    )


@login_required
def name_on_complaint(request, reference: str):
    complaint = _complaint(reference)
    form = forms.NameContractorForm(_data(request))

    def record(data):
        services.contractor_name(
            user=request.user,
            complaint=complaint,
            contractor=_contractor(data["contractor"]),
            role=data["role"],
        )

    return form_page(
        request,
        form,
        record,
        title="Name a contractor on the complaint",
        caption=complaint.reference,
        back=_case_url(complaint),
        success="The contractor is named on the complaint.",
    )


@login_required
def remove_from_complaint(request, pk: int):
    involvement = get_object_or_404(
        Involvement.objects.select_related("complaint", "contractor"), pk=pk
    )
    form = forms.RemoveContractorForm(_data(request))
    return form_page(
        request,
        form,
        lambda data: services.contractor_unname(
            user=request.user, involvement=involvement, reason=data["reason"]
        ),
        title=f"Take {involvement.contractor} off the complaint",
        caption=involvement.complaint.reference,
        back=_case_url(involvement.complaint),
        success="The contractor is taken off the complaint.",
    )


@login_required
def remedy_contractor(request, pk: int):
    remedy = get_object_or_404(Remedy.objects.select_related("complaint"), pk=pk)
    current = getattr(remedy, "contractor_assignment", None) if remedy.pk else None
    initial = {"contractor": str(current.contractor_id) if current else ""}
    form = forms.RemedyContractorForm(_data(request), initial=initial)
    return form_page(
        request,
        form,
        lambda data: services.remedy_contractor_set(
            user=request.user,
            remedy=remedy,
            contractor=_contractor(data["contractor"]),
            reason=data["reason"],
        ),
        title="Name the contractor who must carry out the remedy",
        caption=f"{remedy.complaint.reference}: {remedy.description[:80]}",
        back=_case_url(remedy.complaint),
        success="The remedy's contractor is recorded.",
    )


@login_required
def request_send(request, reference: str):
    complaint = _complaint(reference)
    form = forms.RequestForm(_data(request))

    def record(data):
        services.information_request_send(
            user=request.user,
            complaint=complaint,
            contractor=_contractor(data["contractor"]),
            description=data["description"],
            sent_on=data["sent_on"],
            due_on=data["due_on"],
        )

    return form_page(
        request,
        form,
        record,
        title="Ask a contractor for information (5.5)",
        caption=complaint.reference,
        back=_case_url(complaint),
        success="The request to the contractor is recorded.",
    )


@login_required
def request_answer(request, pk: int):
    item = get_object_or_404(
        InformationRequest.objects.select_related("complaint", "contractor"), pk=pk
    )
    form = forms.AnswerForm(_data(request))
    return form_page(
        request,
        form,
        lambda data: services.information_request_answer(user=request.user, request=item, **data),
        title=f"Record {item.contractor}'s answer",
        caption=f"{item.complaint.reference}: {item.description[:80]}",
        back=_case_url(item.complaint),
        success="The contractor's answer is recorded.",
    )
