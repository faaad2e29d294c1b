"""POST /api/v1/dissatisfaction/detect/: the detector over the API, for a housing system that
wants its own messages read (the same service as the command and the inbound mail)."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from putright.api.permissions import PermissionBeforeBody
from putright.api.views import validated
from putright.inputs import Input
from putright.insight import detector

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
