"""The complaint handler's workspace: the list, the case page and a page for every action.

Every change goes through putright.complaints.services. A refused action re-renders the form the
user filled in, with what they typed: 400 for bad input, 409 for a broken Code rule (naming the
provision), 403 when their role does not allow it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from putright import dates
from putright.complaints import selectors, services
from putright.complaints.models import Complaint, ServiceRequest
from putright.complaints.workflow import Action, allowed_actions
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.people.selectors import resident_safeguards
from putright.rules.access import user_acts_on_any_case
from putright.web import forms
from putright.web.deadlines import with_deadlines
from putright.web.timeline import describe_events
from putright.web.tracking import link_ends_on, tracking_path
from putright.web.views import forbidden

PAGE_SIZE = 25


def _complaint_or_404(reference: str) -> Complaint:
    try:
        return selectors.complaint_get(reference=reference)
    except Complaint.DoesNotExist:
        raise Http404("No complaint has that reference.") from None


def apply_errors(form, error: InvalidInput, row_numbers: dict | None = None) -> None:
    """Put the service's field errors on the form's own fields."""
    row_numbers = row_numbers or {}
    for key, messages_ in error.errors.items():
        name = key
        match = re.fullmatch(r"(remedies|outstanding_actions)\[(\d+)\]\.(\w+)", key)
        if match:
            kind = "remedy" if match[1] == "remedies" else "action"
            row = row_numbers.get(kind, {}).get(int(match[2]), int(match[2]) + 1)
            name = f"{kind}_{row}_{match[3]}"
        elif key.startswith(("definition.", "resident.")):
            name = key.split(".", 1)[1]
        elif key.startswith("representative."):
            name = "representative_" + key.split(".", 1)[1]
        field = name if name in form.fields else None
        for message in messages_:
            if field and field in form.errors and message in form.errors[field]:
                continue
            form.add_error(field, message)


# --- the case page -------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionSpec:
    slug: str
    label: str
    form: type
    perform: Callable  # (user, complaint, form) -> str: the success message
    workflow: Action | None = None  # allowed only in these states
    any_case_only: bool = False  # the complaints officer and managers only
    button: str = "Save"
    description: str = ""
    initial: Callable | None = None


def _acknowledge(user, complaint, form):
    data = form.cleaned_data
    services.complaint_acknowledge(
        user=user,
        complaint=complaint,
        acknowledged_on=data["acknowledged_on"],
        handler=data["handler"],
        definition={
            key: data[key]
            for key in (
                "understanding",
                "outcomes_sought",
                "responsible_for",
                "not_responsible_for",
            )
        },
    )
    return f"Stage {complaint.stage} acknowledged and the complaint defined."


def _extend(user, complaint, form):
    data = form.cleaned_data
    services.complaint_extend(user=user, complaint=complaint, **data)
    return "Extension recorded. Tell the resident the new date and the Ombudsman's details."


def _respond(user, complaint, form):
    data = form.cleaned_data
    services.complaint_respond(
        user=user,
        complaint=complaint,
        responded_on=data["responded_on"],
        decision=data["decision"],
        reasons=data["reasons"],
        remedies=form.remedies(),
        outstanding_actions=form.actions(),
    )
    return f"Stage {complaint.stage} response recorded."


def _escalate(user, complaint, form):
    services.complaint_escalate(user=user, complaint=complaint, **form.cleaned_data)
    return "Escalated to stage 2. Assign a handler who did not handle stage 1 (6.13)."


def _refuse(user, complaint, form):
    services.complaint_refuse(user=user, complaint=complaint, **form.cleaned_data)
    return "Refusal recorded. The resident must be told they can go to the Ombudsman (2.4)."


def _withdraw(user, complaint, form):
    services.complaint_withdraw(user=user, complaint=complaint, **form.cleaned_data)
    return "The complaint is withdrawn."


def _close(user, complaint, form):
    services.complaint_close(user=user, complaint=complaint, **form.cleaned_data)
    return "The complaint is closed. Open remedies and actions are still tracked."


def _assign(user, complaint, form):
    services.complaint_assign(user=user, complaint=complaint, handler=form.cleaned_data["handler"])
    return f"Assigned to {form.cleaned_data['handler']}."


def _note(user, complaint, form):
    services.note_add(user=user, complaint=complaint, text=form.cleaned_data["text"])
    return "Note added."


def _attach(user, complaint, form):
    services.attachment_add(
        user=user,
        complaint=complaint,
        uploaded_file=form.cleaned_data["file"],
        description=form.cleaned_data["description"],
    )
    return "Document uploaded."


def _today(*, dates_: list[str]):
    return lambda complaint, user: dict.fromkeys(dates_, dates.today())


def _ack_initial(complaint, user):
    stage = complaint.current_stage
    return {
        "acknowledged_on": dates.today(),
        "handler": stage.handler.username if stage.handler else user.username,
        "outcomes_sought": complaint.outcome_wanted if stage.number == 1 else "",
    }


ACTIONS: dict[str, ActionSpec] = {
    spec.slug: spec
    for spec in [
        ActionSpec(
            "acknowledge",
            "Acknowledge and define",
            forms.AcknowledgeForm,
            _acknowledge,
            Action.ACKNOWLEDGE,
            button="Acknowledge",
            description="Set out your understanding of the complaint, the outcomes the resident "
            "wants and anything we are not responsible for (5.6, 5.7).",
            initial=_ack_initial,
        ),
        ActionSpec(
            "extend",
            "Extend the deadline",
            forms.ExtendForm,
            _extend,
            Action.EXTEND,
            button="Extend",
            description="Tell the resident why, and give them the Ombudsman's details (6.5, 6.16).",
            initial=_today(dates_=["resident_informed_on"]),
        ),
        ActionSpec(
            "respond",
            "Record the response",
            forms.RespondForm,
            _respond,
            Action.RESPOND,
            button="Record response",
            description="The decision, the reasons, and any remedies and outstanding actions.",
            initial=_today(dates_=["responded_on"]),
        ),
        ActionSpec(
            "escalate",
            "Escalate to stage 2",
            forms.EscalateForm,
            _escalate,
            Action.ESCALATE,
            button="Escalate",
            description="The resident asked for stage 2. They never have to say why (6.12).",
            initial=_today(dates_=["requested_on"]),
        ),
        ActionSpec(
            "refuse",
            "Refuse the complaint",
            forms.RefuseForm,
            _refuse,
            Action.REFUSE,
            button="Refuse",
            description="Only on a section 2 ground, explained for this resident.",
            initial=_today(dates_=["decided_on"]),
        ),
        ActionSpec(
            "withdraw",
            "Record a withdrawal",
            forms.WithdrawForm,
            _withdraw,
            Action.WITHDRAW,
            button="Withdraw",
            initial=_today(dates_=["withdrawn_on"]),
        ),
        ActionSpec(
            "close",
            "Close the complaint",
            forms.CloseForm,
            _close,
            Action.CLOSE,
            button="Close",
            initial=_today(dates_=["closed_on"]),
        ),
        ActionSpec(
            "assign",
            "Assign a handler",
            forms.AssignForm,
            _assign,
            any_case_only=True,
            button="Assign",
        ),
        ActionSpec("note", "Add a note", forms.NoteForm, _note, button="Add note"),
        ActionSpec(
            "upload",
            "Upload a document",
            forms.AttachmentForm,
            _attach,
            button="Upload",
        ),
    ]
}


def _permitted(user, complaint, spec: ActionSpec) -> bool:
    # The services' own rule (putright.rules.access), notes and documents included: the page
    # offers exactly what the server will accept.
    if not user.can_change_cases:
        return False
    if spec.any_case_only:
        return user.acts_on_any_case
    return services.user_can_act_on(user, complaint)


def _available(user, complaint, spec: ActionSpec) -> bool:
    if spec.workflow is not None:
        return spec.workflow in allowed_actions(complaint.status, complaint.stage)
    if spec.slug == "assign":
        return complaint.status in ("awaiting_acknowledgement", "investigating")
    return True


def _case_context(request, complaint: Complaint) -> dict:
    today = dates.today()
    [complaint] = with_deadlines([complaint], today=today)
    user = request.user
    actions = [
        spec
        for spec in ACTIONS.values()
        if spec.slug not in ("note", "upload")
        and _available(user, complaint, spec)
        and _permitted(user, complaint, spec)
    ]
    can_change = user.can_change_cases
    can_act = services.user_can_act_on(user, complaint)
    return {
        "complaint": complaint,
        "stages": list(complaint.stages.all()),
        "current": complaint.current_stage,
        "deadline": complaint.deadline,
        "timeline": describe_events(complaint.events.all()),
        "actions": actions,
        "can_change": can_change,
        "can_act": can_act,
        "note_form": forms.NoteForm(),
        "upload_form": forms.AttachmentForm(),
        "done_form": forms.CompletedForm(initial={"completed_on": today}),
        "today": today,
        # Adjustments, contact restrictions and risk flags, shown prominently (5.10, 5.14, 6.1).
        "safeguards": resident_safeguards(complaint.resident, today=today),
        "tracking_path": tracking_path(complaint),
        "tracking_ends_on": link_ends_on(complaint),
        "can_revoke_tracking": user_acts_on_any_case(user),
    }


@login_required
def complaint_detail(request, reference):
    complaint = _complaint_or_404(reference)
    return render(request, "web/complaint_detail.html", _case_context(request, complaint))


@login_required
def complaint_action(request, reference, action):
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404("No such action.")
    complaint = _complaint_or_404(reference)
    if not _permitted(request.user, complaint, spec):
        return forbidden(request, _refusal_message(request.user, spec, complaint))
    rule, status = None, 200
    if request.method == "POST":
        form = spec.form(request.POST, request.FILES)
        if form.is_valid():
            try:
                message = spec.perform(request.user, complaint, form)
            except NotPermitted as error:
                return forbidden(request, str(error))
            except InvalidInput as error:
                apply_errors(form, error, getattr(form, "row_numbers", None))
                status = 400
            except RuleBroken as error:
                rule, status = error, 409
            else:
                messages.success(request, message)
                return redirect("web:complaint", reference=complaint.reference)
        else:
            status = 400
    else:
        initial = spec.initial(complaint, request.user) if spec.initial else {}
        form = spec.form(initial=initial)
        if not _available(request.user, complaint, spec):
            # Say why now rather than after the user fills the form in.
            refusal = _workflow_refusal(complaint, spec)
            rule = refusal
    context = _case_context(request, complaint)
    context.update({"form": form, "spec": spec, "rule": rule})
    return render(request, "web/action.html", context, status=status)


def _workflow_refusal(complaint, spec):
    from putright.complaints.workflow import check

    refusal = check(complaint.status, complaint.stage, spec.workflow) if spec.workflow else None
    return RuleBroken(refusal.error, refusal.detail, refusal.provision) if refusal else None


def _refusal_message(user, spec, complaint) -> str:
    if not user.can_change_cases:
        return "Governance users can read complaints but not change them."
    if spec.any_case_only:
        return "Only the complaints officer or a manager can assign complaints."
    return (
        f"{complaint.reference} is assigned to another handler; only they, the complaints "
        "officer or a manager can act on it."
    )


@login_required
@require_POST
def item_done(request, reference, kind, pk):
    """Record a remedy or an outstanding action as done (5.13, 7.3)."""
    complaint = _complaint_or_404(reference)
    items = complaint.remedies.all() if kind == "remedy" else complaint.actions.all()
    item = next((i for i in items if i.pk == pk), None)
    if item is None:
        raise Http404("Not on this complaint.")
    form = forms.CompletedForm(request.POST)
    rule = None
    if form.is_valid():
        service = services.remedy_complete if kind == "remedy" else services.action_complete
        try:
            service(user=request.user, **{kind: item}, **form.cleaned_data)
        except NotPermitted as error:
            return forbidden(request, str(error))
        except InvalidInput as error:
            apply_errors(form, error)
        except RuleBroken as error:
            rule = error
        else:
            label = "Remedy" if kind == "remedy" else "Action"
            messages.success(request, f"{label} recorded as done.")
            return redirect("web:complaint", reference=complaint.reference)
    context = _case_context(request, complaint)
    context.update({"done_form": form, "rule": rule, "done_item": item.pk})
    return render(request, "web/complaint_detail.html", context, status=409 if rule else 400)


@login_required
def service_request_list(request):
    requests_ = (
        ServiceRequest.objects.select_related("resident")
        .filter(state=ServiceRequest.State.OPEN)
        .order_by("-received_on", "-pk")
    )
    page = Paginator(requests_, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "web/service_requests.html", {"page": page})


@login_required
def service_request_raise(request, pk):
    try:
        service_request = ServiceRequest.objects.select_related("resident").get(pk=pk)
    except ServiceRequest.DoesNotExist:
        raise Http404("No such service request.") from None
    if not request.user.can_change_cases:
        return forbidden(request, "Governance users can read complaints but not raise them.")
    status, rule = 200, None
    if request.method == "POST":
        form = forms.RaiseFromServiceRequestForm(request.POST)
        if form.is_valid():
            try:
                complaint = services.complaint_raise_from_service_request(
                    user=request.user, service_request=service_request, **form.cleaned_data
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
                    request,
                    f"Complaint {complaint.reference} raised. "
                    "The service request stays open (1.5).",
                )
                return redirect("web:complaint", reference=complaint.reference)
        else:
            status = 400
    else:
        form = forms.RaiseFromServiceRequestForm(
            initial={"received_on": dates.today(), "channel": service_request.channel}
        )
    return render(
        request,
        "web/raise_from_service_request.html",
        {"form": form, "rule": rule, "service_request": service_request},
        status=status,
    )


def action_url(reference: str, slug: str) -> str:
    return reverse("web:complaint-action", args=[reference, slug])
