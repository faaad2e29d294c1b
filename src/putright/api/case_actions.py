"""Every write on one complaint, as one table: the URL, the input, the service it calls and what
it answers. A view per row is made by `view_for`; each checks who may act before reading the
body, validates the body, calls one service, and answers with the case as it now stands (or the
thing it made). The services decide every rule (see putright.rules); putright.api.errors turns
their refusals into 400, 403 and 409 answers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from putright.api import inputs as i
from putright.api import serializers as s
from putright.api import stage2
from putright.api.permissions import PermissionBeforeBody
from putright.api.views import (
    complaint_answer,
    complaint_or_404,
    responses_for,
    validated,
)
from putright.complaints import services
from putright.complaints.models import OutstandingAction, Remedy
from putright.errors import NotPermitted
from putright.inputs import Input
from putright.rules import access


@dataclass(frozen=True)
class CaseAction:
    path: str  # after complaints/<reference>/
    summary: str
    input: type
    run: Callable  # (user, complaint, data, **url_kwargs) -> the thing made, or None
    output: type | None = None  # None: answer with the whole case
    created: bool = False
    officer_only: bool = False
    rules: bool = True
    multipart: bool = False


def _call(service):
    return lambda user, complaint, data: service(user=user, complaint=complaint, **data)


def _on_remedy(service):
    def run(user, complaint, data, remedy_id):
        remedy = get_object_or_404(Remedy, pk=remedy_id, complaint=complaint)
        return service(user=user, remedy=remedy, **data)

    return run


def _complete_action(user, complaint, data, action_id):
    action = get_object_or_404(OutstandingAction, pk=action_id, complaint=complaint)
    return services.action_complete(user=user, action=action, **data)


def _attach(user, complaint, data):
    return services.attachment_add(
        user=user,
        complaint=complaint,
        uploaded_file=data["file"],
        description=data.get("description", ""),
    )


class TrackingLinkRevokeInput(Input):
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class TrackingLinkOutput(serializers.Serializer):
    reference = serializers.CharField()
    tracking_path = serializers.CharField(
        help_text="The fresh link to send to the resident (the old ones now answer 410)."
    )


def _revoke_tracking_link(user, complaint, data):
    from putright.web.tracking import tracking_path

    complaint = services.tracking_link_revoke(user=user, complaint=complaint, **data)
    return {"reference": complaint.reference, "tracking_path": tracking_path(complaint)}


ACTIONS: dict[str, CaseAction] = {
    action.path: action
    for action in (
        CaseAction(
            "acknowledge",
            "Acknowledge, define and log the complaint (5.6, 6.2, 6.11)",
            i.AcknowledgeInput,
            _call(services.complaint_acknowledge),
        ),
        CaseAction(
            "extend",
            "Extend the response deadline, told to the resident before it (6.4, 6.15)",
            i.ExtendInput,
            _call(services.complaint_extend),
        ),
        CaseAction(
            "respond",
            "Respond: decision, reasons, remedies, actions (6.9, 6.19)",
            i.RespondInput,
            _call(services.complaint_respond),
        ),
        CaseAction(
            "panel",
            "Record a stage 2 panel or meeting: members, the resident attending and who came "
            "with them (3.6, 6.20)",
            stage2.PanelInput,
            _call(services.panel_record),
        ),
        CaseAction(
            "escalate",
            "Escalate to stage 2 at the resident's request; reopens a closed case (6.10, 6.12)",
            i.EscalateInput,
            _call(services.complaint_escalate),
        ),
        CaseAction(
            "refuse",
            "Refuse the complaint or its escalation on a section 2 ground (2.1 to 2.4, 5.11)",
            i.RefuseInput,
            _call(services.complaint_refuse),
        ),
        CaseAction(
            "withdraw",
            "The resident withdraws the complaint",
            i.WithdrawInput,
            _call(services.complaint_withdraw),
        ),
        CaseAction(
            "close",
            "Close a responded complaint (stage 2 stays open to the resident)",
            i.CloseInput,
            _call(services.complaint_close),
        ),
        CaseAction(
            "assign",
            "Assign the current stage's handler (6.13 at stage 2)",
            i.AssignInput,
            _call(services.complaint_assign),
            officer_only=True,
        ),
        CaseAction(
            "definition",
            "Amend the complaint definition, audited (5.6, 5.7)",
            i.DefinitionAmendInput,
            _call(services.definition_amend),
        ),
        CaseAction(
            "reasons",
            "Amend a response's reasons, audited (5.12)",
            i.ReasonsAmendInput,
            _call(services.response_amend),
        ),
        CaseAction(
            "remedies",
            "Offer a remedy at any stage, saying by when (7.3)",
            i.RemedyOfferInput,
            _call(services.remedy_offer),
            output=s.RemedyOutput,
            created=True,
        ),
        CaseAction(
            "remedies/<num:remedy_id>/amend",
            "Amend a remedy not yet done, audited (7.3)",
            i.RemedyAmendInput,
            _on_remedy(services.remedy_amend),
            output=s.RemedyOutput,
        ),
        CaseAction(
            "remedies/<num:remedy_id>/complete",
            "Record a remedy as done",
            i.CompleteInput,
            _on_remedy(services.remedy_complete),
            output=s.RemedyOutput,
        ),
        CaseAction(
            "actions",
            "Add an outstanding action (7.3)",
            i.OutstandingActionInput,
            _call(services.action_add),
            output=s.OutstandingActionOutput,
            created=True,
        ),
        CaseAction(
            "actions/<num:action_id>/complete",
            "Record an outstanding action as done",
            i.CompleteInput,
            _complete_action,
            output=s.OutstandingActionOutput,
        ),
        CaseAction(
            "notes",
            "Add a note to the case (5.12)",
            i.NoteInput,
            _call(services.note_add),
            output=s.NoteOutput,
            created=True,
        ),
        CaseAction(
            "attachments",
            "Attach a document (multipart; size and type limits apply)",
            i.AttachmentInput,
            _attach,
            output=s.AttachmentOutput,
            created=True,
            rules=False,
            multipart=True,
        ),
        CaseAction(
            "tracking-link/revoke",
            "Revoke the resident's tracking links for this complaint and make a fresh one",
            TrackingLinkRevokeInput,
            _revoke_tracking_link,
            output=TrackingLinkOutput,
            officer_only=True,
            rules=False,
        ),
    )
}


class CaseWrite(PermissionBeforeBody, APIView):
    """A POST that changes one complaint. Permission is checked before the body, so that a user
    who may not act hears 403 (or 409 naming 6.13) whatever they sent."""

    case_action: CaseAction

    def may_write(self, request, reference, **url_kwargs) -> None:
        self.complaint = complaint_or_404(reference)
        if self.case_action.officer_only:
            if not request.user.acts_on_any_case:
                raise NotPermitted("Only the complaints officer or a manager can do this.")
            return
        # The services' own rule: the case's handler, the complaints officer or a manager,
        # and nobody from stage 1 on a stage 2 nobody holds yet (6.13).
        access.require_can_act(request.user, self.complaint)

    def post(self, request, reference, **url_kwargs):
        complaint = self.complaint
        data = validated(self.case_action.input, request.data)
        made = self.case_action.run(request.user, complaint, data, **url_kwargs)
        if self.case_action.output is None:
            return complaint_answer(request, complaint.reference)
        code = status.HTTP_201_CREATED if self.case_action.created else status.HTTP_200_OK
        return Response(self.case_action.output(made).data, status=code)


def view_for(action: CaseAction) -> type[CaseWrite]:
    ok_code = 201 if action.created else 200
    schema = extend_schema(
        summary=action.summary,
        request=action.input,
        responses=responses_for(ok_code, action.output or s.ComplaintOutput, rules=action.rules),
    )

    @schema
    def post(self, request, reference, **url_kwargs):
        return CaseWrite.post(self, request, reference, **url_kwargs)

    attributes = {"case_action": action, "post": post}
    if action.multipart:
        attributes["parser_classes"] = [MultiPartParser, FormParser]
    name = "".join(
        part.title().replace("-", "") for part in action.path.split("/") if "<" not in part
    )
    return type(f"{name}View", (CaseWrite,), attributes)
