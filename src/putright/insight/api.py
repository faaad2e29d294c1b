"""POST /api/v1/dissatisfaction/detect/: the detector over the API, for a housing system that
wants its own messages read (the same service as the command and the inbound mail)."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from putright.api.permissions import PermissionBeforeBody
from putright.api.views import validated
from putright.inputs import Input
from putright.insight import detector, services
from putright.insight.models import Flag, FlagChoice
from putright.insight.related import suggest_for
from putright.rules.dissatisfaction import REFS, flags_waiting
from putright.surveys.models import OfferMethod

MAX_MESSAGES = 100


class MessageInput(Input):
    id = serializers.CharField(max_length=100)
    text = serializers.CharField(max_length=detector.MAX_CHARACTERS, allow_blank=True)


class DetectInput(Input):
    messages = MessageInput(many=True, max_length=MAX_MESSAGES, allow_empty=False)


ResultOutput = inline_serializer(
    "DissatisfactionResult",
    {
        "id": serializers.CharField(),
        "dissatisfied": serializers.BooleanField(),
        "score": serializers.FloatField(min_value=0, max_value=1),
        "reasons": serializers.ListField(child=serializers.CharField()),
    },
)


class Detect(PermissionBeforeBody, APIView):
    """Whether each message expresses dissatisfaction (1.3, 1.5), with a score and the words
    that led to it. It suggests, never acts: nothing is recorded."""

    @extend_schema(
        request=DetectInput,
        responses=inline_serializer(
            "DissatisfactionResults", {"results": ResultOutput.__class__(many=True)}
        ),
    )
    def post(self, request):
        messages = validated(DetectInput, request.data)["messages"]
        return Response({"results": detector.detect_many(messages)})


class DissatisfactionFlagOut(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    source = serializers.CharField()
    ref = serializers.SerializerMethodField()
    flagged_on = serializers.DateField()
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())
    inbound_message = serializers.IntegerField(source="inbound_message_id", allow_null=True)
    service_request = serializers.IntegerField(source="service_request_id", allow_null=True)

    def get_ref(self, flag) -> str:
        return REFS[flag.source]


class FlagFollowUpIn(Input):
    choice = serializers.ChoiceField(choices=FlagChoice.choices)
    offered_on = serializers.DateField(required=False, allow_null=True)
    method = serializers.ChoiceField(choices=OfferMethod.choices, required=False, allow_blank=True)
    notes = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    complaint = serializers.DictField(required=False)


class FlagQueue(APIView):
    """The flags waiting for a follow-up (1.3, 1.5), oldest first."""

    @extend_schema(responses=DissatisfactionFlagOut(many=True))
    def get(self, request):
        waiting = flags_waiting().order_by("flagged_on", "pk")[:500]
        return Response(DissatisfactionFlagOut(waiting, many=True).data)


class FlagFollowUpCreate(PermissionBeforeBody, APIView):
    """Record the offer of the complaints process after a flag and what the resident chose."""

    @extend_schema(request=FlagFollowUpIn, responses={201: None})
    def post(self, request, pk: int):
        flag = get_object_or_404(Flag, pk=pk)
        data = validated(FlagFollowUpIn, request.data)
        follow_up = services.flag_follow_up_record(user=request.user, flag=flag, **data)
        body = {"id": follow_up.pk, "choice": follow_up.choice}
        if follow_up.complaint_id:
            body["complaint"] = follow_up.complaint.reference
        return Response(body, status=201)


class RelatedResidentIn(Input):
    id = serializers.IntegerField(required=False, min_value=1)
    name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    email = serializers.CharField(required=False, allow_blank=True, max_length=254)
    tenancy_reference = serializers.CharField(required=False, allow_blank=True, max_length=60)
    address = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class RelatedIn(Input):
    resident = RelatedResidentIn()
    category = serializers.CharField(required=False, allow_blank=True, max_length=40)
    description = serializers.CharField(max_length=detector.MAX_CHARACTERS)


class Related(PermissionBeforeBody, APIView):
    """Open complaints that look related to a complaint about to be logged (6.8): the same
    resident or address, alike in words. It suggests; `related_to` on the log decides."""

    @extend_schema(
        request=RelatedIn,
        responses=inline_serializer(
            "RelatedComplaint",
            {
                "reference": serializers.CharField(),
                "score": serializers.FloatField(),
                "why": serializers.ListField(child=serializers.CharField()),
            },
            many=True,
        ),
    )
    def post(self, request):
        data = validated(RelatedIn, request.data)
        found = suggest_for(
            data["resident"], category=data.get("category", ""), description=data["description"]
        )
        return Response([{"reference": s.reference, "score": s.score, "why": s.why} for s in found])
