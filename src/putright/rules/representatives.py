"""3.6 (with 1.3): residents can be represented, and the landlord handles a complaint made or
pursued by a representative under its policy. Putright keeps the resident's consent to the
representative acting for them: how it was given, when, the evidence and who recorded it
(people.representatives).

The measure: complaints received in the period with a representative acting on them, judged once
stage 1 has been acknowledged (from then the landlord deals with the representative), counting
those whose consent is recorded. Before the acknowledgement a case is pending. Consent is not
refused at intake (a representative often complains first and the resident's consent follows),
so the figure is not enforced.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef

from putright.complaints.models import Complaint, Stage
from putright.rules.figures import Figure

MEASURE = "Complaints made through a representative with the resident's consent recorded"


def has_consent(representative) -> bool:
    return bool(representative.consent_method and representative.consent_given_on)


def measure(*, period_start: dt.date, period_end: dt.date, code_version: str = "2024") -> Figure:
    acknowledged = Stage.objects.filter(
        complaint=OuterRef("pk"), number=1, acknowledged_on__isnull=False
    )
    rows = (
        Complaint.objects.filter(
            received_on__range=(period_start, period_end),
            code_version=code_version,
            representative__isnull=False,
        )
        .annotate(acknowledged=Exists(acknowledged))
        .order_by("reference")
        .values_list(
            "reference",
            "acknowledged",
            "representative__consent_method",
            "representative__consent_given_on",
        )
    )
    figure = Figure("3.6", MEASURE)
    for reference, acknowledged, method, given_on in rows:
        if not acknowledged:
            figure.pending += 1
            continue
        figure.add(bool(method and given_on), reference)
    return figure
