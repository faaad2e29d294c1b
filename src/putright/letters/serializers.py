from rest_framework import serializers

from putright import text
from putright.inputs import Input
from putright.letters import rendering
from putright.letters.models import Delivery, Letter, LetterKind


class LetterSerializer(serializers.ModelSerializer):
    template_version = serializers.IntegerField(source="template_version.version")
    branding_version = serializers.IntegerField(
        source="branding_version.version", allow_null=True, default=None
    )
    created_by = serializers.CharField(source="created_by.username", default=None, allow_null=True)
    issued_by = serializers.CharField(source="issued_by.username", default=None, allow_null=True)
    readability_warning = serializers.SerializerMethodField()
    pdf_url = serializers.SerializerMethodField()

    class Meta:
        model = Letter
        fields = [
            "id",
            "kind",
            "stage",
            "status",
            "subject",
            "body",
            "template_version",
            "branding_version",
            "readability",
            "readability_warning",
            "created_by",
            "created_at",
            "issued_by",
            "issued_at",
            "delivery",
            "recipient",
            "send_status",
            "send_attempts",
            "last_error",
            "sent_at",
            "pdf_sha256",
            "pdf_url",
        ]

    def get_readability_warning(self, letter) -> str:
        return rendering.readability_warning(letter.readability)

    def get_pdf_url(self, letter) -> str:
        request = self.context.get("request")
        path = f"/api/v1/complaints/{letter.complaint.reference}/letters/{letter.pk}/pdf/"
        return request.build_absolute_uri(path) if request else path


class MissingElementSerializer(serializers.Serializer):
    element = serializers.CharField(source="element.key")
    name = serializers.CharField(source="element.name")
    provision = serializers.CharField()
    where = serializers.CharField()


class LetterDetailSerializer(LetterSerializer):
    missing = serializers.SerializerMethodField()

    class Meta(LetterSerializer.Meta):
        fields = [*LetterSerializer.Meta.fields, "missing"]

    def get_missing(self, letter) -> list[dict]:
        return MissingElementSerializer(self.context.get("missing", []), many=True).data


class LetterCreateSerializer(Input):
    kind = serializers.ChoiceField(choices=LetterKind.choices)


class LetterEditSerializer(Input):
    subject = serializers.CharField(required=False, allow_blank=True, max_length=200)
    body = serializers.CharField(
        required=False, allow_blank=True, trim_whitespace=False, max_length=text.LETTER
    )


class LetterIssueSerializer(Input):
    delivery = serializers.ChoiceField(choices=Delivery.choices, required=False)
