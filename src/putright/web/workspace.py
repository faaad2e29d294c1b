"""The complaint handler's workspace: the list, the case page and a page for every action.

Every change goes through putright.complaints.services. A refused action re-renders the form the
user filled in, with what they typed: 400 for bad input, 409 for a broken Code rule (naming the
provision), 403 when their role does not allow it.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from putright import dates
from putright.complaints import selectors, services
from putright.complaints.models import Complaint, ServiceRequest
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.letters.selectors import letters_due
from putright.people.selectors import resident_safeguards
from putright.rules import service_requests
from putright.rules.access import user_acts_on_any_case
from putright.web import forms
from putright.web.deadlines import with_deadlines
from putright.web.timeline import staff_timeline
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


def putting_right(complaint: Complaint, *, today) -> list[dict]:
    """Remedies then actions, each with what it is, whether it is late and where "done" goes."""
    rows = []
    for remedy in complaint.remedies.all():
        amount = f" £{remedy.amount:,.2f}" if remedy.amount else ""
        what = f"{remedy.get_type_display()}{amount}: {remedy.description}"
        rows.append({"kind": "remedy", "row": remedy, "what": what, "done_url": "web:remedy-done"})
    for action in complaint.actions.all():
        what = f"Action: {action.description}"
        rows.append({"kind": "action", "row": action, "what": what, "done_url": "web:action-done"})
    for item in rows:
        row = item["row"]
        item["late"] = not row.completed_on and row.due_on is not None and row.due_on < today
    return rows


def _case_context(request, complaint: Complaint) -> dict:
    today = dates.today()
    [complaint] = with_deadlines([complaint], today=today)
    user = request.user
    # The actions live in case_actions, whose pages build on this page's context.
    from putright.web.case_actions import offered

    actions = offered(user, complaint)
    can_change = user.can_change_cases
    can_act = services.user_can_act_on(user, complaint)
    return {
        "complaint": complaint,
        "stages": list(complaint.stages.all()),
        "current": complaint.current_stage,
        "deadline": complaint.deadline,
        "timeline": staff_timeline(
            complaint.events.all(),
            order=request.GET.get("order", "newest"),
            show=request.GET.get("show", "all"),
        ),
        "timeline_order": "oldest" if request.GET.get("order") == "oldest" else "newest",
        "timeline_show": request.GET.get("show", "all"),
        "timeline_filters": [
            ("all", "everything"),
            ("notes", "notes and messages"),
            ("letters", "letters"),
        ],
        "putting_right": (items := putting_right(complaint, today=today)),
        "still_to_do": sum(1 for i in items if not i["row"].completed_on),
        "late_to_do": sum(1 for i in items if i["late"]),
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
        # The letters the Code needs for the case so far, and which are still unsent (H4).
        "letters_due": letters_due(complaint=complaint),
    }


@login_required
def complaint_detail(request, reference):
    complaint = _complaint_or_404(reference)
    return render(request, "web/complaint_detail.html", _case_context(request, complaint))


@login_required
def service_request_list(request):
    today = dates.today()
    requests_ = (
        ServiceRequest.objects.select_related("resident")
        .filter(state=ServiceRequest.State.OPEN)
        .annotate(raised=Exists(Complaint.objects.filter(service_request=OuterRef("pk"))))
        .order_by("-received_on", "-pk")
    )
    page = Paginator(requests_, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "cutoff": service_requests.review_cutoff(today),
        "past_review": service_requests.past_review(today).count(),
    }
    return render(request, "web/service_requests.html", context)


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
