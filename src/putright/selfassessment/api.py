"""The self-assessment API: thin views over services (writes) and selectors (reads)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from putright.accounts.models import User
from putright.api.permissions import PermissionBeforeBody
from putright.errors import InvalidInput
from putright.selfassessment import selectors, services
from putright.selfassessment import serializers as s
from putright.selfassessment.exporters import EXPORTERS
from putright.selfassessment.live_evidence import live_evidence_for
from putright.selfassessment.models import Answer, SelfAssessment
from putright.selfassessment.uploads import read_upload


class ReadOrEdit(BasePermission):
    """Signed-in staff read; who may write is each view's `writers`, the services' own role
    sets, checked before the body is read (governance records the governing body's approval and
    nothing else)."""

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated)


class SelfAssessmentView(PermissionBeforeBody, APIView):
    permission_classes = [ReadOrEdit]
    writers: set[str] = services.EDITORS
    doing = "change a self-assessment"

    def may_write(self, request, **url_kwargs) -> None:
        services.require_role(request.user, self.writers, self.doing)


def _valid(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    if not serializer.is_valid():
        raise InvalidInput({k: [str(e) for e in v] for k, v in serializer.errors.items()})
    return serializer.validated_data


def _detail(pk: int) -> SelfAssessment:
    try:
        return selectors.selfassessment_detail(pk)
    except SelfAssessment.DoesNotExist:
        from django.http import Http404

        raise Http404 from None


def _detail_response(pk: int, code=status.HTTP_200_OK) -> Response:
    self_assessment = _detail(pk)
    data = s.SelfAssessmentSerializer(
        self_assessment, context={"live_evidence": live_evidence_for(self_assessment)}
    ).data
    return Response(data, status=code)


class SelfAssessmentList(SelfAssessmentView):
    doing = "start a self-assessment"

    @extend_schema(responses=s.SelfAssessmentSummarySerializer(many=True))
    def get(self, request):
        rows = selectors.selfassessment_list(status=request.query_params.get("status"))
        return Response(s.SelfAssessmentSummarySerializer(rows, many=True).data)

    @extend_schema(request=s.CreateSerializer, responses={201: s.SelfAssessmentSerializer})
    def post(self, request):
        data = _valid(s.CreateSerializer, request.data)
        created = services.selfassessment_create(user=request.user, **data)
        return _detail_response(created.pk, status.HTTP_201_CREATED)


class SelfAssessmentImport(SelfAssessmentView):
    """POST a form (multipart: `file`, `period_start`, `period_end`, optional `code`): a draft
    self-assessment of its answers, or 400 naming every row that could not be read."""

    doing = "import a self-assessment"
    parser_classes = [MultiPartParser]

    @extend_schema(request=s.ImportSerializer, responses={201: s.SelfAssessmentSerializer})
    def post(self, request):
        data = _valid(s.ImportSerializer, request.data)
        upload = data["file"]
        form = read_upload(upload.name, upload.read(), code=data.get("code") or None)
        created = services.selfassessment_import(
            user=request.user,
            form=form,
            period_start=data["period_start"],
            period_end=data["period_end"],
            source=upload.name,
        )
        return _detail_response(created.pk, status.HTTP_201_CREATED)


class SubmissionPack(SelfAssessmentView):
    """The Ombudsman's annual submission pack for the financial year being worked towards."""

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request):
        from putright.selfassessment.submission import pack

        return Response(pack().as_dict())


class SelfAssessmentDetail(SelfAssessmentView):
    @extend_schema(responses=s.SelfAssessmentSerializer)
    def get(self, request, pk):
        return _detail_response(pk)


class AnswerDetail(SelfAssessmentView):
    @extend_schema(request=s.AnswerUpdateSerializer, responses=s.AnswerSerializer)
    def patch(self, request, pk, ref):
        answer = get_object_or_404(Answer, self_assessment_id=pk, ref=ref)
        data = _valid(s.AnswerUpdateSerializer, request.data)
        answer = services.answer_update(user=request.user, answer=answer, **data)
        return Response(s.AnswerSerializer(answer).data)


class AnswerActions(SelfAssessmentView):
    @extend_schema(request=s.ActionCreateSerializer, responses={201: s.ActionSerializer})
    def post(self, request, pk, ref):
        answer = get_object_or_404(Answer, self_assessment_id=pk, ref=ref)
        data = _valid(s.ActionCreateSerializer, request.data)
        owner = None
        if data["owner"]:
            owner = User.objects.filter(username=data["owner"]).first()
            if owner is None:
                raise InvalidInput({"owner": f"No user called {data['owner']!r}."})
        action = services.improvement_action_add(
            user=request.user,
            answer=answer,
            description=data["description"],
            due_on=data["due_on"],
            owner=owner,
            owner_name=data["owner_name"],
        )
        return Response(s.ActionSerializer(action).data, status=status.HTTP_201_CREATED)


STEPS = {
    "complete": (services.selfassessment_complete, "completed_on", services.COMPLETERS),
    "review": (services.selfassessment_review, "reviewed_on", services.REVIEWERS),
    "approve": (services.selfassessment_approve, "approved_on", services.APPROVAL_RECORDERS),
    "publish": (services.selfassessment_publish, "published_on", services.EDITORS),
}


class Step(SelfAssessmentView):
    """POST {"on": "YYYY-MM-DD"} to complete, review, approve (the governing body's date) or
    publish."""

    step = ""

    def may_write(self, request, **url_kwargs) -> None:
        services.require_role(request.user, STEPS[self.step][2], f"{self.step} a self-assessment")

    @extend_schema(request=s.DateSerializer, responses=s.SelfAssessmentSerializer)
    def post(self, request, pk):
        service, date_field, _ = STEPS[self.step]
        on = _valid(s.DateSerializer, request.data)["on"]
        self_assessment = get_object_or_404(SelfAssessment, pk=pk)
        service(user=request.user, self_assessment=self_assessment, **{date_field: on})
        return _detail_response(pk)


class Export(SelfAssessmentView):
    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    def get(self, request, pk, fmt):
        if fmt not in EXPORTERS:
            return Response({"format": ["Choose docx, pdf, html or csv."]}, status=404)
        exporter, content_type = EXPORTERS[fmt]
        self_assessment = get_object_or_404(SelfAssessment, pk=pk)
        response = HttpResponse(exporter(self_assessment), content_type=content_type)
        name = f"self-assessment-{self_assessment.period_end:%Y-%m-%d}.{fmt}"
        if fmt != "html":
            response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class Compare(SelfAssessmentView):
    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request, pk, other):
        earlier = get_object_or_404(SelfAssessment, pk=other)
        later = get_object_or_404(SelfAssessment, pk=pk)
        comparison = selectors.selfassessment_compare(earlier, later)
        return Response(
            {
                "earlier": earlier.pk,
                "later": later.pk,
                "changed": [
                    {"ref": c.ref, "before": c.before, "after": c.after} for c in comparison.changed
                ],
                "added": comparison.added,
                "removed": comparison.removed,
                "open_actions": [
                    {
                        "self_assessment": a.answer.self_assessment_id,
                        "ref": a.answer.ref,
                        **s.ActionSerializer(a).data,
                    }
                    for a in comparison.open_actions
                ],
            }
        )
