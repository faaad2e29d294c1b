"""/api/v1/complaints/{reference}/representative/: the representative acting on a complaint,
the resident's consent to it (with its evidence, multipart) and copies of letters (3.6)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from putright.api.permissions import PermissionBeforeBody
from putright.api.serializers import RepresentativeOutput
from putright.complaints import uploads
from putright.complaints.models import Complaint
from putright.errors import InvalidInput
from putright.inputs import Input
from putright.people import representatives, services
from putright.people.models import ConsentMethod


class RepresentativeOut(RepresentativeOutput):
    """The complaint's representative as the case shows it, with the consent's record."""

    consent_recorded_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    consent_evidence = serializers.SerializerMethodField()

    class Meta(RepresentativeOutput.Meta):
        fields = [
            *RepresentativeOutput.Meta.fields,
            "consent_notes",
            "consent_evidence",
            "consent_recorded_by",
            "consent_recorded_at",
        ]

    def get_consent_evidence(self, representative) -> dict | None:
        if not representative.consent_evidence:
            return None
        return {
            "name": representative.consent_evidence_name,
            "content_type": representative.consent_evidence_type,
        }


class ConsentIn(Input):
    method = serializers.ChoiceField(choices=ConsentMethod.choices)
    given_on = serializers.DateField()
    notes = serializers.CharField(required=False, allow_blank=True, max_length=20_000)
    evidence = serializers.FileField(required=False)


class CopiesIn(Input):
    wants_copies = serializers.BooleanField()


def _complaint(reference: str) -> Complaint:
    complaint = get_object_or_404(
        Complaint.objects.select_related("resident", "representative__consent_recorded_by"),
        reference=reference,
    )
    if complaint.representative_id is None:
        raise Http404("This complaint has no representative.")
    return complaint


def _valid(serializer_class, data):
    serializer = serializer_class(data=data)
    if not serializer.is_valid():
        raise InvalidInput(
            {field: [str(m) for m in messages] for field, messages in serializer.errors.items()}
        )
    return serializer.validated_data


def _out(request, reference: str) -> Response:
    representative = _complaint(reference).representative
    return Response(RepresentativeOut(representative, context={"request": request}).data)


class RepresentativeWrite(PermissionBeforeBody, APIView):
    def may_write(self, request, reference, **url_kwargs) -> None:
        # Who may act first (403), before whether there is a representative (404).
        complaint = get_object_or_404(Complaint, reference=reference)
        services.require_can_act(request.user, complaint)


class RepresentativeDetail(RepresentativeWrite):
    @extend_schema(responses=RepresentativeOut)
    def get(self, request, reference):
        return _out(request, reference)


class RepresentativeConsent(RepresentativeWrite):
    @extend_schema(request=ConsentIn, responses=RepresentativeOut)
    def post(self, request, reference):
        uploads.refuse_if_too_large(request)
        data = _valid(ConsentIn, request.data)
        representatives.representative_consent_record(
            user=request.user,
            complaint=_complaint(reference),
            method=data["method"],
            given_on=data["given_on"],
            notes=data.get("notes", ""),
            evidence=data.get("evidence"),
        )
        return _out(request, reference)


class RepresentativeCopies(RepresentativeWrite):
    @extend_schema(request=CopiesIn, responses=RepresentativeOut)
    def post(self, request, reference):
        data = _valid(CopiesIn, request.data)
        representatives.representative_copies_set(
            user=request.user, complaint=_complaint(reference), wants_copies=data["wants_copies"]
        )
        return _out(request, reference)


class ConsentEvidence(PermissionBeforeBody, APIView):
    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request, reference):
        return evidence_response(_complaint(reference).representative)


class _Stored:
    """The shape uploads.response serves: the file, the name it came with and its real type."""

    def __init__(self, representative):
        self.file = representative.consent_evidence
        self.original_name = representative.consent_evidence_name
        self.content_type = representative.consent_evidence_type


def evidence_response(representative):
    if not representative.consent_evidence:
        raise Http404("No evidence of consent is attached.")
    return uploads.response(_Stored(representative))
