"""/api/v1/complaints/{reference}/letters/: thin views over letters.services."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from putright.api.permissions import PermissionBeforeBody
from putright.complaints.models import Complaint
from putright.errors import InvalidInput
from putright.letters import access, findings, rendering, selectors, services, sign_off
from putright.letters.models import Letter, LetterStatus
from putright.letters.serializers import (
    FindingsCommentSerializer,
    FindingsSerializer,
    FindingsShareSerializer,
    LetterCreateSerializer,
    LetterDetailSerializer,
    LetterEditSerializer,
    LetterIssueSerializer,
    LetterSerializer,
    LetterSignOffSerializer,
    SignOffSettingSerializer,
)


def _complaint(reference: str) -> Complaint:
    return get_object_or_404(Complaint.objects.select_related("resident"), reference=reference)


def _letter(complaint: Complaint, letter_id: int) -> Letter:
    try:
        return selectors.letter_get(complaint=complaint, letter_id=letter_id)
    except Letter.DoesNotExist:
        raise Http404("No such letter on this complaint.") from None


def _valid(serializer_class, data):
    serializer = serializer_class(data=data)
    if not serializer.is_valid():
        raise InvalidInput(
            {field: [str(m) for m in messages] for field, messages in serializer.errors.items()}
        )
    return serializer.validated_data


class LetterWrite(PermissionBeforeBody, APIView):
    """Letters are written by those who may act on the case: checked before the body."""

    def may_write(self, request, reference, **url_kwargs) -> None:
        access.require_can_act(request.user, _complaint(reference))


def _detail(request, letter: Letter, *, code=status.HTTP_200_OK) -> Response:
    missing = services.letter_check(letter) if letter.status == LetterStatus.DRAFT else []
    serializer = LetterDetailSerializer(letter, context={"request": request, "missing": missing})
    return Response(serializer.data, status=code)


class LetterListView(LetterWrite):
    @extend_schema(responses=LetterSerializer(many=True))
    def get(self, request, reference):
        complaint = _complaint(reference)
        letters = selectors.letters_for(complaint=complaint)
        return Response(LetterSerializer(letters, many=True, context={"request": request}).data)

    @extend_schema(request=LetterCreateSerializer, responses={201: LetterDetailSerializer})
    def post(self, request, reference):
        complaint = _complaint(reference)
        data = _valid(LetterCreateSerializer, request.data)
        letter = services.letter_draft(user=request.user, complaint=complaint, kind=data["kind"])
        return _detail(request, _letter(complaint, letter.pk), code=status.HTTP_201_CREATED)


class LetterDetailView(LetterWrite):
    @extend_schema(responses=LetterDetailSerializer)
    def get(self, request, reference, letter_id):
        return _detail(request, _letter(_complaint(reference), letter_id))

    @extend_schema(request=LetterEditSerializer, responses=LetterDetailSerializer)
    def patch(self, request, reference, letter_id):
        complaint = _complaint(reference)
        data = _valid(LetterEditSerializer, request.data)
        letter = services.letter_edit(
            user=request.user,
            letter=_letter(complaint, letter_id),
            body=data.get("body"),
            subject=data.get("subject"),
        )
        return _detail(request, _letter(complaint, letter.pk))

    @extend_schema(responses={204: None})
    def delete(self, request, reference, letter_id):
        complaint = _complaint(reference)
        services.letter_discard(user=request.user, letter=_letter(complaint, letter_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class LetterRedraftView(LetterWrite):
    @extend_schema(request=None, responses=LetterDetailSerializer)
    def post(self, request, reference, letter_id):
        complaint = _complaint(reference)
        letter = services.letter_redraft(user=request.user, letter=_letter(complaint, letter_id))
        return _detail(request, _letter(complaint, letter.pk))


class LetterIssueView(LetterWrite):
    @extend_schema(request=LetterIssueSerializer, responses=LetterDetailSerializer)
    def post(self, request, reference, letter_id):
        complaint = _complaint(reference)
        data = _valid(LetterIssueSerializer, request.data or {})
        letter = services.letter_issue(
            user=request.user,
            letter=_letter(complaint, letter_id),
            delivery=data.get("delivery"),
        )
        return _detail(request, _letter(complaint, letter.pk))


class LetterSignOffView(PermissionBeforeBody, APIView):
    """A reviewer signs off a draft response (6.7): someone who may act on the case, not the
    author, in a role the landlord chose."""

    def may_write(self, request, reference, **url_kwargs) -> None:
        sign_off.require_reviewer(request.user, _complaint(reference))

    @extend_schema(request=LetterSignOffSerializer, responses=LetterDetailSerializer)
    def post(self, request, reference, letter_id):
        complaint = _complaint(reference)
        data = _valid(LetterSignOffSerializer, request.data or {})
        letter = sign_off.letter_sign_off(
            user=request.user, letter=_letter(complaint, letter_id), note=data.get("note", "")
        )
        return _detail(request, _letter(complaint, letter.pk))


class SignOffSettingsView(PermissionBeforeBody, APIView):
    @extend_schema(responses=SignOffSettingSerializer(many=True))
    def get(self, request):
        return Response(SignOffSettingSerializer(sign_off.settings_all(), many=True).data)


class SignOffSettingView(PermissionBeforeBody, APIView):
    def may_write(self, request, **url_kwargs) -> None:
        sign_off.require_configurer(request.user)

    @extend_schema(request=SignOffSettingSerializer, responses=SignOffSettingSerializer)
    def put(self, request, stage):
        data = _valid(SignOffSettingSerializer, request.data)
        setting = sign_off.sign_off_configure(
            user=request.user, stage=stage, required=data["required"], roles=data.get("roles")
        )
        return Response(SignOffSettingSerializer(setting).data)


class FindingsListView(LetterWrite):
    """The findings shared with the resident for comment before the final decision."""

    @extend_schema(responses=FindingsSerializer(many=True))
    def get(self, request, reference):
        shared = findings.findings_for(complaint=_complaint(reference))
        return Response(FindingsSerializer(shared, many=True).data)

    @extend_schema(request=FindingsShareSerializer, responses={201: FindingsSerializer})
    def post(self, request, reference):
        data = _valid(FindingsShareSerializer, request.data)
        shared = findings.findings_share(user=request.user, complaint=_complaint(reference), **data)
        return Response(FindingsSerializer(shared).data, status=status.HTTP_201_CREATED)


class FindingsCommentView(LetterWrite):
    @extend_schema(request=FindingsCommentSerializer, responses=FindingsSerializer)
    def post(self, request, reference, findings_id):
        complaint = _complaint(reference)
        shared = get_object_or_404(complaint.findings_shared, pk=findings_id)
        data = _valid(FindingsCommentSerializer, request.data)
        if data["none_came"]:
            shared = findings.findings_no_comment(user=request.user, findings=shared)
        else:
            shared = findings.findings_comment_record(
                user=request.user,
                findings=shared,
                comment=data.get("comment", ""),
                received_on=data.get("received_on"),
            )
        return Response(FindingsSerializer(shared).data)


class LetterPdfView(PermissionBeforeBody, APIView):
    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    def get(self, request, reference, letter_id):
        letter = _letter(_complaint(reference), letter_id)
        return pdf_response(letter)


def pdf_response(letter: Letter) -> HttpResponse:
    """The stored PDF of an issued letter; a draft is rendered afresh, marked DRAFT."""
    if letter.status == LetterStatus.ISSUED:
        with letter.pdf.open("rb") as handle:
            content = handle.read()
        name = f"{letter.complaint.reference}-{letter.kind}.pdf"
    else:
        content = rendering.letter_pdf(services.letter_preview_html(letter))
        name = f"{letter.complaint.reference}-{letter.kind}-draft.pdf"
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
