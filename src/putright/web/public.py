"""The resident's way in: the complaint form (no account), and the private tracking page reached
through a signed link (no password). Every change goes through the complaint services."""

from __future__ import annotations

import datetime as dt
import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse

from putright import dates
from putright.complaints import selectors, services
from putright.errors import InvalidInput
from putright.people.models import ContactMethod
from putright.people.services import adjustment_ask_for
from putright.web import forms
from putright.web.throttle import PUBLIC_COMPLAINTS, PUBLIC_DRAFTS, client_ip
from putright.web.tracking import tracking_url
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


def complaint_who(request):
    """The first question page: who is complaining and how we should contact them. Nothing is
    stored: the answers travel to the details page in its address."""
    draft = request.session.get(DRAFT) or {}
    if request.method == "POST":
        form = forms.PublicStartForm(request.POST)
        if form.is_valid():
            query = urlencode(
                {k: form.cleaned_data[k] for k in ("who", "preferred_contact_method")}
            )
            return redirect(f"{reverse('web:complain-form')}?{query}")
        return render(request, "web/public/who.html", {"form": form}, status=400)
    form = forms.PublicStartForm(initial=draft)
    return render(request, "web/public/who.html", {"form": form})


def complaint_form(request):
    """The details page: asks and requires what the first page's answers call for."""
    status = 200
    if request.method == "POST":
        if request.POST.get("website"):
            # Only a bot fills in the hidden field. Say nothing useful to it.
            return render(request, "web/public/rejected.html", status=400)
        ip = client_ip(request)
        # Nothing is stored for an address over its limits: a draft is a row in the database.
        if PUBLIC_COMPLAINTS.exceeded(ip) or PUBLIC_DRAFTS.hit(ip) > PUBLIC_DRAFTS.limit:
            return render(request, "web/public/rate_limited.html", status=429)
        answers = forms.public_answers(request.POST)
        if answers is None:
            return redirect("web:complain-who")
        who, method = answers
        form = forms.PublicComplaintForm(request.POST, who=who, method=method)
        if form.is_valid():
            data = dict(form.cleaned_data)
            data.pop("website", None)
            _save_draft(request, data)
            return redirect("web:complain-check")
        status = 400
    else:
        draft = request.session.get(DRAFT) or {}
        # Answers just given on the first page win over the draft's (a "Change" from check).
        answers = forms.public_answers(request.GET) or forms.public_answers(draft)
        if answers is None:
            return redirect("web:complain-who")
        who, method = answers
        form = forms.PublicComplaintForm(initial=draft, who=who, method=method)
    return render(request, "web/public/form.html", {"form": form}, status=status)


def _answers(data: dict) -> list[tuple[str, str, str]]:
    """(question, answer, field to change) for the check-answers page."""
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
        ("Address", data["address"] or "Not given", "address"),
        ("Tenancy reference", data["tenancy_reference"] or "Not given", "tenancy_reference"),
        ("Email", data["email"] or "Not given", "email"),
        ("Phone", data["phone"] or "Not given", "phone"),
        ("How to contact you", method, "preferred_contact_method"),
        ("What happened", data["description"], "description"),
        (
            "When the problem started",
            issue.strftime("%-d %B %Y") if issue else "Not given",
            "issue_date",
        ),
        ("What you would like us to do", data["outcome_wanted"], "outcome_wanted"),
        ("Anything we should do differently", data["adjustments"] or "No", "adjustments"),
    ]:
        rows.append((label, value, name))
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
        # The complaint is kept in the resident's own words; what they ask us to do differently
        # is recorded on the resident below, not added to those words (review finding R8).
        description = data["description"].strip()
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
            draft = request.session[DRAFT]
            form = forms.PublicComplaintForm(
                draft, who=draft["who"], method=draft["preferred_contact_method"]
            )
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
