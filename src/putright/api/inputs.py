"""Inputs of the complaints API. They check types only; every rule (dates in the future, the
Code's provisions, who may act) is the services' to enforce."""

from __future__ import annotations

from rest_framework import serializers

from putright.complaints.models import (
    Category,
    Channel,
    Complaint,
    Decision,
    RefusalReason,
    RemedyType,
    ServiceRequest,
)
from putright.inputs import Input
from putright.people.models import ContactMethod

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
