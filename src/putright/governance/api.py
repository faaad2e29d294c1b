"""The governance API: thin views over governance.services (writes) and selectors (reads).
Officers, managers and administrators write; governance users read; 400 names each bad field."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from putright.accounts.models import User
from putright.api.permissions import PermissionBeforeBody
from putright.errors import InvalidInput
from putright.governance import selectors, services
from putright.governance import serializers as s
from putright.governance.models import Incident, Meeting
from putright.oversight import permissions
from putright.oversight.models import OmbudsmanCase


class ReadsOrEdits(BasePermission):
    """Oversight readers read; editors write (checked before the body is read)."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return permissions.can_read_oversight(request.user)
        return permissions.can_edit_oversight(request.user)


class GovernanceView(PermissionBeforeBody, APIView):
    permission_classes = [ReadsOrEdits]


def _valid(serializer_class, data, *, partial: bool = False) -> dict:
    serializer = serializer_class(data=data, partial=partial)
    if not serializer.is_valid():
        raise InvalidInput({k: [str(e) for e in v] for k, v in serializer.errors.items()})
    return dict(serializer.validated_data)


def _user(data: dict, field: str) -> User | None:
    username = data.get(field) or ""
    if not username:
        return None
    user = User.objects.filter(username=username).first()
    if user is None:
        raise InvalidInput({field: [f"No user called {username!r}."]})
    return user


class AccountabilityView(GovernanceView):
    """Who is accountable for complaints: the senior lead (9.4) and the MRC (9.5)."""

    @extend_schema(responses=s.AccountabilityOutput)
    def get(self, request):
        return Response(s.AccountabilityOutput(selectors.accountability()).data)

    @extend_schema(request=s.AccountabilityInput, responses=s.AccountabilityOutput)
    def put(self, request):
        data = _valid(s.AccountabilityInput, request.data)
        data["mrc_user"] = _user(data, "mrc_user")
        data["senior_lead_user"] = _user(data, "senior_lead_user")
        record = services.accountability_set(user=request.user, **data)
        return Response(s.AccountabilityOutput(record).data)


class IncidentList(GovernanceView):
    """Exceptional circumstances (8.5)."""

    @extend_schema(responses=s.IncidentOutput(many=True))
    def get(self, request):
        return Response(s.IncidentOutput(selectors.incident_list(), many=True).data)

    @extend_schema(request=s.IncidentInput, responses={201: s.IncidentOutput})
    def post(self, request):
        incident = services.incident_record(
            user=request.user, **_valid(s.IncidentInput, request.data)
        )
        return Response(s.IncidentOutput(incident).data, status=status.HTTP_201_CREATED)


class IncidentDetail(GovernanceView):
    @extend_schema(responses=s.IncidentOutput)
    def get(self, request, pk):
        return Response(s.IncidentOutput(get_object_or_404(Incident, pk=pk)).data)

    @extend_schema(request=s.IncidentUpdateInput, responses=s.IncidentOutput)
    def patch(self, request, pk):
        incident = get_object_or_404(Incident, pk=pk)
        changes = _valid(s.IncidentUpdateInput, request.data, partial=True)
        incident = services.incident_update(user=request.user, incident=incident, **changes)
        return Response(s.IncidentOutput(incident).data)


class ChangeList(GovernanceView):
    """Organisational changes: each prompts a new self-assessment (8.3)."""

    @extend_schema(responses=s.ChangeOutput(many=True))
    def get(self, request):
        return Response(s.ChangeOutput(selectors.organisational_changes(), many=True).data)

    @extend_schema(request=s.ChangeInput, responses={201: s.ChangeOutput})
    def post(self, request):
        data = _valid(s.ChangeInput, request.data)
        change = services.organisational_change_record(user=request.user, **data)
        return Response(s.ChangeOutput(change).data, status=status.HTTP_201_CREATED)


def _meeting_answer(meeting: Meeting, code=status.HTTP_200_OK) -> Response:
    agenda = selectors.meeting_agenda(meeting)
    data = s.MeetingDetailOutput(meeting, context={"to_report": agenda["to_report"]}).data
    return Response(data, status=code)


class MeetingList(GovernanceView):
    """The governing body's meetings, held and scheduled, with the reports each received."""

    @extend_schema(responses=s.MeetingOutput(many=True))
    def get(self, request):
        return Response(s.MeetingOutput(selectors.meetings(), many=True).data)

    @extend_schema(request=s.MeetingInput, responses={201: s.MeetingDetailOutput})
    def post(self, request):
        meeting = services.meeting_record(user=request.user, **_valid(s.MeetingInput, request.data))
        return _meeting_answer(meeting, status.HTTP_201_CREATED)


class MeetingDetail(GovernanceView):
    @extend_schema(responses=s.MeetingDetailOutput)
    def get(self, request, pk):
        return _meeting_answer(get_object_or_404(Meeting, pk=pk))


class MeetingReports(GovernanceView):
    """Record a report that went to the meeting; a determination names its Ombudsman case."""

    @extend_schema(request=s.ReportInput, responses={201: s.MeetingDetailOutput})
    def post(self, request, pk):
        meeting = get_object_or_404(Meeting, pk=pk)
        data = _valid(s.ReportInput, request.data)
        case = None
        if data["ombudsman_case"] is not None:
            case = OmbudsmanCase.objects.filter(pk=data["ombudsman_case"]).first()
            if case is None:
                raise InvalidInput({"ombudsman_case": ["No Ombudsman case with that id."]})
        services.report_presented_record(
            user=request.user,
            meeting=meeting,
            kind=data["kind"],
            title=data["title"],
            ombudsman_case=case,
        )
        return _meeting_answer(meeting, status.HTTP_201_CREATED)
