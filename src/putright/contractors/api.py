"""The contractors API under /api/v1/contractors/: the register, figures per contractor, a
contractor named on a complaint or a remedy, and requests for information (5.4, 5.5)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from putright import dates
from putright.api.permissions import PermissionBeforeBody
from putright.complaints.models import Complaint, Remedy
from putright.contractors import selectors, services
from putright.contractors.models import Contractor, InformationRequest, Involvement
from putright.errors import InvalidInput
from putright.inputs import Input
from putright.oversight.permissions import ReadsOversight
from putright.rules import access

# --- output --------------------------------------------------------------------------------


class ContractorOut(serializers.ModelSerializer):
    class Meta:
        model = Contractor
        fields = ["id", "name", "service", "contact", "active", "added_on"]


class ContractorFiguresOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    active = serializers.BooleanField()
    complaints = serializers.IntegerField()
    decided = serializers.IntegerField()
    upheld = serializers.IntegerField()
    upheld_percent = serializers.FloatField(allow_null=True)
    remedies_overdue = serializers.IntegerField()
    requests_total = serializers.IntegerField()
    requests_overdue = serializers.IntegerField()


class InvolvementOut(serializers.ModelSerializer):
    complaint = serializers.SlugRelatedField(slug_field="reference", read_only=True)
    contractor = serializers.SlugRelatedField(slug_field="name", read_only=True)

    class Meta:
        model = Involvement
        fields = ["id", "complaint", "contractor", "role", "named_on"]


class RequestOut(serializers.ModelSerializer):
    complaint = serializers.SlugRelatedField(slug_field="reference", read_only=True)
    contractor = serializers.SlugRelatedField(slug_field="name", read_only=True)
    answered_on = serializers.DateField(allow_null=True, read_only=True)
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = InformationRequest
        fields = [
            "id",
            "complaint",
            "contractor",
            "description",
            "sent_on",
            "due_on",
            "answered_on",
            "answer",
            "overdue",
        ]

    def get_overdue(self, obj) -> bool:
        return obj.overdue_on(dates.today())


class RemedyContractorOut(serializers.Serializer):
    remedy = serializers.IntegerField()
    contractor = serializers.CharField(allow_null=True)


# --- input ---------------------------------------------------------------------------------


class ContractorIn(Input):
    name = serializers.CharField(max_length=200)
    service = serializers.CharField(max_length=200)
    contact = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class InvolvementIn(Input):
    contractor = serializers.IntegerField(min_value=1)
    role = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class RemedyContractorIn(Input):
    contractor = serializers.IntegerField(min_value=1, allow_null=True)
    reason = serializers.CharField()


class RequestIn(Input):
    contractor = serializers.IntegerField(min_value=1)
    description = serializers.CharField()
    sent_on = serializers.DateField()
    due_on = serializers.DateField()


class AnswerIn(Input):
    answered_on = serializers.DateField()
    answer = serializers.CharField(required=False, allow_blank=True, default="")


def _parse(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _complaint(reference: str) -> Complaint:
    return get_object_or_404(Complaint, reference=reference)


def _contractor(pk) -> Contractor | None:
    if pk is None:
        return None
    contractor = Contractor.objects.filter(pk=pk).first()
    if contractor is None:
        raise InvalidInput({"contractor": [f"No contractor has id {pk}."]})
    return contractor


# --- views ---------------------------------------------------------------------------------


class ContractorList(PermissionBeforeBody, APIView):
    def may_write(self, request, **url_kwargs) -> None:
        services.require_register_editor(request.user)

    @extend_schema(responses=ContractorOut(many=True))
    def get(self, request):
        return Response(ContractorOut(Contractor.objects.order_by("name"), many=True).data)

    @extend_schema(request=ContractorIn, responses={201: ContractorOut})
    def post(self, request):
        contractor = services.contractor_add(user=request.user, **_parse(ContractorIn, request))
        return Response(ContractorOut(contractor).data, status=status.HTTP_201_CREATED)


class ContractorFigures(APIView):
    """Per contractor: complaints naming it, upheld of those decided, remedies and requests
    overdue (the figures of the contractors page)."""

    permission_classes = [ReadsOversight]

    @extend_schema(responses=ContractorFiguresOut(many=True))
    def get(self, request):
        rows = selectors.contractor_figures(today=dates.today())
        return Response(ContractorFiguresOut(rows, many=True).data)


class CaseWrite(PermissionBeforeBody, APIView):
    """A write on one complaint: those who may act on it, checked before the body is read."""

    def may_write(self, request, reference, **url_kwargs) -> None:
        access.require_can_act(request.user, _complaint(reference))


class InvolvementCreate(CaseWrite):
    @extend_schema(request=InvolvementIn, responses={201: InvolvementOut})
    def post(self, request, reference):
        data = _parse(InvolvementIn, request)
        involvement = services.contractor_name(
            user=request.user,
            complaint=_complaint(reference),
            contractor=_contractor(data["contractor"]),
            role=data["role"],
        )
        return Response(InvolvementOut(involvement).data, status=status.HTTP_201_CREATED)


class RemedyContractorSet(CaseWrite):
    @extend_schema(request=RemedyContractorIn, responses=RemedyContractorOut)
    def post(self, request, reference, pk):
        remedy = get_object_or_404(
            Remedy.objects.select_related("complaint"), pk=pk, complaint__reference=reference
        )
        data = _parse(RemedyContractorIn, request)
        contractor = _contractor(data["contractor"])
        services.remedy_contractor_set(
            user=request.user, remedy=remedy, contractor=contractor, reason=data["reason"]
        )
        return Response(
            {"remedy": remedy.pk, "contractor": contractor.name if contractor else None}
        )


class RequestList(APIView):
    """Every request to a contractor (`?overdue=1`: only those unanswered past their due date)."""

    @extend_schema(responses=RequestOut(many=True))
    def get(self, request):
        overdue = request.query_params.get("overdue") in ("1", "true")
        rows = selectors.request_list(today=dates.today(), overdue_only=overdue)
        return Response(RequestOut(rows, many=True).data)


class RequestCreate(CaseWrite):
    @extend_schema(request=RequestIn, responses={201: RequestOut})
    def post(self, request, reference):
        data = _parse(RequestIn, request)
        item = services.information_request_send(
            user=request.user,
            complaint=_complaint(reference),
            contractor=_contractor(data.pop("contractor")),
            **data,
        )
        return Response(RequestOut(item).data, status=status.HTTP_201_CREATED)


class RequestAnswer(CaseWrite):
    @extend_schema(request=AnswerIn, responses=RequestOut)
    def post(self, request, reference, pk):
        item = get_object_or_404(
            InformationRequest.objects.select_related("complaint"),
            pk=pk,
            complaint__reference=reference,
        )
        item = services.information_request_answer(
            user=request.user, request=item, **_parse(AnswerIn, request)
        )
        return Response(RequestOut(item).data)
