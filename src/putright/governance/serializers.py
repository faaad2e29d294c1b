"""API shapes of the governance registers."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from putright.governance.models import (
    Accountability,
    Incident,
    Meeting,
    OrganisationalChange,
    ReportKind,
    ReportPresented,
)
from putright.inputs import Input


class IncidentOutput(serializers.ModelSerializer):
    class Meta:
        model = Incident
        fields = [
            "id",
            "title",
            "starts_on",
            "ends_on",
            "description",
            "ombudsman_informed_on",
            "notice",
            "notice_published_on",
            "compliance_by",
        ]


class IncidentInput(Input):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField(required=False, allow_null=True, default=None)
    ombudsman_informed_on = serializers.DateField(required=False, allow_null=True, default=None)
    notice = serializers.CharField(required=False, allow_blank=True, default="")
    notice_published_on = serializers.DateField(required=False, allow_null=True, default=None)
    compliance_by = serializers.DateField(required=False, allow_null=True, default=None)


class IncidentUpdateInput(Input):
    title = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False)
    starts_on = serializers.DateField(required=False)
    ends_on = serializers.DateField(required=False, allow_null=True)
    ombudsman_informed_on = serializers.DateField(required=False, allow_null=True)
    notice = serializers.CharField(required=False, allow_blank=True)
    notice_published_on = serializers.DateField(required=False, allow_null=True)
    compliance_by = serializers.DateField(required=False, allow_null=True)


class ChangeOutput(serializers.ModelSerializer):
    class Meta:
        model = OrganisationalChange
        fields = ["id", "kind", "changed_on", "description"]


class ChangeInput(Input):
    kind = serializers.ChoiceField(choices=OrganisationalChange.Kind.choices)
    changed_on = serializers.DateField()
    description = serializers.CharField()


class AccountabilityOutput(serializers.ModelSerializer):
    mrc_user = serializers.CharField(source="mrc_user.username", default=None, allow_null=True)
    senior_lead_user = serializers.CharField(
        source="senior_lead_user.username", default=None, allow_null=True
    )
    mrc = serializers.CharField(source="mrc_label", help_text="The MRC's name, or empty (9.5).")
    senior_lead = serializers.CharField(
        source="senior_lead_label", help_text="The senior lead's name, or empty (9.4)."
    )

    class Meta:
        model = Accountability
        fields = [
            "mrc",
            "mrc_user",
            "mrc_name",
            "mrc_appointed_on",
            "senior_lead",
            "senior_lead_user",
            "senior_lead_name",
            "senior_lead_job_title",
            "senior_lead_appointed_on",
        ]


class AccountabilityInput(Input):
    mrc_user = serializers.CharField(
        max_length=150, required=False, allow_blank=True, default="", help_text="A username."
    )
    mrc_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    mrc_appointed_on = serializers.DateField(required=False, allow_null=True, default=None)
    senior_lead_user = serializers.CharField(
        max_length=150, required=False, allow_blank=True, default="", help_text="A username."
    )
    senior_lead_name = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    senior_lead_job_title = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    senior_lead_appointed_on = serializers.DateField(required=False, allow_null=True, default=None)


class ReportOutput(serializers.ModelSerializer):
    ombudsman_case = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    held_on = serializers.DateField(source="meeting.held_on", read_only=True)

    class Meta:
        model = ReportPresented
        fields = ["id", "kind", "title", "ombudsman_case", "held_on"]


class MeetingOutput(serializers.ModelSerializer):
    reports = ReportOutput(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = ["id", "held_on", "body", "notes", "reports"]


class DeterminationDue(serializers.Serializer):
    id = serializers.IntegerField()
    ombudsman_reference = serializers.CharField()
    complaint = serializers.CharField(source="complaint.reference")
    determined_on = serializers.DateField()


class MeetingDetailOutput(MeetingOutput):
    to_report = serializers.SerializerMethodField(
        help_text="Ombudsman determinations before this meeting not yet reported (9.7)."
    )

    class Meta(MeetingOutput.Meta):
        fields = [*MeetingOutput.Meta.fields, "to_report"]

    @extend_schema_field(DeterminationDue(many=True))
    def get_to_report(self, meeting):
        return DeterminationDue(self.context.get("to_report", []), many=True).data


class MeetingInput(Input):
    held_on = serializers.DateField()
    body = serializers.CharField(max_length=200)
    notes = serializers.CharField(required=False, allow_blank=True, default="")


class ReportInput(Input):
    kind = serializers.ChoiceField(choices=ReportKind.choices)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    ombudsman_case = serializers.IntegerField(required=False, allow_null=True, default=None)
