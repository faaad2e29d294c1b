"""The self-assessment on the web (UX review M6, G5; issue 13 item 3): start one, answer it as a
task list by section, then complete, review, record the governing body's approval and publish.
Every step is the services' own (roles, order, the record of changes); these views only ask."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from putright import dates
from putright.codes.catalogue import VERSIONS
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.selfassessment import selectors, services
from putright.selfassessment.evidence_sources import source_for
from putright.selfassessment.exporters import sections
from putright.selfassessment.live_evidence import live_evidence_for
from putright.selfassessment.models import Answer, Comply, SelfAssessment
from putright.selfassessment.uploads import read_upload
from putright.web.forms import GovForm, date_field, text_area
from putright.web.views import forbidden
from putright.web.workspace import apply_errors


class StartForm(GovForm):
    code_version = forms.ChoiceField(
        label="Which Code does it assess against?",
        choices=[(key, f"The {key} Code") for key in VERSIONS],
        initial="2024",
        widget=forms.RadioSelect,
    )
    period_start = date_field("First day of the period", noun="the first day of the period")
    period_end = date_field("Last day of the period", noun="the last day of the period")
    title = forms.CharField(label="Title (optional)", required=False, max_length=200)


class ImportForm(GovForm):
    required_messages = {"file": "Choose the form to import."}
    file = forms.FileField(
        label="The self-assessment form",
        help_text="DOCX, XLSX, CSV or the text copied out of the form.",
    )
    code = forms.ChoiceField(
        label="Which Code does it answer?",
        choices=[("", "Find out from the form"), *((key, f"The {key} Code") for key in VERSIONS)],
        required=False,
    )
    period_start = date_field("First day of the period", noun="the first day of the period")
    period_end = date_field("Last day of the period", noun="the last day of the period")


class AnswerForm(GovForm):
    comply = forms.ChoiceField(
        label="Do we comply?",
        choices=Comply.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    evidence = text_area("Evidence", required=False, rows=6)
    commentary = text_area("Commentary (optional)", required=False, rows=4)
    to_review = forms.BooleanField(label="Mark for review", required=False)


class ActionForm(GovForm):
    required_messages = {
        "description": "Say what will be done.",
        "owner_name": "Name who owns the action: a person or a team.",
    }
    description = text_area("What will be done", rows=3)
    owner_name = forms.CharField(label="Who owns it", max_length=200)
    due_on = date_field("Due by", noun="the date it is due by")


def _self_assessment(pk: int) -> SelfAssessment:
    try:
        return selectors.selfassessment_detail(pk)
    except SelfAssessment.DoesNotExist:
        raise Http404 from None


def task_list(self_assessment: SelfAssessment) -> list[dict]:
    """Each section with its provisions and a status, as the GOV.UK task list pattern shows."""
    rows = []
    for section in sections(self_assessment):
        answered = sum(1 for answer in section.answers if answer.comply)
        if answered == 0:
            status = "Not started"
        elif answered == len(section.answers):
            status = "Completed"
        else:
            status = "In progress"
        rows.append(
            {
                "title": section.title,
                "answers": section.answers,
                "answered": answered,
                "status": status,
            }
        )
    return rows


@login_required
def start(request):
    status = 200
    if request.method == "POST":
        form = StartForm(request.POST)
        if form.is_valid():
            try:
                created = services.selfassessment_create(user=request.user, **form.cleaned_data)
            except NotPermitted as error:
                return forbidden(request, str(error))
            except InvalidInput as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Self-assessment started: answer each provision.")
                return redirect("selfassessment:detail", pk=created.pk)
        status = 400
    else:
        form = StartForm()
    return render(request, "selfassessment/start.html", {"form": form}, status=status)


@login_required
def import_form(request):
    """A landlord's existing form uploaded: a draft of its answers, or nothing and every row
    that could not be read listed (the command and the API refuse the same way)."""
    status, unreadable = 200, []
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            upload = data["file"]
            parsed = read_upload(upload.name, upload.read(), code=data["code"] or None)
            try:
                created = services.selfassessment_import(
                    user=request.user,
                    form=parsed,
                    period_start=data["period_start"],
                    period_end=data["period_end"],
                    source=upload.name,
                )
            except NotPermitted as error:
                return forbidden(request, str(error))
            except InvalidInput as error:
                said = error.errors.get("file", [])
                if said:
                    form.add_error("file", said[0])
                    unreadable = said[1:]
                else:
                    apply_errors(form, error)
            else:
                messages.success(
                    request,
                    f"Imported {len(parsed.rows)} answers against the {parsed.code} Code: check "
                    "each one (they are marked to review).",
                )
                return redirect("selfassessment:detail", pk=created.pk)
    else:
        form = ImportForm()
    return render(
        request,
        "selfassessment/import.html",
        {"form": form, "unreadable": unreadable},
        status=status,
    )


@login_required
def answer_edit(request, pk: int, answer_id: int):
    self_assessment = _self_assessment(pk)
    answer = get_object_or_404(Answer, pk=answer_id, self_assessment=self_assessment)
    figures = live_evidence_for(self_assessment).get(answer.ref, [])
    rule, status = None, 200
    if request.method == "POST":
        form = AnswerForm(request.POST)
        try:
            if request.POST.get("action") == "improvement":
                action_form = ActionForm(request.POST, prefix="improvement")
                if action_form.is_valid():
                    services.improvement_action_add(
                        user=request.user, answer=answer, **action_form.cleaned_data
                    )
                    messages.success(request, "Improvement action added.")
                    return redirect("selfassessment:answer", pk=pk, answer_id=answer.pk)
                form = AnswerForm(initial=_answer_initial(answer))
                return _answer_page(request, self_assessment, answer, figures, form, action_form)
            if request.POST.get("action") == "live":
                services.answer_accept_live_evidence(user=request.user, answer=answer)
                messages.success(request, "Putright's records are added to the evidence.")
                return redirect("selfassessment:answer", pk=pk, answer_id=answer.pk)
            if form.is_valid():
                services.answer_update(user=request.user, answer=answer, **form.cleaned_data)
                messages.success(request, f"{answer.ref} saved.")
                following = _next_answer(self_assessment, answer)
                if following is not None and request.POST.get("action") == "next":
                    return redirect("selfassessment:answer", pk=pk, answer_id=following.pk)
                return redirect("selfassessment:detail", pk=pk)
            status = 400
        except NotPermitted as error:
            return forbidden(request, str(error))
        except InvalidInput as error:
            apply_errors(form, error)
            status = 400
        except RuleBroken as error:
            rule, status = error, 409
    else:
        form = AnswerForm(initial=_answer_initial(answer))
    action_form = ActionForm(prefix="improvement")
    return _answer_page(
        request, self_assessment, answer, figures, form, action_form, rule=rule, status=status
    )


def _answer_initial(answer: Answer) -> dict:
    fields = ("comply", "evidence", "commentary", "to_review")
    return {name: getattr(answer, name) for name in fields}


def _answer_page(
    request, self_assessment, answer, figures, form, action_form, *, rule=None, status=None
):
    context = {
        "self_assessment": self_assessment,
        "answer": answer,
        "figures": figures,
        "source": source_for(self_assessment.code_version.key, answer.ref),
        "form": form,
        "action_form": action_form,
        "actions": list(answer.actions.all()),
        "rule": rule,
        "editable": _may_edit(request.user, self_assessment),
    }
    if status is None:
        status = 400 if action_form.is_bound else 200
    return render(request, "selfassessment/answer.html", context, status=status)


def _may_edit(user, self_assessment: SelfAssessment) -> bool:
    """Offer the form only to those the service lets change a draft (its own role set)."""
    allowed = user.is_superuser or user.role in services.EDITORS
    return allowed and self_assessment.status == "draft"


def _next_answer(self_assessment: SelfAssessment, answer: Answer) -> Answer | None:
    return self_assessment.answers.filter(position__gt=answer.position).order_by("position").first()


STEPS = {
    "complete": (services.selfassessment_complete, "Completed: a manager reviews it next."),
    "review": (services.selfassessment_review, "Reviewed: the governing body approves it next."),
    "publish": (services.selfassessment_publish, "Published on the public page."),
}


def detail_page(request, self_assessment, *, rule=None, message=None, status=200):
    """The self-assessment's page; a refused step shows on it with its error summary (400 for
    bad input, 409 naming the provision for a broken rule)."""
    return render(
        request,
        "selfassessment/detail.html",
        {
            "self_assessment": self_assessment,
            "tasks": task_list(self_assessment),
            "answered": self_assessment.answers.exclude(comply="").count(),
            "total": self_assessment.answers.count(),
            "today": dates.today(),
            "rule": rule,
            "message": message,
        },
        status=status,
    )


@login_required
@require_POST
def step(request, pk: int):
    """Complete, review, record the governing body's approval, or publish."""
    self_assessment = _self_assessment(pk)
    action = request.POST.get("action")
    try:
        if action == "approve":
            approved_on = _approval_date(request)
            services.selfassessment_approve(
                user=request.user, self_assessment=self_assessment, approved_on=approved_on
            )
            message = "The governing body's approval is recorded (8.2)."
        elif action in STEPS:
            service, message = STEPS[action]
            service(user=request.user, self_assessment=self_assessment)
        else:
            raise Http404("No such step.")
    except NotPermitted as error:
        return forbidden(request, str(error))
    except InvalidInput as error:
        return detail_page(request, _self_assessment(pk), message=_said(error), status=400)
    except RuleBroken as error:
        return detail_page(request, _self_assessment(pk), rule=error, status=409)
    messages.success(request, message)
    return redirect("selfassessment:detail", pk=pk)


def _approval_date(request):
    field = date_field("Date approved", noun="the date of approval")
    try:
        return field.clean(field.widget.value_from_datadict(request.POST, {}, "approved_on"))
    except forms.ValidationError:
        message = "Enter the date the governing body approved it."
        raise InvalidInput({"approved_on": message}) from None


def _said(error) -> str:
    if isinstance(error, InvalidInput):
        return " ".join(" ".join(messages_) for messages_ in error.errors.values())
    return f"{error.detail} (Code {error.provision})" if error.provision else error.detail
