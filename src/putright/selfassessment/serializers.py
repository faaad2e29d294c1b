"""API shapes of a self-assessment."""

from rest_framework import serializers

from putright.codes.catalogue import VERSIONS
from putright.inputs import Input
from putright.selfassessment.models import Answer, Comply, ImprovementAction, SelfAssessment


class ActionSerializer(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner_label", read_only=True)

    class Meta:
        model = ImprovementAction
        fields = ["id", "description", "owner", "due_on", "completed_on"]


class AnswerSerializer(serializers.ModelSerializer):
    actions = ActionSerializer(many=True, read_only=True)
    live_evidence = serializers.SerializerMethodField()

    class Meta:
        model = Answer
        fields = [
            "ref",
            "section_title",
            "requirement",
            "comply",
            "evidence",
            "commentary",
            "to_review",
            "actions",
            "live_evidence",
        ]

    def get_live_evidence(self, answer) -> list[dict]:
        figures = self.context.get("live_evidence", {})
        return [figure.as_dict() for figure in figures.get(answer.ref, [])]


class SelfAssessmentSummarySerializer(serializers.ModelSerializer):
    code_version = serializers.CharField(source="code_version.key")
    completed_by = serializers.CharField(
        source="completed_by.username", default=None, allow_null=True
    )
    reviewed_by = serializers.CharField(
        source="reviewed_by.username", default=None, allow_null=True
    )

    class Meta:
        model = SelfAssessment
        fields = [
            "id",
            "title",
            "code_version",
            "period_start",
            "period_end",
            "status",
            "completed_by",
            "completed_on",
            "reviewed_by",
            "reviewed_on",
            "governing_body_approved_on",
            "published_on",
        ]


class SelfAssessmentSerializer(SelfAssessmentSummarySerializer):
    answers = AnswerSerializer(many=True, read_only=True)

    class Meta(SelfAssessmentSummarySerializer.Meta):
        fields = [*SelfAssessmentSummarySerializer.Meta.fields, "previous", "source", "answers"]


class CreateSerializer(Input):
    code_version = serializers.ChoiceField(choices=VERSIONS, default="2024")
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    title = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    previous = serializers.PrimaryKeyRelatedField(
        queryset=SelfAssessment.objects.all(), required=False, allow_null=True, default=None
    )


class AnswerUpdateSerializer(Input):
    comply = serializers.ChoiceField(choices=[*Comply.values, ""], required=False)
    evidence = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    commentary = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    to_review = serializers.BooleanField(required=False)


class ActionCreateSerializer(Input):
    description = serializers.CharField()
    due_on = serializers.DateField()
    owner = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=150, help_text="A username."
    )
    owner_name = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)


class DateSerializer(Input):
    on = serializers.DateField(required=False, allow_null=True, default=None)
