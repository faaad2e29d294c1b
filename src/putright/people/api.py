"""The people API: residents, their adjustments and restrictions, risk flags, keeping residents
informed, and the subject access export. Views parse input and call the services."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from putright.api.permissions import PermissionBeforeBody
from putright.inputs import Input
from putright.people import contact_details, data_protection, residents, selectors, services
from putright.people.contact_details import WithholdsContactDetails
from putright.people.models import (
    AdjustmentReview,
    ReasonableAdjustment,
    Resident,
    ResidentUpdate,
    Restriction,
    RestrictionReview,
    UpdateAgreement,
    VulnerabilityFlag,
)

# --- output --------------------------------------------------------------------------------


class AdjustmentReviewOut(serializers.ModelSerializer):
    reviewed_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta:
        model = AdjustmentReview
        fields = ["id", "reviewed_on", "outcome", "notes", "next_review_on", "reviewed_by"]


class AdjustmentOut(serializers.ModelSerializer):
    agreed_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    reviews = AdjustmentReviewOut(many=True, read_only=True)

    class Meta:
        model = ReasonableAdjustment
        fields = [
            "id",
            "description",
            "disclosed_disability",
            "agreed_on",
            "agreed_by",
            "review_on",
            "source",
            "ended_on",
            "reviews",
        ]


class RestrictionReviewOut(serializers.ModelSerializer):
    reviewed_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta:
        model = RestrictionReview
        fields = ["id", "reviewed_on", "outcome", "reasons", "next_review_on", "reviewed_by"]


class RestrictionOut(serializers.ModelSerializer):
    decided_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    reviews = RestrictionReviewOut(many=True, read_only=True)
    active = serializers.SerializerMethodField()

    class Meta:
        model = Restriction
        fields = [
            "id",
            "behaviour",
            "evidence",
            "restriction",
            "equality_considered",
            "equality_notes",
            "decided_by",
            "decided_on",
            "resident_told_on",
            "review_on",
            "ends_on",
            "lifted_on",
            "lifted_reason",
            "active",
            "reviews",
        ]

    def get_active(self, obj) -> bool:
        from putright import dates

        return obj.is_active_on(dates.today())


class ResidentOut(WithholdsContactDetails, serializers.ModelSerializer):
    adjustments = AdjustmentOut(many=True, read_only=True)
    restrictions = RestrictionOut(many=True, read_only=True)

    class Meta:
        model = Resident
        fields = [
            "id",
            "name",
            "email",
            "phone",
            "address",
            "tenancy_reference",
            "preferred_contact_method",
            "anonymised_at",
            "adjustments",
            "restrictions",
        ]
        extra_kwargs = contact_details.NULLABLE


class FlagOut(serializers.ModelSerializer):
    class Meta:
        model = VulnerabilityFlag
        fields = ["id", "kind", "reason", "raised_on", "cleared_on"]


class AgreementOut(serializers.ModelSerializer):
    class Meta:
        model = UpdateAgreement
        fields = ["id", "stage", "interval_working_days", "agreed_on", "method", "notes"]


class UpdateOut(serializers.ModelSerializer):
    class Meta:
        model = ResidentUpdate
        fields = ["id", "action", "given_on", "method", "summary"]


# --- input: types only; the services decide what is required -------------------------------


def _date():
    return serializers.DateField(required=False, allow_null=True)


def _text():
    return serializers.CharField(required=False, allow_blank=True, allow_null=True)


class AdjustmentIn(Input):
    description = _text()
    disclosed_disability = _text()
    agreed_on = _date()
    review_on = _date()


class ReviewIn(Input):
    outcome = _text()
    reviewed_on = _date()
    next_review_on = _date()
    notes = _text()
    reasons = _text()
    description = _text()
    restriction = _text()


class RestrictionIn(Input):
    behaviour = _text()
    evidence = _text()
    restriction = _text()
    equality_considered = serializers.BooleanField(required=False, allow_null=True, default=None)
    equality_notes = _text()
    decided_on = _date()
    resident_told_on = _date()
    review_on = _date()
    ends_on = _date()


class LiftIn(Input):
    lifted_on = _date()
    reason = _text()


class FlagIn(Input):
    kind = _text()
    reason = _text()
    raised_on = _date()


class AgreementIn(Input):
    interval_working_days = serializers.IntegerField(required=False, allow_null=True)
    agreed_on = _date()
    method = _text()
    notes = _text()


class UpdateIn(Input):
    given_on = _date()
    method = _text()
    summary = _text()
    action = serializers.IntegerField(required=False, allow_null=True)


class MergeIn(Input):
    into = serializers.IntegerField(help_text="The id of the resident record to keep.")
    reason = serializers.CharField(help_text="Why these are the same resident.")


def _parse(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return {k: v for k, v in serializer.validated_data.items()}


def _resident(pk) -> Resident:
    return get_object_or_404(Resident, pk=pk)


def _complaint(reference):
    from putright.complaints.models import Complaint

    return get_object_or_404(Complaint, reference=reference)


# --- who may write: the services' own checks, before the body (docs/api.md) ----------------


class StaffWrite(PermissionBeforeBody, APIView):
    """Any staff member who can change records: adjustments, and risk flags on any case (the
    deliberate safeguarding exception, docs/api.md)."""

    def may_write(self, request, **url_kwargs) -> None:
        services.require_staff(request.user)


class RestrictionWrite(PermissionBeforeBody, APIView):
    def may_write(self, request, **url_kwargs) -> None:
        services.require_restriction_decider(request.user)


class CaseWrite(PermissionBeforeBody, APIView):
    """Keeping a resident informed on a case: those who may act on it."""

    def may_write(self, request, reference, **url_kwargs) -> None:
        services.require_can_act(request.user, _complaint(reference))


# --- residents -----------------------------------------------------------------------------


class ResidentDetail(PermissionBeforeBody, APIView):
    @extend_schema(responses=ResidentOut)
    def get(self, request, pk):
        try:
            resident = selectors.resident_get(pk=pk)
        except Resident.DoesNotExist:
            resident = _resident(pk)
        return Response(ResidentOut(resident, context={"request": request}).data)


class ResidentMerge(PermissionBeforeBody, APIView):
    def may_write(self, request, **url_kwargs) -> None:
        residents.require_merger(request.user)

    @extend_schema(
        summary="Merge this duplicate resident record into another (officer and managers)",
        request=MergeIn,
        responses=ResidentOut,
    )
    def post(self, request, pk):
        data = _parse(MergeIn, request)
        into = services.resident_merge(
            user=request.user,
            duplicate=_resident(pk),
            into=_resident(data["into"]),
            reason=data["reason"],
        )
        return Response(ResidentOut(into, context={"request": request}).data)


class AdjustmentCreate(StaffWrite):
    @extend_schema(request=AdjustmentIn, responses={201: AdjustmentOut})
    def post(self, request, pk):
        data = _parse(AdjustmentIn, request)
        adjustment = services.adjustment_agree(
            user=request.user,
            resident=_resident(pk),
            description=data.get("description"),
            disclosed_disability=data.get("disclosed_disability") or "",
            agreed_on=data.get("agreed_on"),
            review_on=data.get("review_on"),
        )
        return Response(AdjustmentOut(adjustment).data, status=status.HTTP_201_CREATED)


class AdjustmentReviewCreate(StaffWrite):
    @extend_schema(request=ReviewIn, responses={201: AdjustmentReviewOut})
    def post(self, request, pk, aid):
        adjustment = get_object_or_404(ReasonableAdjustment, pk=aid, resident_id=pk)
        data = _parse(ReviewIn, request)
        review = services.adjustment_review(
            user=request.user,
            adjustment=adjustment,
            outcome=data.get("outcome"),
            reviewed_on=data.get("reviewed_on"),
            next_review_on=data.get("next_review_on"),
            notes=data.get("notes") or "",
            description=data.get("description"),
        )
        return Response(AdjustmentReviewOut(review).data, status=status.HTTP_201_CREATED)


class RestrictionCreate(RestrictionWrite):
    @extend_schema(request=RestrictionIn, responses={201: RestrictionOut})
    def post(self, request, pk):
        data = _parse(RestrictionIn, request)
        restriction = services.restriction_impose(
            user=request.user,
            resident=_resident(pk),
            behaviour=data.get("behaviour"),
            evidence=data.get("evidence") or "",
            restriction=data.get("restriction"),
            equality_considered=data.get("equality_considered"),
            equality_notes=data.get("equality_notes") or "",
            decided_on=data.get("decided_on"),
            resident_told_on=data.get("resident_told_on"),
            review_on=data.get("review_on"),
            ends_on=data.get("ends_on"),
        )
        return Response(RestrictionOut(restriction).data, status=status.HTTP_201_CREATED)


class RestrictionReviewCreate(RestrictionWrite):
    @extend_schema(request=ReviewIn, responses={201: RestrictionReviewOut})
    def post(self, request, pk, rid):
        restriction = get_object_or_404(Restriction, pk=rid, resident_id=pk)
        data = _parse(ReviewIn, request)
        review = services.restriction_review(
            user=request.user,
            restriction=restriction,
            outcome=data.get("outcome"),
            reviewed_on=data.get("reviewed_on"),
            reasons=data.get("reasons"),
            next_review_on=data.get("next_review_on"),
            restriction_text=data.get("restriction"),
        )
        return Response(RestrictionReviewOut(review).data, status=status.HTTP_201_CREATED)


class RestrictionLift(RestrictionWrite):
    @extend_schema(request=LiftIn, responses=RestrictionOut)
    def post(self, request, pk, rid):
        restriction = get_object_or_404(Restriction, pk=rid, resident_id=pk)
        data = _parse(LiftIn, request)
        restriction = services.restriction_lift(
            user=request.user,
            restriction=restriction,
            lifted_on=data.get("lifted_on"),
            reason=data.get("reason"),
        )
        return Response(RestrictionOut(restriction).data)


class ResidentExport(PermissionBeforeBody, APIView):
    """The subject access export (UK GDPR Article 15), recorded in the audit trail."""

    @extend_schema(responses={200: dict})
    def get(self, request, pk):
        data = data_protection.subject_access_export(user=request.user, resident=_resident(pk))
        response = Response(data)
        response["Content-Disposition"] = f'attachment; filename="resident-{pk}-sar.json"'
        return response


# --- complaints: risk flags and keeping informed -------------------------------------------


class FlagCreate(StaffWrite):
    @extend_schema(request=FlagIn, responses={201: FlagOut})
    def post(self, request, reference):
        data = _parse(FlagIn, request)
        flag = services.vulnerability_flag(
            user=request.user,
            complaint=_complaint(reference),
            kind=data.get("kind"),
            reason=data.get("reason"),
            raised_on=data.get("raised_on"),
        )
        return Response(FlagOut(flag).data, status=status.HTTP_201_CREATED)


class AgreementCreate(CaseWrite):
    @extend_schema(request=AgreementIn, responses={201: AgreementOut})
    def post(self, request, reference):
        data = _parse(AgreementIn, request)
        agreement = services.update_interval_agree(
            user=request.user,
            complaint=_complaint(reference),
            interval_working_days=data.get("interval_working_days"),
            agreed_on=data.get("agreed_on"),
            method=data.get("method"),
            notes=data.get("notes") or "",
        )
        return Response(AgreementOut(agreement).data, status=status.HTTP_201_CREATED)


class UpdateCreate(CaseWrite):
    @extend_schema(request=UpdateIn, responses={201: UpdateOut})
    def post(self, request, reference):
        from putright.complaints.models import OutstandingAction

        complaint = _complaint(reference)
        data = _parse(UpdateIn, request)
        action = None
        if data.get("action"):
            action = get_object_or_404(OutstandingAction, pk=data["action"])
        update = services.resident_update_give(
            user=request.user,
            complaint=complaint,
            given_on=data.get("given_on"),
            method=data.get("method"),
            summary=data.get("summary"),
            action=action,
        )
        return Response(UpdateOut(update).data, status=status.HTTP_201_CREATED)
