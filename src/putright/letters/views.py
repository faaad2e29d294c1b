"""Staff pages for letters: a case's letters, a draft to edit and issue, template editing and the
e-mail triage list. Thin: every change goes through letters.services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from putright.complaints.models import Complaint
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.letters import rendering, selectors, services, sign_off
from putright.letters.api import pdf_response
from putright.letters.models import Delivery, Letter, LetterKind, LetterStatus
from putright.letters.placeholders import BLOCKS, PLACEHOLDERS


def _complaint(reference):
    return get_object_or_404(Complaint.objects.select_related("resident"), reference=reference)


def _letter(complaint, letter_id):
    try:
        return selectors.letter_get(complaint=complaint, letter_id=letter_id)
    except Letter.DoesNotExist:
        raise Http404("No such letter on this complaint.") from None


FIELD_NAMES = {
    "body": "Wording",
    "subject": "Subject",
    "delivery": "How to send it",
    "reference": "Preview on a case",
    "note": "Note",
}


def _errors(error) -> list[str]:
    if isinstance(error, InvalidInput):
        return [
            f"{FIELD_NAMES.get(field, field.capitalize())}: {' '.join(msgs)}"
            for field, msgs in error.errors.items()
        ]
    return [str(error)]


@login_required
@require_http_methods(["GET", "POST"])
def case_letters(request, reference):
    complaint = _complaint(reference)
    errors = []
    if request.method == "POST":
        try:
            letter = services.letter_draft(
                user=request.user, complaint=complaint, kind=request.POST.get("kind")
            )
        except NotPermitted as error:
            raise PermissionDenied(str(error)) from None
        except (InvalidInput, RuleBroken) as error:
            errors = _errors(error)
        else:
            return redirect("letters:letter", reference=reference, letter_id=letter.pk)
    return render(
        request,
        "letters/case_letters.html",
        {
            "complaint": complaint,
            "letters": selectors.letters_for(complaint=complaint),
            "inbound": selectors.inbound_for(complaint=complaint),
            "kinds": LetterKind.choices,
            "errors": errors,
        },
        status=400 if errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def letter_detail(request, reference, letter_id):
    complaint = _complaint(reference)
    letter = _letter(complaint, letter_id)
    errors, code = [], 200
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "save":
                services.letter_edit(
                    user=request.user,
                    letter=letter,
                    subject=request.POST.get("subject"),
                    body=request.POST.get("body"),
                )
                messages.success(request, "Draft saved.")
            elif action == "redraft":
                services.letter_redraft(user=request.user, letter=letter)
                messages.success(request, "Draft written again from the case.")
            elif action == "issue":
                services.letter_issue(
                    user=request.user, letter=letter, delivery=request.POST.get("delivery")
                )
                messages.success(request, "Letter issued.")
            elif action == "post":
                services.letter_mark_for_post(user=request.user, letter=letter)
                messages.success(request, "Letter marked for post.")
            elif action == "sign_off":
                sign_off.letter_sign_off(
                    user=request.user, letter=letter, note=request.POST.get("note", "")
                )
                messages.success(request, "Letter signed off.")
            elif action == "resend":
                services.letter_resend(user=request.user, letter=letter)
                messages.success(request, "Letter queued to send again.")
            else:
                raise InvalidInput({"action": "Choose what to do."})
        except NotPermitted as error:
            raise PermissionDenied(str(error)) from None
        except InvalidInput as error:
            errors, code = _errors(error), 400
        except RuleBroken as error:
            errors, code = _errors(error), 409
        else:
            return redirect("letters:letter", reference=reference, letter_id=letter.pk)
        letter = _letter(complaint, letter_id)
    missing = services.letter_check(letter) if letter.status == LetterStatus.DRAFT else []
    return render(
        request,
        "letters/letter_detail.html",
        {
            "complaint": complaint,
            "letter": letter,
            "missing": missing,
            "readability_warning": rendering.readability_warning(letter.readability),
            "preview": rendering.body_html(letter.body),
            "deliveries": Delivery.choices,
            "errors": errors,
            "is_response": letter.kind in sign_off.rule.RESPONSE_KINDS,
            "sign_off_setting": sign_off.setting_for(letter.stage),
        },
        status=code,
    )


@login_required
def letter_pdf(request, reference, letter_id):
    return pdf_response(_letter(_complaint(reference), letter_id))


@login_required
def template_list(request):
    kinds = [(kind, label, services.template_current(kind)) for kind, label in LetterKind.choices]
    return render(
        request,
        "letters/template_list.html",
        {"kinds": kinds, "branding": services.branding_current()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def template_edit(request, kind):
    if kind not in LetterKind.values:
        raise Http404("No such kind of letter.")
    current = services.template_current(kind)
    errors, subject, body, preview = [], current.subject, current.body, None
    if request.method == "POST" and request.POST.get("action") == "preview":
        subject, body = request.POST.get("subject", ""), request.POST.get("body", "")
        try:
            preview = selectors.template_preview(
                kind=kind, subject=subject, body=body, reference=request.POST.get("reference")
            )
        except InvalidInput as error:
            errors = _errors(error)
    elif request.method == "POST":
        subject, body = request.POST.get("subject", ""), request.POST.get("body", "")
        try:
            services.template_edit(user=request.user, kind=kind, subject=subject, body=body)
        except NotPermitted as error:
            raise PermissionDenied(str(error)) from None
        except InvalidInput as error:
            errors = _errors(error)
        else:
            messages.success(request, "Saved as a new version.")
            return redirect("letters:templates")
    from putright.letters.elements import REQUIRED

    return render(
        request,
        "letters/template_edit.html",
        {
            "kind": kind,
            "label": LetterKind(kind).label,
            "current": current,
            "subject": subject,
            "body": body,
            "versions": selectors.template_versions(kind=kind),
            "required": REQUIRED[kind],
            "placeholders": PLACEHOLDERS,
            "blocks": BLOCKS,
            "errors": errors,
            "preview": preview,
            "reference": request.POST.get("reference", ""),
        },
        status=400 if errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def branding_edit(request):
    current = services.branding_current()
    errors = []
    if request.method == "POST":
        try:
            services.branding_edit(
                user=request.user,
                address=request.POST.get("address", ""),
                signature=request.POST.get("signature", ""),
                footer=request.POST.get("footer", ""),
                logo=request.FILES.get("logo"),
                remove_logo=request.POST.get("remove_logo") == "on",
            )
        except NotPermitted as error:
            raise PermissionDenied(str(error)) from None
        except InvalidInput as error:
            errors = _errors(error)
        else:
            messages.success(request, "Letterhead saved as a new version.")
            return redirect("letters:templates")
    return render(
        request,
        "letters/branding_edit.html",
        {"current": current, "errors": errors},
        status=400 if errors else 200,
    )


@login_required
def triage(request):
    return render(request, "letters/triage.html", {"messages_": selectors.inbound_to_triage()})


@login_required
@require_POST
def triage_file(request, message_id):
    from putright.letters.models import InboundMessage

    message = get_object_or_404(InboundMessage, pk=message_id)
    reference = (request.POST.get("reference") or "").strip().upper()
    complaint = Complaint.objects.filter(reference=reference).first()
    if complaint is None:
        messages.error(request, f"No complaint has reference {reference or '(blank)'}.")
        return redirect("letters:triage")
    try:
        services.inbound_file(user=request.user, message=message, complaint=complaint)
    except NotPermitted as error:
        raise PermissionDenied(str(error)) from None
    except RuleBroken as error:
        messages.error(request, str(error))
        return redirect("letters:triage")
    messages.success(request, f"Filed on {complaint.reference}.")
    return redirect("letters:case", reference=complaint.reference)
