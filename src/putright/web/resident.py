"""The resident's tracking page and what they can do from it: read where the complaint stands,
the decision and what we promised (review finding R2), download the letters we issued, ask for
stage 2 after a confirmation page with an optional box (R3, 6.12), add information and
documents. Every route takes the signed token through `token_view`, which also makes a staff
session a read-only preview (G1). The `/track/` page, where a reference and a postcode or
e-mail address open the case (R1), is here too."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from putright import dates
from putright.complaints import selectors, services
from putright.complaints.models import Complaint
from putright.complaints.workflow import Action, Status, allowed_actions
from putright.errors import InvalidInput, RuleBroken
from putright.people.selectors import adjustments_in_force
from putright.web import forms
from putright.web.throttle import TRACKING_ADDITIONS, TRACKING_LOOKUPS, client_ip
from putright.web.timeline import describe_events
from putright.web.tracking import token_view, tracking_path


def _no_store(response):
    # The link is the key: keep it out of caches. (Referrers stay same-origin, the site's policy:
    # "no-referrer" would make the browser send "Origin: null" and fail the CSRF check.)
    response.headers["Cache-Control"] = "no-store"
    return response


def _stages(complaint: Complaint) -> list[dict]:
    """Each stage as the resident reads it: dates, decision and reasons, and what we promised
    at that stage with when it is due and when it was done."""
    remedies, actions = list(complaint.remedies.all()), list(complaint.actions.all())
    return [
        {
            "stage": stage,
            "remedies": [r for r in remedies if r.stage == stage.number],
            "actions": [a for a in actions if a.stage == stage.number],
        }
        for stage in complaint.stages.all()
    ]


def _letters_issued(complaint: Complaint) -> list:
    """The letters we have issued on this complaint (the letters app keeps them)."""
    return list(complaint.letters.filter(status="issued").order_by("issued_at", "pk"))


def _context(request, token: str, complaint: Complaint, **extra) -> dict:
    return {
        "token": token,
        "preview": getattr(request, "tracking_preview", False),
        "complaint": complaint,
        "stages": _stages(complaint),
        "current": complaint.current_stage,
        "can_escalate": Action.ESCALATE in allowed_actions(complaint.status, complaint.stage),
        "is_open": complaint.status not in (Status.CLOSED, Status.REFUSED, Status.WITHDRAWN),
        "history": describe_events(complaint.events.all(), public=True),
        "resident_notes": [n for n in complaint.notes.all() if n.author_id is None],
        "documents": [a for a in complaint.attachments.all() if a.source == "resident"],
        # What the resident asked us to do differently is theirs, kept on their record (5.10),
        # not added to the words of their complaint (R8).
        "adjustments": adjustments_in_force(resident=complaint.resident),
        "note_form": extra.pop("note_form", None) or forms.TrackingNoteForm(),
        "upload_form": extra.pop("upload_form", None) or forms.TrackingAttachmentForm(),
        "refusals": list(complaint.refusals.all()),
        "letters": _letters_issued(complaint),
        **extra,
    }


@token_view
def track(request, token, complaint):
    return _no_store(render(request, "web/public/track.html", _context(request, token, complaint)))


@token_view
def track_letter(request, token, complaint, pk):
    """An issued letter on this complaint, as the PDF we kept when it was issued."""
    from putright.letters.api import pdf_response

    letter = get_object_or_404(complaint.letters, pk=pk, status="issued")
    response = pdf_response(letter)
    response["Content-Disposition"] = response["Content-Disposition"].replace(
        "inline", "attachment"
    )
    return _no_store(response)


@token_view
def track_escalate(request, token, complaint):
    """Stage 2 on request: a page that says what happens and offers, never requires, a box for
    what the resident is still unhappy about (6.12); one press of the button asks."""
    if request.method == "POST":
        form = forms.StageTwoRequestForm(request.POST)
        if form.is_valid():
            try:
                services.complaint_escalate(
                    user=None,
                    complaint=complaint,
                    requested_on=dates.today(),
                    reason=form.cleaned_data["reason"],
                    actor_label="resident",
                )
            except (RuleBroken, InvalidInput) as error:
                rule = error if isinstance(error, RuleBroken) else None
                context = _context(request, token, complaint, rule=rule, message=str(error))
                return _no_store(render(request, "web/public/track.html", context, status=409))
            messages.success(
                request,
                "You have asked for stage 2. We will acknowledge your request within 5 working "
                "days.",
            )
            return redirect(tracking_path(complaint))
        status = 400
    else:
        if Action.ESCALATE not in allowed_actions(complaint.status, complaint.stage):
            return redirect(tracking_path(complaint))
        form, status = forms.StageTwoRequestForm(), 200
    context = {
        "token": token,
        "complaint": complaint,
        "form": form,
        "preview": getattr(request, "tracking_preview", False),
    }
    return _no_store(render(request, "web/public/stage2.html", context, status=status))


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
            from putright.web.workspace import apply_errors

            apply_errors(form, error)
        else:
            messages.success(request, "Thank you. We have added this to your complaint.")
            return redirect(tracking_path(complaint))
    context = _context(request, token, complaint, note_form=form)
    return _no_store(render(request, "web/public/track.html", context, status=400))


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
            from putright.web.workspace import apply_errors

            apply_errors(form, error)
        else:
            messages.success(request, "Thank you. We have added your document to your complaint.")
            return redirect(tracking_path(complaint))
    context = _context(request, token, complaint, upload_form=form)
    return _no_store(render(request, "web/public/track.html", context, status=400))


# --- /track/: the reference and a postcode or e-mail address --------------------------------

NOT_FOUND = (
    "We could not find a complaint with those details. Check the reference and the postcode or "
    "email address, or contact us."
)


def track_find(request):
    """For a reference read from a paper letter or over the phone. The answer is the same
    whether or not the reference exists, and one address may try only a few times an hour."""
    status = 200
    if request.method == "POST":
        ip = client_ip(request)
        if TRACKING_LOOKUPS.hit(ip) > TRACKING_LOOKUPS.limit:
            return render(request, "web/public/rate_limited.html", status=429)
        form = forms.TrackFindForm(request.POST)
        if form.is_valid():
            complaint = selectors.complaint_for_resident(
                reference=form.cleaned_data["reference"], known=form.cleaned_data["known"]
            )
            if complaint is not None:
                return redirect(tracking_path(complaint))
            form.add_error("reference", NOT_FOUND)
        status = 400
    else:
        form = forms.TrackFindForm()
    return _no_store(render(request, "web/public/track_find.html", {"form": form}, status=status))
