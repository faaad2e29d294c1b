"""Shapes of the complaints API. Input serializers check types only; every rule (dates in the
future, the Code's provisions, who may act) is the services' to enforce."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from putright.complaints.models import (
    Attachment,
    Category,
    Channel,
    Complaint,
    Decision,
    Event,
    Extension,
    Note,
    OutstandingAction,
    Panel,
    Refusal,
    RefusalReason,
    RelatedIssue,
    Remedy,
    RemedyType,
    ServiceRequest,
    Stage,
)
from putright.complaints.selectors import stage_deadline
from putright.complaints.workflow import Status, allowed_actions
from putright.governance.marks import IncidentMark
from putright.inputs import Input
from putright.people import contact_details
from putright.people.contact_details import WithholdsContactDetails
from putright.people.models import ContactMethod, Representative, Resident

# As the model states them, so that the schema names one enum for the filter and the output.
COMPLAINT_STATUSES = Complaint._meta.get_field("status").choices

# --- input ----------------------------------------------------------------------------------


class ResidentInput(Input):
    id = serializers.IntegerField(required=False, help_text="An existing resident's id.")
    name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=40)
    address = serializers.CharField(required=False, allow_blank=True)
    tenancy_reference = serializers.CharField(required=False, allow_blank=True, max_length=60)
    preferred_contact_method = serializers.ChoiceField(
        choices=ContactMethod.choices, required=False
    )


class RepresentativeInput(Input):
    name = serializers.CharField(max_length=200)
    relationship = serializers.CharField(max_length=200)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=40)
    address = serializers.CharField(required=False, allow_blank=True)


class ComplaintCreateInput(Input):
    resident = ResidentInput()
    received_on = serializers.DateField()
    channel = serializers.ChoiceField(choices=Channel.choices)
    description = serializers.CharField()
    category = serializers.ChoiceField(choices=Category.choices, required=False)
    issue_date = serializers.DateField(
        required=False, allow_null=True, help_text="When the issue complained about arose (2.3)."
    )
    outcome_wanted = serializers.CharField(required=False, allow_blank=True)
    service_area = serializers.CharField(required=False, allow_blank=True, max_length=100)
    representative = RepresentativeInput(required=False, allow_null=True)
    co_complainants = ResidentInput(many=True, required=False)
    discretion_applied = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Accepted although the issue is older than 12 months (2.3).",
    )
    aware_on = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="When the resident became aware of the issue, if later than it arose (2.3).",
    )
    related_to = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Reference of a complaint this relates to. From the same resident (or a member "
        "of the group) before that complaint's stage 1 response, the new issue is added to it "
        "(6.8) and the answer is 200 with that complaint; otherwise a new linked complaint.",
    )
    related_reason = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Why the related issue is a separate linked complaint: joining it would "
        "unreasonably delay the response (6.8).",
    )


class DefinitionInput(Input):
    understanding = serializers.CharField(required=False, allow_blank=True)
    outcomes_sought = serializers.CharField(required=False, allow_blank=True)
    responsible_for = serializers.CharField(required=False, allow_blank=True)
    not_responsible_for = serializers.CharField(required=False, allow_blank=True)


class AcknowledgeInput(Input):
    acknowledged_on = serializers.DateField()
    handler = serializers.CharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        default=None,
        help_text="Username. Default: the stage's handler, else whoever acknowledges.",
    )
    definition = DefinitionInput(help_text="The complaint definition (5.6, 5.7).")


class ExtendInput(Input):
    working_days = serializers.IntegerField(min_value=1)
    reason = serializers.CharField()
    resident_informed_on = serializers.DateField()
    good_reason = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Needed when extensions would exceed the Code's limit (6.4, 6.15).",
    )


class RemedyInput(Input):
    type = serializers.ChoiceField(choices=RemedyType.choices)
    description = serializers.CharField()
    amount = serializers.DecimalField(
        max_digits=10, decimal_places=2, required=False, allow_null=True
    )
    due_on = serializers.DateField(required=False, allow_null=True)
    band = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="A financial remedy's band of the compensation guide (GET compensation-bands).",
    )
    units = serializers.IntegerField(
        required=False, allow_null=True, help_text="Days (or appointments) a set-rate band covers."
    )
    outside_guide_reason = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Why the amount is outside the band chosen, or chosen from no band (7.4).",
    )


class OutstandingActionInput(Input):
    description = serializers.CharField()
    due_on = serializers.DateField()


class RespondInput(Input):
    responded_on = serializers.DateField()
    decision = serializers.ChoiceField(choices=Decision.choices)
    reasons = serializers.CharField()
    remedies = RemedyInput(many=True, required=False)
    outstanding_actions = OutstandingActionInput(many=True, required=False)
    decision_maker = serializers.CharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        help_text="Stage 2: the username of who decided; default the responder (6.20, 6.13).",
    )


class EscalateInput(Input):
    requested_on = serializers.DateField()
    reason = serializers.CharField(
        required=False, allow_blank=True, help_text="Never required (6.12)."
    )


class RefuseInput(Input):
    reason = serializers.ChoiceField(choices=RefusalReason.choices)
    explanation = serializers.CharField()
    decided_on = serializers.DateField()
    issue_date = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="When the issue arose, if the complaint does not record it yet (2.3).",
    )
    aware_on = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="When the resident became aware of it, if later (2.3).",
    )


class DefinitionAmendInput(Input):
    stage = serializers.IntegerField(help_text="1 or 2.")
    definition = DefinitionInput(help_text="Only the parts that change.")
    reason = serializers.CharField(help_text="Why: kept in the record with before and after.")


class ReasonsAmendInput(Input):
    stage = serializers.IntegerField(help_text="1 or 2.")
    reasons = serializers.CharField()
    reason = serializers.CharField(help_text="Why: kept in the record with before and after.")


class RemedyAmendInput(Input):
    description = serializers.CharField(required=False)
    amount = serializers.DecimalField(max_digits=10, decimal_places=2, required=False)
    due_on = serializers.DateField(required=False)
    band = serializers.IntegerField(required=False, allow_null=True)
    units = serializers.IntegerField(required=False, allow_null=True)
    outside_guide_reason = serializers.CharField(required=False, allow_blank=True)
    reason = serializers.CharField(help_text="Why: kept in the record with before and after.")


class WithdrawInput(Input):
    withdrawn_on = serializers.DateField(required=False, help_text="Default: today.")
    reason = serializers.CharField(required=False, allow_blank=True)


class CloseInput(Input):
    closed_on = serializers.DateField(required=False, help_text="Default: today.")


class AssignInput(Input):
    handler = serializers.CharField(help_text="Username.")


class RemedyOfferInput(RemedyInput):
    offered_on = serializers.DateField(required=False, help_text="Default: today.")


class CompleteInput(Input):
    completed_on = serializers.DateField(required=False, help_text="Default: today.")


class NoteInput(Input):
    text = serializers.CharField()


class AttachmentInput(Input):
    file = serializers.FileField()
    description = serializers.CharField(required=False, allow_blank=True, max_length=255)


class ServiceRequestInput(Input):
    resident = ResidentInput()
    received_on = serializers.DateField()
    channel = serializers.ChoiceField(choices=Channel.choices)
    description = serializers.CharField()
    category = serializers.ChoiceField(choices=Category.choices, required=False)


class ServiceRequestComplaintInput(Input):
    received_on = serializers.DateField()
    description = serializers.CharField()
    channel = serializers.ChoiceField(
        choices=Channel.choices, required=False, help_text="Default: the request's channel."
    )


class ComplaintFilter(Input):
    status = serializers.ChoiceField(choices=COMPLAINT_STATUSES, required=False)
    stage = serializers.ChoiceField(choices=[1, 2], required=False)
    overdue = serializers.BooleanField(required=False, allow_null=True, default=None)
    handler = serializers.CharField(required=False, help_text="Username of the current handler.")
    q = serializers.CharField(
        required=False, help_text="Reference, or part of the resident's name or address."
    )


class ServiceRequestFilter(Input):
    state = serializers.ChoiceField(choices=ServiceRequest.State.choices, required=False)


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
