"""The pages of the case actions (web.case_actions holds what each action is): the form, the
call to the service, the refusal shown on the same form, and where the user lands after it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from putright.complaints import selectors, services
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.letters import selectors as letter_selectors
from putright.letters import services as letter_services
from putright.letters.models import LetterKind
from putright.web import forms, stage2
from putright.web.case_actions import (  # the table and its rules
    ACTIONS,
    LETTER_AFTER,
    _refusal_message,
    _workflow_refusal,
    available,
    permitted,
)
from putright.web.views import forbidden
from putright.web.workspace import _case_context, _complaint_or_404, apply_errors


def _make_form(spec, request, complaint):
    post = request.POST
    if spec.slug == "respond" and post.get("add") in ("remedy", "action"):
        # "Add another": the same answers, one more row, nothing recorded and no errors yet.
        form = spec.form(initial=post.dict(), add=post["add"], rows_from=post)
    elif request.method == "POST":
        form = spec.form(post, request.FILES)
    else:
        initial = spec.initial(complaint, request.user) if spec.initial else {}
        form = spec.form(initial=initial)
    if spec.slug == "acknowledge" and complaint.stage == 2:
        first = complaint.stages.all()[0].handler
        if first is not None:
            # 6.13: the stage 1 handler would be refused, so they are not offered.
            field = form.fields["handler"]
            field.choices = [c for c in field.choices if c[0] != first.username]
    if spec.slug == "respond" and complaint.stage == 2:
        stage2.offer_decision_makers(form, complaint)
    return form


def _letter_after(user, complaint, spec, stage: int):
    """Draft (or write again) the letter for the step just recorded; None when it cannot be
    drafted by this user, e.g. a handler who gave the case to a colleague."""
    kind = LETTER_AFTER[spec.slug](stage)
    complaint = selectors.complaint_get(reference=complaint.reference)
    number = stage if kind != LetterKind.EXTENSION else complaint.stage
    try:
        waiting = letter_selectors.draft_waiting(complaint=complaint, kind=kind, stage=number)
        if waiting is not None:
            return letter_services.letter_redraft(user=user, letter=waiting)
        return letter_services.letter_draft(user=user, complaint=complaint, kind=kind)
    except (NotPermitted, RuleBroken, InvalidInput):
        return None


def _extension_check(form, complaint):
    """The date the extension would give, by the service's own timescales code (H15)."""
    return selectors.extension_preview(
        complaint=complaint, working_days=form.cleaned_data["working_days"]
    )


@login_required
def complaint_action(request, reference, action):
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404("No such action.")
    complaint = _complaint_or_404(reference)
    if not permitted(request.user, complaint, spec):
        return forbidden(request, _refusal_message(request.user, spec, complaint))
    context = _case_context(request, complaint)
    if not available(complaint, spec):
        # No form for what cannot be done: say why, and what can be done instead.
        context.update({"spec": spec, "rule": _workflow_refusal(complaint, spec), "form": None})
        status = 409 if request.method == "POST" else 200
        return render(request, "web/action.html", context, status=status)
    rule, status, new_date = None, 200, None
    form = _make_form(spec, request, complaint)
    step = request.POST.get("step", "")
    if request.method == "POST" and form.is_bound:
        if form.is_valid():
            if spec.slug == "extend" and step == "check":
                new_date = _extension_check(form, complaint)
            else:
                stage = complaint.stage
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
                    return _after(request, complaint, spec, stage, message)
        else:
            status = 400
    context.update({"form": form, "spec": spec, "rule": rule, "new_date": new_date})
    if spec.slug == "acknowledge" and complaint.stage == 2:
        context["stage2_resident_notes"] = selectors.resident_notes_since(
            complaint=complaint, day=complaint.current_stage.requested_on
        )
    return render(request, "web/action.html", context, status=status)


def _after(request, complaint, spec, stage, message):
    letter = (
        _letter_after(request.user, complaint, spec, stage) if spec.slug in LETTER_AFTER else None
    )
    if letter is None:
        messages.success(request, message)
        return redirect("web:complaint", reference=complaint.reference)
    messages.success(
        request,
        f"{message} The {letter.get_kind_display().lower()} letter is drafted from the case: "
        "check it, edit it if you need to, then issue it.",
    )
    return redirect("letters:letter", reference=complaint.reference, letter_id=letter.pk)


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
