"""Staff pages that record lessons and Ombudsman cases. Thin: every write goes through
oversight.services, whose InvalidInput (400) and RuleBroken (409) are shown on the same form."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from putright.complaints.models import Complaint
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.oversight import forms, permissions, services
from putright.oversight.models import Lesson, OmbudsmanCase, Order


def oversight_editor(view):
    """Governance users read the registers but do not change them; handlers see neither."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not permissions.can_edit_oversight(user):
            raise PermissionDenied(permissions.EDITORS_ONLY)
        return view(request, *args, **kwargs)

    return wrapped


LINE = 200  # what a prefilled field takes from the query


def _data(request):
    return request.POST if request.method == "POST" else None


def _form_page(request, form, record, *, context: dict, back: str, success: str):
    """Validate the form, call `record(form)` (a service call), and redirect to `back`; or
    re-render with the errors: 400 for bad input, 409 for a broken rule."""
    rule = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                record(form)
            except InvalidInput as error:
                forms.apply_errors(form, error)
            except RuleBroken as error:
                rule = error
            except NotPermitted as error:
                raise PermissionDenied(str(error)) from error
            else:
                messages.success(request, success)
                return redirect(back)
        status = 409 if rule else 400
    return render(
        request,
        "oversight/form.html",
        {**context, "form": form, "rule": rule, "back": back},
        status=status,
    )


@oversight_editor
def lesson_add(request):
    # A theme (insight.themes) offers itself as a lesson: its name and cases come in the query.
    initial = {key: request.GET.get(key, "")[:LINE] for key in ("title", "complaints")}
    form = forms.LessonForm(_data(request), initial=initial)

    def record(form):
        data = form.cleaned_data
        services.lesson_record(
            user=request.user,
            title=data["title"],
            description=data["description"],
            complaints=form.complaint_references(),
            owner=forms.owner_from(data["owner"]),
            service_area=data["service_area"],
            target_on=data["target_on"],
        )

    return _form_page(
        request,
        form,
        record,
        context={"title": "Record a lesson or service improvement"},
        back=reverse("oversight:lessons"),
        success="The lesson is recorded.",
    )


@oversight_editor
def lesson_status(request, pk: int):
    lesson = get_object_or_404(Lesson.objects.select_related("owner"), pk=pk)
    initial = {
        "owner": lesson.owner.username if lesson.owner else "",
        "status": lesson.status,
        "implemented_on": lesson.implemented_on,
    }
    form = forms.LessonStatusForm(_data(request), initial=initial, owner=lesson.owner)

    def record(form):
        data = form.cleaned_data
        services.lesson_update_status(
            user=request.user,
            lesson=lesson,
            status=data["status"],
            implemented_on=data["implemented_on"],
            owner=forms.owner_from(data["owner"]),
        )

    return _form_page(
        request,
        form,
        record,
        context={"title": "Update the lesson", "caption": lesson.title},
        back=reverse("oversight:lessons"),
        success="The lesson is updated.",
    )


@oversight_editor
def ombudsman_case_add(request):
    form = forms.OmbudsmanCaseForm(
        _data(request), initial={"complaint": request.GET.get("complaint", "")}
    )

    def record(form):
        data = form.cleaned_data
        complaint = Complaint.objects.filter(reference=data["complaint"].strip()).first()
        if complaint is None:
            raise InvalidInput({"complaint": f"No complaint has reference {data['complaint']}."})
        services.ombudsman_case_open(
            user=request.user,
            complaint=complaint,
            referred_on=data["referred_on"],
            ombudsman_reference=data["ombudsman_reference"],
        )

    return _form_page(
        request,
        form,
        record,
        context={"title": "Record an Ombudsman case"},
        back=reverse("oversight:ombudsman"),
        success="The Ombudsman case is recorded.",
    )


def _case(pk: int) -> OmbudsmanCase:
    return get_object_or_404(OmbudsmanCase.objects.select_related("complaint"), pk=pk)


def _caption(case: OmbudsmanCase) -> str:
    return f"{case} on complaint {case.complaint.reference}"


@oversight_editor
def evidence_request_add(request, pk: int):
    case = _case(pk)
    form = forms.EvidenceRequestForm(_data(request))

    def record(form):
        services.evidence_request_record(user=request.user, case=case, **form.cleaned_data)

    return _form_page(
        request,
        form,
        record,
        context={"title": "Record an evidence request", "caption": _caption(case)},
        back=reverse("oversight:ombudsman"),
        success="The evidence request is recorded.",
    )


@oversight_editor
def determination_add(request, pk: int):
    case = _case(pk)
    form = forms.DeterminationForm(_data(request))

    def record(form):
        data = form.cleaned_data
        services.ombudsman_determination_record(
            user=request.user,
            case=case,
            determined_on=data["determined_on"],
            findings=form.findings(),
            orders=form.orders(),
            code_non_compliance=data["code_non_compliance"],
            self_assessment_review=data["self_assessment_review"],
            summary=data["summary"],
        )

    return _form_page(
        request,
        form,
        record,
        context={
            "title": "Record the Ombudsman's determination",
            "caption": _caption(case),
            "determination": True,
        },
        back=reverse("oversight:ombudsman"),
        success="The determination is recorded.",
    )


@oversight_editor
def order_compliance(request, pk: int):
    order = get_object_or_404(Order.objects.select_related("case__complaint"), pk=pk)
    form = forms.OrderComplianceForm(_data(request))

    def record(form):
        data = form.cleaned_data
        services.order_comply(
            user=request.user,
            order=order,
            complied_on=data["complied_on"],
            evidence=data["evidence"],
        )

    return _form_page(
        request,
        form,
        record,
        context={
            "title": f"Record compliance with the {order.get_kind_display().lower()}",
            "caption": f"{_caption(order.case)}: {order.description}",
        },
        back=reverse("oversight:ombudsman"),
        success="The evidence of compliance is recorded.",
    )


@oversight_editor
def ombudsman_report_add(request):
    form = forms.OmbudsmanReportForm(_data(request))

    def record(form):
        services.ombudsman_report_record(user=request.user, **form.cleaned_data)

    return _form_page(
        request,
        form,
        record,
        context={"title": "Record an Ombudsman report or annual letter"},
        back=reverse("oversight:ombudsman"),
        success="The report is recorded.",
    )
