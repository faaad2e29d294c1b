"""The resident's way in: the complaint form (no account), and the private tracking page reached
through a signed link (no password). Every change goes through the complaint services."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from putright import dates
from putright.complaints import selectors, services
from putright.complaints.models import Complaint
from putright.complaints.workflow import Action, Status, allowed_actions
from putright.errors import InvalidInput, RuleBroken
from putright.people.models import ContactMethod
from putright.people.services import adjustment_ask_for
from putright.web import forms
from putright.web.throttle import PUBLIC_COMPLAINTS, PUBLIC_DRAFTS, TRACKING_ADDITIONS, client_ip
from putright.web.timeline import describe_events
from putright.web.tracking import token_view, tracking_path, tracking_url
from putright.web.workspace import apply_errors

DRAFT = "putright_complaint_draft"
DONE = "putright_complaint_done"


def start(request):
    return render(request, "web/public/start.html")


def _draft_to_session(data: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in data.items()}


def _draft_from_session(request) -> dict | None:
    draft = request.session.get(DRAFT)
    if not draft:
        return None
    data = dict(draft)
    if data.get("issue_date"):
        data["issue_date"] = dt.date.fromisoformat(data["issue_date"])
    return data


def _save_draft(request, data: dict) -> None:
    request.session[DRAFT] = _draft_to_session(data)
    if not request.user.is_authenticated:
        # A resident's draft (and its session row) lasts hours, not the session's lifetime.
        request.session.set_expiry(settings.PUTRIGHT_PUBLIC_DRAFT_SECONDS)


def complaint_form(request):
    status = 200
    if request.method == "POST":
        form = forms.PublicComplaintForm(request.POST)
        if request.POST.get("website"):
            # Only a bot fills in the hidden field. Say nothing useful to it.
            return render(request, "web/public/rejected.html", status=400)
        ip = client_ip(request)
        # Nothing is stored for an address over its limits: a draft is a row in the database.
        if PUBLIC_COMPLAINTS.exceeded(ip) or PUBLIC_DRAFTS.hit(ip) > PUBLIC_DRAFTS.limit:
            return render(request, "web/public/rate_limited.html", status=429)
        if form.is_valid():
            data = dict(form.cleaned_data)
            data.pop("website", None)
            if data.get("issue_date") and data["issue_date"] > dates.today():
                form.add_error("issue_date", "The date must be today or in the past.")
            else:
                _save_draft(request, data)
                return redirect("web:complain-check")
        status = 400
    else:
        form = forms.PublicComplaintForm(initial=request.session.get(DRAFT))
    return render(request, "web/public/form.html", {"form": form}, status=status)


def _answers(data: dict) -> list[tuple[str, str, str]]:
    """(question, answer, field to change) for the check-answers page."""
    form = forms.PublicComplaintForm()
    who = dict(forms.PublicComplaintForm.WHO)[data["who"]]
    rows = [("Who is complaining", who, "who")]
    if data["who"] == "representative":
        rows.append(("Your name", data["representative_name"], "representative_name"))
        rows.append(
            (
                "Your relationship",
                data["representative_relationship"],
                "representative_relationship",
            )
        )
    method = dict(ContactMethod.choices).get(data["preferred_contact_method"], "")
    issue = data.get("issue_date")
    for label, value, name in [
        ("Resident's name", data["name"], "name"),
        ("Address", data["address"], "address"),
        ("Tenancy reference", data["tenancy_reference"] or "Not given", "tenancy_reference"),
        ("Email", data["email"] or "Not given", "email"),
        ("Phone", data["phone"] or "Not given", "phone"),
        ("How to contact you", method, "preferred_contact_method"),
        ("What happened", data["description"], "description"),
        ("When it happened", issue.strftime("%-d %B %Y") if issue else "Not given", "issue_date"),
        ("What you would like us to do", data["outcome_wanted"], "outcome_wanted"),
        ("Anything we should do differently", data["adjustments"] or "No", "adjustments"),
    ]:
        rows.append((label, value, name))
    del form
    return rows


def complaint_check(request):
    data = _draft_from_session(request)
    if data is None:
        # A second press of "Send" after the first went through: show what the first made.
        done = _already_sent(request)
        if done is not None:
            request.session[DONE] = done
            return redirect("web:complain-done")
        return redirect("web:complain-form")
    if request.method == "POST":
        ip = client_ip(request)
        if PUBLIC_COMPLAINTS.exceeded(ip):
            return render(request, "web/public/rate_limited.html", status=429)
        representative = None
        if data["who"] == "representative":
            representative = {
                "name": data["representative_name"],
                "relationship": data["representative_relationship"],
            }
        description = data["description"].strip()
        if data.get("adjustments", "").strip():
            # Kept in the resident's own words with the complaint, and recorded as an
            # adjustment on the resident below.
            description += f"\n\nReasonable adjustments asked for: {data['adjustments'].strip()}"
        try:
            # The complaint and the adjustments asked for are recorded together, or neither.
            with transaction.atomic():
                complaint, _ = services.complaint_log(
                    user=None,
                    # The page carries a key: a retried or doubled submission is one complaint.
                    idempotency_key=request.POST.get("idempotency_key") or None,
                    actor_label="resident",
                    resident={
                        "name": data["name"],
                        "email": data["email"],
                        "phone": data["phone"],
                        "address": data["address"],
                        "tenancy_reference": data["tenancy_reference"],
                        "preferred_contact_method": data["preferred_contact_method"],
                    },
                    representative=representative,
                    received_on=dates.today(),
                    channel="web",
                    description=description,
                    outcome_wanted=data["outcome_wanted"],
                    issue_date=data.get("issue_date"),
                )
                adjustment_ask_for(
                    user=None, resident=complaint.resident, description=data.get("adjustments")
                )
        except InvalidInput as error:
            form = forms.PublicComplaintForm(request.session[DRAFT])
            form.is_valid()
            apply_errors(form, error)
            return render(request, "web/public/form.html", {"form": form}, status=400)
        PUBLIC_COMPLAINTS.hit(ip)
        del request.session[DRAFT]
        request.session[DONE] = complaint.reference
        return redirect("web:complain-done")
    return render(
        request,
        "web/public/check.html",
        {"answers": _answers(data), "idempotency_key": secrets.token_urlsafe(24)},
    )


def _already_sent(request) -> str | None:
    from putright.complaints import idempotency

    key = request.POST.get("idempotency_key") if request.method == "POST" else None
    try:
        # Scoped as complaint_log scopes a resident's submission.
        complaint = idempotency.complaint_for(idempotency.scoped("public", key))
    except InvalidInput:
        return None
    return complaint.reference if complaint else None


def complaint_done(request):
    reference = request.session.get(DONE)
    if not reference:
        return redirect("web:complain")
    complaint = selectors.complaint_get(reference=reference)
    return render(
        request,
        "web/public/done.html",
        {"reference": reference, "tracking_url": tracking_url(request, complaint)},
    )


# --- tracking ------------------------------------------------------------------------------


def _track_context(token: str, complaint: Complaint, **extra) -> dict:
    stages = list(complaint.stages.all())
    return {
        "token": token,
        "complaint": complaint,
        "stages": stages,
        "current": complaint.current_stage,
        "can_escalate": Action.ESCALATE in allowed_actions(complaint.status, complaint.stage),
        "is_open": complaint.status not in (Status.CLOSED, Status.REFUSED, Status.WITHDRAWN),
        "history": describe_events(complaint.events.all(), public=True),
        "resident_notes": [n for n in complaint.notes.all() if n.author_id is None],
        "documents": [a for a in complaint.attachments.all() if a.source == "resident"],
        "note_form": extra.pop("note_form", None) or forms.TrackingNoteForm(),
        "upload_form": extra.pop("upload_form", None) or forms.TrackingAttachmentForm(),
        "refusals": list(complaint.refusals.all()),
        "letters": _letters_issued(complaint),
        **extra,
    }


def _letters_issued(complaint: Complaint) -> list:
    """The letters we have issued on this complaint (the letters app keeps them)."""
    letters = getattr(complaint, "letters", None)
    if letters is None:
        return []
    return list(letters.filter(status="issued").order_by("issued_at", "pk"))


@token_view
def track(request, token, complaint):
    response = render(request, "web/public/track.html", _track_context(token, complaint))
    # The link is the key: keep it out of caches. (Referrers stay same-origin, the site's policy:
    # "no-referrer" would make the browser send "Origin: null" and fail the CSRF check.)
    response.headers["Cache-Control"] = "no-store"
    return response


@require_POST
@token_view
def track_escalate(request, token, complaint):
    """Stage 2 on request, without reasons (6.12)."""
    try:
        services.complaint_escalate(
            user=None, complaint=complaint, requested_on=dates.today(), actor_label="resident"
        )
    except (RuleBroken, InvalidInput) as error:
        rule = error if isinstance(error, RuleBroken) else None
        context = _track_context(token, complaint, rule=rule, message=str(error))
        return render(request, "web/public/track.html", context, status=409)
    messages.success(
        request,
        "You have asked for stage 2. We will acknowledge your request within 5 working days.",
    )
    return redirect(tracking_path(complaint))


def _limited(request, token) -> bool:
    if TRACKING_ADDITIONS.exceeded(token[-20:], client_ip(request)):
        return True
    TRACKING_ADDITIONS.hit(token[-20:], client_ip(request))
    return False


@require_POST
@token_view
def track_note(request, token, complaint):
    if _limited(request, token):
        return render(request, "web/public/rate_limited.html", status=429)
    form = forms.TrackingNoteForm(request.POST)
    if form.is_valid():
        try:
            services.note_add(
                user=None,
                complaint=complaint,
                text=form.cleaned_data["text"],
                actor_label="resident",
            )
        except InvalidInput as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Thank you. We have added this to your complaint.")
            return redirect(tracking_path(complaint))
    context = _track_context(token, complaint, note_form=form)
    return render(request, "web/public/track.html", context, status=400)


@require_POST
@token_view
def track_upload(request, token, complaint):
    if _limited(request, token):
        return render(request, "web/public/rate_limited.html", status=429)
    form = forms.TrackingAttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(
                user=None,
                complaint=complaint,
                uploaded_file=form.cleaned_data["file"],
                description=form.cleaned_data["description"],
                source="resident",
                actor_label="resident",
            )
        except InvalidInput as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Thank you. We have added your document to your complaint.")
            return redirect(tracking_path(complaint))
    context = _track_context(token, complaint, upload_form=form)
    return render(request, "web/public/track.html", context, status=400)
