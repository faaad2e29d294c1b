"""The training register's API under /api/v1/training/: courses, records and the relevant
staff's standing (4.3). Read by the oversight readers; written by the officer, managers and
administrators."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from putright import dates
from putright.accounts.models import User
from putright.api.permissions import PermissionBeforeBody
from putright.contractors.models import Contractor
from putright.errors import InvalidInput
from putright.inputs import Input
from putright.oversight.permissions import ReadsOversight
from putright.training import selectors, services
from putright.training.models import Course


class CourseOut(serializers.ModelSerializer):
    validity_months = serializers.IntegerField(allow_null=True, read_only=True)

    class Meta:
        model = Course
        fields = ["id", "name", "complaint_handling", "awareness", "validity_months"]


class RecordOut(serializers.Serializer):
    id = serializers.IntegerField()
    course = serializers.CharField(source="course.name")
    staff = serializers.CharField(source="staff.username", allow_null=True, default=None)
    contractor = serializers.CharField(source="contractor.name", allow_null=True, default=None)
    person_name = serializers.CharField()
    completed_on = serializers.DateField()
    expires_on = serializers.DateField(allow_null=True)
    evidence = serializers.CharField()
    status = serializers.CharField(required=False)


class StaffOut(serializers.Serializer):
    username = serializers.CharField()
    role = serializers.CharField()
    trained = serializers.BooleanField()


class CourseIn(Input):
    name = serializers.CharField(max_length=200)
    complaint_handling = serializers.BooleanField(default=False)
    awareness = serializers.BooleanField(default=False)
    validity_months = serializers.IntegerField(
        min_value=1, max_value=120, required=False, allow_null=True, default=None
    )


class RecordIn(Input):
    course = serializers.IntegerField(min_value=1)
    staff = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    contractor = serializers.IntegerField(
        min_value=1, required=False, allow_null=True, default=None
    )
    person_name = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    completed_on = serializers.DateField()
    evidence = serializers.CharField(required=False, allow_blank=True, default="")


def _parse(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class TrainingView(PermissionBeforeBody, APIView):
    permission_classes = [ReadsOversight]

    def may_write(self, request, **url_kwargs) -> None:
        services.require_editor(request.user)


class CourseList(TrainingView):
    @extend_schema(responses=CourseOut(many=True))
    def get(self, request):
        return Response(CourseOut(selectors.courses(), many=True).data)

    @extend_schema(request=CourseIn, responses={201: CourseOut})
    def post(self, request):
        course = services.course_add(user=request.user, **_parse(CourseIn, request))
        return Response(CourseOut(course).data, status=status.HTTP_201_CREATED)


class RecordList(TrainingView):
    @extend_schema(responses=RecordOut(many=True))
    def get(self, request):
        rows = selectors.register(
            today=dates.today(), current_only=request.query_params.get("all") not in ("1", "true")
        )
        return Response(RecordOut(rows, many=True).data)

    @extend_schema(request=RecordIn, responses={201: RecordOut})
    def post(self, request):
        data = _parse(RecordIn, request)
        course = Course.objects.filter(pk=data["course"]).first()
        if course is None:
            raise InvalidInput({"course": [f"No course has id {data['course']}."]})
        staff = None
        if data["staff"]:
            staff = User.objects.filter(username=data["staff"], is_active=True).first()
            if staff is None:
                raise InvalidInput({"staff": [f"No active user called {data['staff']!r}."]})
        contractor = None
        if data["contractor"] is not None:
            contractor = Contractor.objects.filter(pk=data["contractor"]).first()
            if contractor is None:
                raise InvalidInput({"contractor": [f"No contractor has id {data['contractor']}."]})
        record = services.training_record(
            user=request.user,
            course=course,
            staff=staff,
            contractor=contractor,
            person_name=data["person_name"],
            completed_on=data["completed_on"],
            evidence=data["evidence"],
        )
        return Response(RecordOut(record).data, status=status.HTTP_201_CREATED)


class RelevantStaff(APIView):
    """4.3 today: each member of staff with a case-handling role, and whether their
    complaint-handling training is in date."""

    permission_classes = [ReadsOversight]

    @extend_schema(responses=StaffOut(many=True))
    def get(self, request):
        return Response(StaffOut(selectors.relevant_staff(day=dates.today()), many=True).data)
