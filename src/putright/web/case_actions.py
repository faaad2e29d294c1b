"""Every action on a case: its form, the service it calls, and who may take it when (the pages are
web.case_action_pages).

Every change goes through putright.complaints.services. A refused action re-renders the form the
user filled in, with what they typed: 400 for bad input, 409 for a broken Code rule (naming the
provision), 403 when their role does not allow it. An action the case's state does not allow is
explained with no form at all (review finding H12). After an action the Code ties to a letter
(acknowledge, extend, respond, refuse) the handler lands on that letter, drafted from the case,
to check and issue (H4).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from putright import dates
from putright.complaints import services
from putright.complaints.workflow import Action, allowed_actions, check
from putright.errors import RuleBroken
from putright.letters.models import LetterKind
from putright.web import case_forms, forms, stage2


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
    available: Callable | None = None  # (complaint) -> bool, for actions outside the workflow


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
    services.complaint_extend(user=user, complaint=complaint, **form.cleaned_data)
    return "Extension recorded."


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
        decision_maker=data["decision_maker"] if complaint.stage == 2 else None,
    )
    return f"Stage {complaint.stage} response recorded."


def _with_form(service, message: str):
    """An action whose form's fields are the service's own arguments."""

    def perform(user, complaint, form):
        service(user=user, complaint=complaint, **form.cleaned_data)
        return message

    return perform


_escalate = _with_form(
    services.complaint_escalate,
    "Escalated to stage 2. Assign a handler who did not handle stage 1 (6.13).",
)
_refuse = _with_form(services.complaint_refuse, "Refusal recorded.")
_withdraw = _with_form(services.complaint_withdraw, "The complaint is withdrawn.")
_close = _with_form(
    services.complaint_close,
    "The complaint is closed. Open remedies and actions are still tracked.",
)


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


def _last_stage(complaint, attribute: str):
    return next((s for s in reversed(list(complaint.stages.all())) if getattr(s, attribute)), None)


def _amend_definition(user, complaint, form):
    data = form.cleaned_data
    stage = _last_stage(complaint, "acknowledged_on")
    services.definition_amend(
        user=user,
        complaint=complaint,
        stage=stage.number if stage else complaint.stage,
        definition={
            key: data[key]
            for key in (
                "understanding",
                "outcomes_sought",
                "responsible_for",
                "not_responsible_for",
            )
        },
        reason=data["reason"],
    )
    return "Definition corrected. The timeline keeps what it said before."


def _amend_reasons(user, complaint, form):
    stage = _last_stage(complaint, "responded_on")
    services.response_amend(
        user=user,
        complaint=complaint,
        stage=stage.number if stage else complaint.stage,
        reasons=form.cleaned_data["reasons"],
        reason=form.cleaned_data["reason"],
    )
    return "Reasons corrected. The timeline keeps what they said before."


def _today(*, dates_: list[str]):
    return lambda complaint, user: dict.fromkeys(dates_, dates.today())


def _ack_initial(complaint, user):
    stage = complaint.current_stage
    initial = {"acknowledged_on": dates.today()}
    if stage.number == 1:
        initial["handler"] = stage.handler.username if stage.handler else user.username
        initial["outcomes_sought"] = complaint.outcome_wanted
    else:
        # Stage 2 needs someone who did not handle stage 1 (6.13): preselect nobody unless a
        # handler was already assigned, and start from what the resident wanted at stage 1.
        first = _last_stage(complaint, "acknowledged_on")
        initial["handler"] = stage.handler.username if stage.handler else ""
        initial["outcomes_sought"] = first.outcomes_sought if first else complaint.outcome_wanted
    return initial


def _definition_initial(complaint, user):
    stage = _last_stage(complaint, "acknowledged_on")
    if stage is None:
        return {}
    fields = ("understanding", "outcomes_sought", "responsible_for", "not_responsible_for")
    return {key: getattr(stage, key) for key in fields}


def _reasons_initial(complaint, user):
    stage = _last_stage(complaint, "responded_on")
    return {"reasons": stage.reasons} if stage else {}


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
            "wants and anything we are not responsible for (5.6, 5.7). Next you check and issue "
            "the acknowledgement letter.",
            initial=_ack_initial,
        ),
        ActionSpec(
            "extend",
            "Extend the deadline",
            forms.ExtendForm,
            _extend,
            Action.EXTEND,
            button="Extend",
            description="Tell the resident why, and give them the Ombudsman's details (6.5, "
            "6.16). Check the new date first; next you check and issue the extension letter.",
            initial=_today(dates_=["resident_informed_on"]),
        ),
        ActionSpec(
            "respond",
            "Record the response",
            case_forms.RespondForm,
            _respond,
            Action.RESPOND,
            button="Record response",
            description="The decision, the reasons, and any remedies and outstanding actions. "
            "Next you check and issue the response letter.",
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
            description="Only on a section 2 ground, explained for this resident. Next you check "
            "and issue the letter that tells them why and that they can go to the Ombudsman (2.4).",
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
            available=lambda c: c.status in ("awaiting_acknowledgement", "investigating"),
        ),
        ActionSpec(
            "amend-definition",
            "Correct the definition",
            case_forms.AmendDefinitionForm,
            _amend_definition,
            button="Save the correction",
            description="A correction is added to the record with your reason; the timeline "
            "keeps what the definition said before (5.12). Letters already issued are not "
            "changed: draft a new one if the resident must be told.",
            initial=_definition_initial,
            available=lambda c: _last_stage(c, "acknowledged_on") is not None,
        ),
        ActionSpec(
            "amend-reasons",
            "Correct the response's reasons",
            case_forms.AmendReasonsForm,
            _amend_reasons,
            button="Save the correction",
            description="The decision and its date stay as recorded; a changed decision is a "
            "remedy (7.1). The timeline keeps what the reasons said before (5.12).",
            initial=_reasons_initial,
            available=lambda c: _last_stage(c, "responded_on") is not None,
        ),
        ActionSpec(
            "panel",
            "Record a panel or meeting",
            stage2.PanelForm,
            stage2.record_panel,
            button="Record panel",
            description="A stage 2 panel or meeting: who sat on it, whether the resident "
            "attended and who accompanied them (3.6, 6.20).",
            initial=_today(dates_=["held_on"]),
            available=lambda c: c.stage == 2 and c.status not in ("refused", "withdrawn"),
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

# The letter the Code ties to each action, by the stage acted on.
LETTER_AFTER = {
    "acknowledge": lambda stage: LetterKind.ACKNOWLEDGEMENT,
    "extend": lambda stage: LetterKind.EXTENSION,
    "respond": lambda stage: (
        LetterKind.STAGE1_RESPONSE if stage == 1 else LetterKind.STAGE2_RESPONSE
    ),
    "refuse": lambda stage: LetterKind.REFUSAL if stage == 1 else LetterKind.ESCALATION_REFUSAL,
}


def permitted(user, complaint, spec: ActionSpec) -> bool:
    # The services' own rule (putright.rules.access), notes and documents included: the page
    # offers exactly what the server will accept.
    if not user.can_change_cases:
        return False
    if spec.any_case_only:
        return user.acts_on_any_case
    return services.user_can_act_on(user, complaint)


def available(complaint, spec: ActionSpec) -> bool:
    if spec.workflow is not None:
        return spec.workflow in allowed_actions(complaint.status, complaint.stage)
    if spec.available is not None:
        return spec.available(complaint)
    return True


def offered(user, complaint) -> list[ActionSpec]:
    """The actions the case page offers: allowed now and permitted to this user."""
    return [
        spec
        for spec in ACTIONS.values()
        if spec.slug not in ("note", "upload")
        and available(complaint, spec)
        and permitted(user, complaint, spec)
    ]


def _workflow_refusal(complaint, spec):
    refusal = check(complaint.status, complaint.stage, spec.workflow) if spec.workflow else None
    if refusal is None:
        return RuleBroken("not_now", f"{spec.label} is not open for this complaint now.")
    return RuleBroken(refusal.error, refusal.detail, refusal.provision)


def _refusal_message(user, spec, complaint) -> str:
    if not user.can_change_cases:
        return "Governance users can read complaints but not change them."
    if spec.any_case_only:
        return "Only the complaints officer or a manager can assign complaints."
    return (
        f"{complaint.reference} is assigned to another handler; only they, the complaints "
        "officer or a manager can act on it."
    )
