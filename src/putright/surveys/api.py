"""The surveys API under /api/v1/surveys/: responses (list, enter), one response with its
follow-ups, the follow-up queue, and recording a follow-up (1.3, 1.6). Views parse input and
call surveys.services; 400 names each bad field, 409 the provision."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from putright.api.permissions import PermissionBeforeBody
from putright.api.views import BAD_INPUT, Pagination, responses_for, validated
from putright.complaints.models import Category, Channel
from putright.inputs import Input
from putright.surveys import permissions, selectors, services
from putright.surveys.models import (
    FollowUpChoice,
    OfferMethod,
    Satisfaction,
    SurveyFollowUp,
    SurveyResponse,
    SurveyTenure,
)

# --- output --------------------------------------------------------------------------------


class FollowUpOut(serializers.ModelSerializer):
    recorded_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    complaint = serializers.SlugRelatedField(
        slug_field="reference", read_only=True, allow_null=True
    )

    class Meta:
        model = SurveyFollowUp
        fields = [
            "id",
            "offered_on",
            "method",
            "choice",
            "complaint",
            "notes",
            "recorded_by",
            "recorded_at",
        ]


class SurveyOut(serializers.ModelSerializer):
    complaint = serializers.SlugRelatedField(
        slug_field="reference", read_only=True, allow_null=True
    )
    resident = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    recorded_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    dissatisfied_comment = serializers.SerializerMethodField()
    follow_ups = FollowUpOut(many=True, read_only=True)

    class Meta:
        model = SurveyResponse
        fields = [
            "id",
            "provider_response_id",
            "responded_on",
            "complaint",
            "resident",
            "tenure",
            "complained_last_12_months",
            "satisfaction",
            "comment",
            "source",
            "source_file",
            "recorded_by",
            "recorded_at",
            "dissatisfied_comment",
            "follow_ups",
        ]

    def get_dissatisfied_comment(self, obj) -> bool:
        return selectors.is_dissatisfied_comment(obj)


# --- input ---------------------------------------------------------------------------------


class SurveyIn(Input):
    provider_response_id = serializers.CharField(
        required=False, allow_blank=True, max_length=services.PROVIDER_ID_MAX
    )
    responded_on = serializers.DateField()
    complaint = serializers.CharField(
        required=False, allow_blank=True, max_length=40, help_text="A complaint reference."
    )
    resident = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    tenure = serializers.ChoiceField(choices=SurveyTenure.choices)
    complained_last_12_months = serializers.BooleanField()
    satisfaction = serializers.ChoiceField(
        choices=Satisfaction.choices, required=False, allow_blank=True
    )
    comment = serializers.CharField(required=False, allow_blank=True)


class RaisedComplaintIn(Input):
    channel = serializers.ChoiceField(choices=Channel.choices)
    category = serializers.ChoiceField(choices=Category.choices, required=False)
    description = serializers.CharField(
        required=False, allow_blank=True, help_text="Blank: the survey comment."
    )
    name = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="The resident's name, when the survey is not linked to a resident.",
    )


class FollowUpIn(Input):
    offered_on = serializers.DateField()
    method = serializers.ChoiceField(choices=OfferMethod.choices)
    choice = serializers.ChoiceField(choices=FollowUpChoice.choices)
    notes = serializers.CharField(required=False, allow_blank=True)
    complaint = RaisedComplaintIn(
        required=False, help_text='With choice "raise_complaint": the complaint to log.'
    )


# --- views ---------------------------------------------------------------------------------


class SurveyCollection(PermissionBeforeBody, GenericAPIView):
    pagination_class = Pagination
    serializer_class = SurveyOut

    def may_write(self, request, **url_kwargs) -> None:
        permissions.require_recorder(request.user)

    @extend_schema(summary="List survey responses", responses={200: SurveyOut(many=True)})
    def get(self, request):
        page = self.paginate_queryset(selectors.survey_list().prefetch_related("follow_ups"))
        return self.get_paginated_response(SurveyOut(page, many=True).data)

    @extend_schema(
        summary="Enter a survey response",
        request=SurveyIn,
        responses=responses_for(201, SurveyOut, rules=False),
    )
    def post(self, request):
        data = validated(SurveyIn, request.data)
        survey = services.survey_record(user=request.user, **data)
        return Response(SurveyOut(selectors.survey_get(survey.pk)).data, status=201)


class SurveyDetail(APIView):
    @extend_schema(summary="A survey response with its follow-ups", responses={200: SurveyOut})
    def get(self, request, pk: int):
        survey = get_object_or_404(selectors.survey_list(), pk=pk)
        return Response(SurveyOut(selectors.survey_get(survey.pk)).data)


class FollowUpQueue(GenericAPIView):
    pagination_class = Pagination
    serializer_class = SurveyOut

    @extend_schema(
        summary="Dissatisfied survey comments waiting for a follow-up (1.3, 1.6)",
        responses={200: SurveyOut(many=True), 400: BAD_INPUT},
    )
    def get(self, request):
        page = self.paginate_queryset(selectors.follow_up_queue().prefetch_related("follow_ups"))
        return self.get_paginated_response(SurveyOut(page, many=True).data)


class FollowUpCreate(PermissionBeforeBody, APIView):
    def may_write(self, request, **url_kwargs) -> None:
        permissions.require_recorder(request.user)

    @extend_schema(
        summary="Record that the resident was offered the complaints process (1.3, 1.6)",
        request=FollowUpIn,
        responses=responses_for(201, FollowUpOut),
    )
    def post(self, request, pk: int):
        survey = get_object_or_404(SurveyResponse, pk=pk)
        data = dict(validated(FollowUpIn, request.data))
        if "complaint" in data:
            data["complaint"] = dict(data["complaint"])
        follow_up = services.follow_up_record(user=request.user, survey=survey, **data)
        return Response(FollowUpOut(follow_up).data, status=status.HTTP_201_CREATED)
