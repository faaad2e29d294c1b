from rest_framework import serializers

from putright import text
from putright.inputs import Input
from putright.letters import rendering
from putright.letters.models import Delivery, Letter, LetterKind
from putright.people.models import ContactMethod


class LetterSerializer(serializers.ModelSerializer):
    template_version = serializers.IntegerField(source="template_version.version")
    branding_version = serializers.IntegerField(
        source="branding_version.version", allow_null=True, default=None
    )
    created_by = serializers.CharField(source="created_by.username", default=None, allow_null=True)
    issued_by = serializers.CharField(source="issued_by.username", default=None, allow_null=True)
    signed_off_by = serializers.CharField(
        source="signed_off_by.username", default=None, allow_null=True
    )
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
            "signed_off_by",
            "signed_off_at",
            "sign_off_note",
            "sign_off_required",
            "copies",
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


class LetterSignOffSerializer(Input):
    note = serializers.CharField(required=False, allow_blank=True, max_length=text.TEXT)


class SignOffSettingSerializer(serializers.Serializer):
    stage = serializers.IntegerField(read_only=True)
    required = serializers.BooleanField()
    roles = serializers.ListField(
        child=serializers.CharField(max_length=20), required=False, max_length=10
    )


class FindingsSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    stage = serializers.IntegerField()
    shared_on = serializers.DateField()
    method = serializers.CharField()
    summary = serializers.CharField()
    comment_by = serializers.DateField()
    shared_by = serializers.CharField(source="shared_by.username", default=None)
    comment = serializers.CharField()
    commented_on = serializers.DateField()
    no_comment_on = serializers.DateField()
    outcome_recorded_by = serializers.CharField(source="outcome_recorded_by.username", default=None)


class FindingsShareSerializer(Input):
    stage = serializers.IntegerField(required=False)
    shared_on = serializers.DateField()
    method = serializers.ChoiceField(choices=ContactMethod.choices)
    summary = serializers.CharField(max_length=text.TEXT)
    comment_by = serializers.DateField()


class FindingsCommentSerializer(Input):
    comment = serializers.CharField(required=False, allow_blank=True, max_length=text.TEXT)
    received_on = serializers.DateField(required=False)
    # True records that no comment came by the date given.
    none_came = serializers.BooleanField(required=False, default=False)
