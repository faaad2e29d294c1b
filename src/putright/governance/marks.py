"""The mark on a complaint received during exceptional circumstances (8.5), for the complaint
API's outputs: worked out from `received_on` and the incidents' dates, one query per request."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from putright.rules import continuity


class IncidentMark(serializers.Serializer):
    """A mixin for a complaint's output, listed before ModelSerializer in the bases."""

    received_during_incident = serializers.SerializerMethodField(
        help_text="The title of the exceptional circumstances (8.5) in force on the day the "
        "complaint was received, or null."
    )

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_received_during_incident(self, complaint) -> str | None:
        spans = self.context.get("incident_spans") if isinstance(self.context, dict) else None
        if spans is None:
            spans = continuity.spans()
            if isinstance(self.context, dict):
                self.context["incident_spans"] = spans
        span = continuity.covering(complaint.received_on, spans)
        return span.title if span else None
