"""The complaints API: thin views over putright.complaints.services (writes) and selectors (reads).

Each view checks the shape of the request, calls one service and answers with the case as it now
stands. The services decide every rule; putright.api.errors turns their refusals into 400, 403 and
409 answers.
"""

from __future__ import annotations

from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from putright.api import inputs as i
from putright.api import serializers as s
from putright.api.permissions import PermissionBeforeBody
from putright.complaints import selectors, services
from putright.complaints.models import Complaint, ServiceRequest
from putright.errors import InvalidInput
from putright.landlord.selectors import working_day_calendar

# --- shared --------------------------------------------------------------------------------


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200


def flatten_errors(errors, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested errors as the services name fields: "resident.name", "remedies[0].type"."""
    flat: dict[str, list[str]] = {}
    if isinstance(errors, dict):
        for key, value in errors.items():
            if key == "non_field_errors" and prefix:
                name = prefix
            elif isinstance(key, int):  # one item of a list, e.g. remedies[0]
                name = f"{prefix}[{key}]"
            else:
                name = f"{prefix}.{key}" if prefix else str(key)
            flat.update(flatten_errors(value, name))
    elif isinstance(errors, list) and any(isinstance(item, dict | list) for item in errors):
        for index, item in enumerate(errors):
            flat.update(flatten_errors(item, f"{prefix}[{index}]"))
    elif isinstance(errors, list):
        flat.setdefault(prefix or "non_field_errors", []).extend(str(e) for e in errors)
    else:
        flat.setdefault(prefix or "non_field_errors", []).append(str(errors))
    return flat


def validated(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    if not serializer.is_valid():
        raise InvalidInput(flatten_errors(serializer.errors))
    return serializer.validated_data


def context(request) -> dict:
    # One read of the landlord's closure days per request, however many stages are shown.
    return {"request": request, "calendar": working_day_calendar()}


def _service_request_answer(request, pk: int) -> dict:
    return s.ServiceRequestOutput(_service_request_or_404(pk), context=context(request)).data


def complaint_answer(request, reference: str, code: int = status.HTTP_200_OK) -> Response:
    complaint = selectors.complaint_get(reference=reference)
    # Who completed, decided or uploaded: one query per kind, not one per row.
    prefetch_related_objects(
        [complaint],
        "related_to",
        "stages__extensions__granted_by",
        "remedies__completed_by",
        "actions__completed_by",
        "refusals__decided_by",
        "related_issues__added_by",
        "attachments__uploaded_by",
    )
    return Response(s.ComplaintOutput(complaint, context=context(request)).data, status=code)


def complaint_or_404(reference: str) -> Complaint:
    return get_object_or_404(Complaint.objects.select_related("resident"), reference=reference)


BAD_INPUT = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description='Invalid input: each bad field named, e.g. {"received_on": ["..."]}.',
)
RULE_BROKEN = OpenApiResponse(
    s.RuleBrokenOutput,
    description="The request breaks a Code rule or the case's state; nothing was changed.",
)
NOT_PERMITTED = OpenApiResponse(
    description="Not signed in, a governance (read-only) user, or a handler acting on a case "
    "assigned to someone else."
)


def responses_for(ok_code: int, ok, *, rules: bool = True) -> dict:
    answers = {ok_code: ok, 400: BAD_INPUT, 403: NOT_PERMITTED}
    if rules:
        answers[409] = RULE_BROKEN
    return answers


# --- complaints ------------------------------------------------------------------------------


class ComplaintCollection(PermissionBeforeBody, GenericAPIView):
    pagination_class = Pagination
    serializer_class = s.ComplaintSummaryOutput

    @extend_schema(
        summary="List complaints",
        parameters=[i.ComplaintFilter],
        responses={200: s.ComplaintSummaryOutput(many=True), 400: BAD_INPUT},
    )
    def get(self, request):
        filters = validated(i.ComplaintFilter, request.query_params.dict())
        queryset = selectors.complaint_list(
            status=filters.get("status"),
            stage=filters.get("stage"),
            overdue=filters.get("overdue"),
            handler=filters.get("handler"),
            search=filters.get("q"),
        )
        page = self.paginate_queryset(queryset)
        data = s.ComplaintSummaryOutput(page, many=True, context=context(request)).data
        return self.get_paginated_response(data)

    @extend_schema(
        summary="Log a complaint (3.1, 3.2)",
        request=i.ComplaintCreateInput,
        parameters=[
            OpenApiParameter(
                "Idempotency-Key",
                str,
                OpenApiParameter.HEADER,
                required=False,
                description="8 to 100 characters, unique per complaint. A retry with the same "
                "key and body answers as the first attempt did, without a second complaint; the "
                "same key with a different body is refused (409).",
            )
        ],
        responses={
            201: s.ComplaintOutput,
            200: OpenApiResponse(
                s.ComplaintOutput,
                description="Related to an open stage 1 complaint: added to it (6.8).",
            ),
            400: BAD_INPUT,
            403: NOT_PERMITTED,
            409: RULE_BROKEN,
        },
    )
    def post(self, request):
        data = dict(validated(i.ComplaintCreateInput, request.data))
        data["related_to"] = data.get("related_to") or None
        # A retry with the same Idempotency-Key gets the first attempt's answer, never a
        # second complaint.
        complaint, created = services.complaint_log(
            user=request.user,
            idempotency_key=request.headers.get("Idempotency-Key"),
            **data,
        )
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return complaint_answer(request, complaint.reference, code)


class ComplaintDetail(PermissionBeforeBody, APIView):
    """A complaint with its stages, deadlines, remedies, actions and full record. Complaints
    cannot be changed or deleted except through the actions (5.12)."""

    @extend_schema(summary="A complaint and its full record", responses={200: s.ComplaintOutput})
    def get(self, request, reference):
        complaint_or_404(reference)
        return complaint_answer(request, reference)


class ComplaintEvents(PermissionBeforeBody, GenericAPIView):
    pagination_class = Pagination
    serializer_class = s.EventOutput

    @extend_schema(
        summary="The complaint's timeline: append-only events (5.12)",
        responses={200: s.EventOutput(many=True)},
    )
    def get(self, request, reference):
        complaint = complaint_or_404(reference)
        page = self.paginate_queryset(selectors.complaint_timeline(complaint=complaint))
        return self.get_paginated_response(s.EventOutput(page, many=True).data)


# --- service requests (1.4, 1.5) -----------------------------------------------------------


def _service_request_or_404(pk: int) -> ServiceRequest:
    return get_object_or_404(selectors.service_request_list(), pk=pk)


class ServiceRequestCollection(PermissionBeforeBody, GenericAPIView):
    pagination_class = Pagination
    serializer_class = s.ServiceRequestOutput

    @extend_schema(
        summary="List service requests (1.4)",
        parameters=[i.ServiceRequestFilter],
        responses={200: s.ServiceRequestOutput(many=True), 400: BAD_INPUT},
    )
    def get(self, request):
        filters = validated(i.ServiceRequestFilter, request.query_params.dict())
        page = self.paginate_queryset(selectors.service_request_list(state=filters.get("state")))
        return self.get_paginated_response(
            s.ServiceRequestOutput(page, many=True, context=context(request)).data
        )

    @extend_schema(
        summary="Record a service request (1.4)",
        request=i.ServiceRequestInput,
        responses=responses_for(201, s.ServiceRequestOutput, rules=False),
    )
    def post(self, request):
        data = validated(i.ServiceRequestInput, request.data)
        created = services.service_request_log(user=request.user, **data)
        answer = s.ServiceRequestOutput(
            _service_request_or_404(created.pk), context=context(request)
        ).data
        return Response(answer, status=status.HTTP_201_CREATED)


class ServiceRequestDetail(PermissionBeforeBody, APIView):
    @extend_schema(summary="A service request", responses={200: s.ServiceRequestOutput})
    def get(self, request, pk):
        return Response(
            s.ServiceRequestOutput(_service_request_or_404(pk), context=context(request)).data
        )


class ServiceRequestComplaint(PermissionBeforeBody, APIView):
    @extend_schema(
        summary="Raise a complaint about the response to a service request (1.5)",
        request=i.ServiceRequestComplaintInput,
        responses=responses_for(201, s.ComplaintOutput),
    )
    def post(self, request, pk):
        service_request = _service_request_or_404(pk)
        data = validated(i.ServiceRequestComplaintInput, request.data)
        complaint = services.complaint_raise_from_service_request(
            user=request.user, service_request=service_request, **data
        )
        return complaint_answer(request, complaint.reference, status.HTTP_201_CREATED)


class ServiceRequestComplete(PermissionBeforeBody, APIView):
    @extend_schema(
        summary="Record a service request as completed",
        request=i.CompleteInput,
        responses=responses_for(200, s.ServiceRequestOutput),
    )
    def post(self, request, pk):
        service_request = _service_request_or_404(pk)
        data = validated(i.CompleteInput, request.data)
        services.service_request_complete(
            user=request.user, service_request=service_request, **data
        )
        return Response(
            s.ServiceRequestOutput(_service_request_or_404(pk), context=context(request)).data
        )


class AttachmentFile(PermissionBeforeBody, APIView):
    """A document on the case, as a download with the type its content was found to be."""

    @extend_schema(
        summary="Download a document on the case",
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY, 404: None},
    )
    def get(self, request, reference, attachment_id):
        from putright.complaints.models import Attachment
        from putright.complaints.uploads import response

        attachment = get_object_or_404(Attachment, pk=attachment_id, complaint__reference=reference)
        return response(attachment)
