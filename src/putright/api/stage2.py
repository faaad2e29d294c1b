"""The API's inputs and outputs for the stage 2 panel (3.6, 6.20) and the compensation guide
(7.4): the panel is written through the case actions table (putright.api.case_actions), the
guide is read here and kept on its page by the complaints officer."""

from __future__ import annotations

from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated

from putright.complaints.models import CompensationBand
from putright.inputs import Input
from putright.rules import compensation


class PanelInput(Input):
    held_on = serializers.DateField()
    members = serializers.ListField(
        child=serializers.CharField(max_length=200), help_text="Who sat on it, by name."
    )
    resident_attended = serializers.BooleanField()
    accompanied_by = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Who came with the resident (3.6)."
    )
    notes = serializers.CharField(required=False, allow_blank=True, default="")


class BandOutput(serializers.ModelSerializer):
    range = serializers.SerializerMethodField()

    class Meta:
        model = CompensationBand
        fields = [
            "id",
            "failure",
            "impact",
            "minimum",
            "maximum",
            "per",
            "range",
            "description",
            "source",
            "active",
        ]

    def get_range(self, band) -> str:
        return compensation.describe(band)


class BandList(ListAPIView):
    """The compensation guide's bands (7.4): a financial remedy names one as `band`."""

    permission_classes = [IsAuthenticated]
    serializer_class = BandOutput
    queryset = CompensationBand.objects.all()
    pagination_class = None
