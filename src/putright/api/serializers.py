"""Output shapes of the complaints API (its inputs are api.inputs)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from putright.api.inputs import COMPLAINT_STATUSES  # noqa: F401 (the schema's enum, settings)
from putright.complaints.models import (
    Attachment,
    Complaint,
    Event,
    Extension,
    Note,
    OutstandingAction,
    Panel,
    Refusal,
    RelatedIssue,
    Remedy,
    ServiceRequest,
    Stage,
)
from putright.complaints.selectors import stage_deadline
from putright.complaints.workflow import Status, allowed_actions
from putright.governance.marks import IncidentMark
from putright.people import contact_details
from putright.people.contact_details import WithholdsContactDetails
from putright.people.models import Representative, Resident

# --- output ---------------------------------------------------------------------------------


def _username(user) -> str | None:
    return user.username if user is not None else None


class ResidentOutput(WithholdsContactDetails, serializers.ModelSerializer):
    class Meta:
        model = Resident
        fields = ["id", "name", "email", "phone", "address", "tenancy_reference"]
        extra_kwargs = contact_details.NULLABLE


class RepresentativeOutput(WithholdsContactDetails, serializers.ModelSerializer):
    class Meta:
        model = Representative
        fields = [
            "name",
            "relationship",
            "email",
            "phone",
            "address",
            # 3.6: the resident's consent to being represented, and copies of letters.
            "consent_method",
            "consent_given_on",
            "wants_copies",
        ]
        extra_kwargs = contact_details.NULLABLE


class DefinitionOutput(serializers.ModelSerializer):
    class Meta:
        model = Stage
        fields = ["understanding", "outcomes_sought", "responsible_for", "not_responsible_for"]


class ExtensionOutput(serializers.ModelSerializer):
    granted_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta:
        model = Extension
        fields = [
            "working_days",
            "reason",
            "good_reason",
            "resident_informed_on",
            "respond_by_before",
            "respond_by_after",
            "granted_by",
            "created_at",
        ]


class PanelOutput(serializers.ModelSerializer):
    members = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = Panel
        fields = ["id", "held_on", "members", "resident_attended", "accompanied_by", "notes"]


class StageOutput(serializers.ModelSerializer):
    stage = serializers.IntegerField(source="number")
    handler = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    definition = DefinitionOutput(source="*")
    extensions = ExtensionOutput(many=True)
    decision_maker = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    panels = PanelOutput(many=True)
    working_days_left = serializers.SerializerMethodField(
        help_text="Working days until the next statutory step is due: 0 on the day, negative "
        "when overdue, null when nothing is due."
    )
    overdue = serializers.SerializerMethodField()
    internal_overdue = serializers.SerializerMethodField(
        help_text="Past the landlord's own (shorter) internal target."
    )

    class Meta:
        model = Stage
        fields = [
            "stage",
            "requested_on",
            "escalation_reason",
            "acknowledge_by",
            "internal_acknowledge_by",
            "acknowledged_on",
            "acknowledged_within_timescale",
            "respond_by",
            "internal_respond_by",
            "extended_days",
            "responded_on",
            "handler",
            "definition",
            "extensions",
            "decision",
            "reasons",
            "within_timescale",
            "decision_maker",
            "decision_maker_role",
            "panels",
            "working_days_left",
            "overdue",
            "internal_overdue",
        ]

    def _deadline(self, stage):
        # The complaint is cached on each prefetched stage; the calendar comes once per request.
        return stage_deadline(stage, stage.complaint.status, calendar=self.context.get("calendar"))

    def get_working_days_left(self, stage) -> int | None:
        return self._deadline(stage).working_days_left

    def get_overdue(self, stage) -> bool:
        return self._deadline(stage).overdue

    def get_internal_overdue(self, stage) -> bool:
        return self._deadline(stage).internal_overdue


class RemedyOutput(serializers.ModelSerializer):
    completed_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta:
        model = Remedy
        fields = [
            "id",
            "stage",
            "type",
            "description",
            "amount",
            "offered_on",
            "due_on",
            "completed_on",
            "completed_by",
            "band",
            "units",
            "outside_guide_reason",
        ]


class OutstandingActionOutput(serializers.ModelSerializer):
    completed_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta:
        model = OutstandingAction
        fields = ["id", "stage", "description", "due_on", "completed_on", "completed_by"]


class RefusalOutput(serializers.ModelSerializer):
    decided_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta:
        model = Refusal
        fields = [
            "stage",
            "reason",
            "explanation",
            "decided_on",
            "ombudsman_rights_given",
            "decided_by",
        ]


class RelatedIssueOutput(serializers.ModelSerializer):
    added_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = RelatedIssue
        fields = ["description", "received_on", "channel", "added_by", "created_at"]


class NoteOutput(serializers.ModelSerializer):
    author = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = Note
        fields = ["id", "text", "author", "created_at"]


class AttachmentOutput(serializers.ModelSerializer):
    uploaded_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    file = serializers.SerializerMethodField(help_text="Where to download it (a GET).")

    class Meta:
        model = Attachment
        fields = [
            "id",
            "original_name",
            "content_type",
            "size",
            "description",
            "source",
            "uploaded_by",
            "uploaded_at",
            "file",
        ]

    def get_file(self, attachment) -> str:
        return (
            f"/api/v1/complaints/{attachment.complaint.reference}/attachments/{attachment.pk}/file/"
        )


class EventOutput(serializers.ModelSerializer):
    actor = serializers.SerializerMethodField(
        help_text='The staff user\'s username, or who else acted ("resident", "system", "mail").'
    )
    parameters = serializers.DictField(
        help_text="What changed: before and after where a value did."
    )

    class Meta:
        model = Event
        fields = ["type", "occurred_at", "actor", "parameters"]

    def get_actor(self, event) -> str:
        return event.actor_name or event.actor_label  # the username at the time (5.12)


class ComplaintOutput(IncidentMark, serializers.ModelSerializer):
    resident = ResidentOutput()
    co_complainants = ResidentOutput(many=True)
    representative = RepresentativeOutput(allow_null=True)
    related_to = serializers.SlugRelatedField(
        slug_field="reference", read_only=True, allow_null=True
    )
    stages = StageOutput(many=True)
    remedies = RemedyOutput(many=True)
    actions = OutstandingActionOutput(many=True)
    refusals = RefusalOutput(many=True)
    related_issues = RelatedIssueOutput(many=True)
    notes = NoteOutput(many=True)
    attachments = AttachmentOutput(many=True)
    events = EventOutput(many=True)
    allowed_actions = serializers.SerializerMethodField(
        help_text="The actions the complaint's status allows now."
    )

    class Meta:
        model = Complaint
        fields = [
            "reference",
            "status",
            "stage",
            "received_on",
            "channel",
            "description",
            "outcome_wanted",
            "category",
            "service_area",
            "issue_date",
            "discretion_applied",
            "code_version",
            "closed_on",
            "service_request",
            "related_to",
            "resident",
            "co_complainants",
            "representative",
            "stages",
            "remedies",
            "actions",
            "refusals",
            "related_issues",
            "notes",
            "attachments",
            "events",
            "allowed_actions",
            "received_during_incident",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_allowed_actions(self, complaint) -> list[str]:
        return sorted(a.value for a in allowed_actions(Status(complaint.status), complaint.stage))


class ComplaintSummaryOutput(IncidentMark, serializers.ModelSerializer):
    """One row of the complaints list: where the case stands and when its next step is due."""

    resident = ResidentOutput()
    handler = serializers.SerializerMethodField(help_text="The current stage's handler.")
    next_step = serializers.SerializerMethodField(help_text='"acknowledge", "respond" or "".')
    due_on = serializers.SerializerMethodField(help_text="Statutory date the next step is due.")
    internal_due_on = serializers.SerializerMethodField()
    working_days_left = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = Complaint
        fields = [
            "reference",
            "status",
            "stage",
            "received_on",
            "channel",
            "category",
            "code_version",
            "resident",
            "handler",
            "next_step",
            "due_on",
            "internal_due_on",
            "working_days_left",
            "overdue",
            "received_during_incident",
        ]

    def _deadline(self, complaint):
        stage = complaint.current_stage
        if stage is None:
            return None
        return stage_deadline(stage, complaint.status, calendar=self.context.get("calendar"))

    def get_handler(self, complaint) -> str | None:
        stage = complaint.current_stage
        return _username(stage.handler) if stage else None

    def get_next_step(self, complaint) -> str:
        deadline = self._deadline(complaint)
        return deadline.step if deadline else ""

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_due_on(self, complaint):
        deadline = self._deadline(complaint)
        return deadline.due if deadline else None

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_internal_due_on(self, complaint):
        deadline = self._deadline(complaint)
        return deadline.internal_due if deadline else None

    def get_working_days_left(self, complaint) -> int | None:
        deadline = self._deadline(complaint)
        return deadline.working_days_left if deadline else None

    def get_overdue(self, complaint) -> bool:
        deadline = self._deadline(complaint)
        return bool(deadline and deadline.overdue)


class ServiceRequestOutput(serializers.ModelSerializer):
    resident = ResidentOutput()
    complaints = serializers.SlugRelatedField(slug_field="reference", many=True, read_only=True)

    class Meta:
        model = ServiceRequest
        fields = [
            "id",
            "resident",
            "received_on",
            "channel",
            "description",
            "category",
            "state",
            "completed_on",
            "complaints",
        ]


class RuleBrokenOutput(serializers.Serializer):
    error = serializers.CharField()
    detail = serializers.CharField()
    provision = serializers.CharField(allow_null=True, help_text="The Code provision, e.g. 6.13")
