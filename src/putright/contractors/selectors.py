"""Reads of the contractors app. The figures per contractor are one grouped query whatever the
number of contractors or complaints (each column a correlated count)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from putright.complaints.models import Complaint, Decision, Stage
from putright.complaints.workflow import Status
from putright.contractors.models import (
    Contractor,
    InformationRequest,
    Involvement,
    RemedyContractor,
)

UPHELD = [Decision.UPHELD, Decision.PARTLY_UPHELD]


def _count(queryset, by: str = "contractor"):
    counted = queryset.order_by().values(by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def contractor_figures(*, today: dt.date):
    """Each contractor with: `complaints` (naming it), `decided` (of those, with a decision at
    some stage), `upheld` (upheld or partly upheld at some stage), `remedies_overdue` (remedies
    it must carry out, not done and past their due date), `requests` and `requests_overdue`
    (information requests unanswered past their due date). `upheld_percent` is computed from
    the row, not queried."""
    named = Involvement.objects.filter(contractor=OuterRef("pk"), removed_on__isnull=True)
    decided_stage = Stage.objects.filter(complaint=OuterRef("complaint")).exclude(decision="")
    upheld_stage = Stage.objects.filter(complaint=OuterRef("complaint"), decision__in=UPHELD)
    overdue_remedies = RemedyContractor.objects.filter(
        contractor=OuterRef("pk"), remedy__completed_on__isnull=True, remedy__due_on__lt=today
    ).exclude(remedy__complaint__status__in=[Status.REFUSED, Status.WITHDRAWN])
    requests = InformationRequest.objects.filter(contractor=OuterRef("pk"))
    rows = Contractor.objects.annotate(
        complaints=_count(named),
        decided=_count(named.filter(Exists(decided_stage))),
        upheld=_count(named.filter(Exists(upheld_stage))),
        remedies_overdue=_count(overdue_remedies),
        requests_total=_count(requests),
        requests_overdue=_count(requests.filter(answered_on__isnull=True, due_on__lt=today)),
    ).order_by("-active", "name")
    result = list(rows)
    for row in result:
        row.upheld_percent = round(100 * row.upheld / row.decided, 1) if row.decided else None
    return result


def contractors_named_on(complaint: Complaint):
    return list(
        Involvement.objects.filter(complaint=complaint, removed_on__isnull=True).select_related(
            "contractor"
        )
    )


def requests_on(complaint: Complaint):
    return list(InformationRequest.objects.filter(complaint=complaint).select_related("contractor"))


def remedy_contractors(complaint: Complaint) -> dict[int, Contractor]:
    return {
        row.remedy_id: row.contractor
        for row in RemedyContractor.objects.filter(remedy__complaint=complaint).select_related(
            "contractor"
        )
    }


def active_contractors():
    return Contractor.objects.filter(active=True).order_by("name")


def request_list(*, today: dt.date, overdue_only: bool = False):
    rows = InformationRequest.objects.select_related("contractor", "complaint")
    if overdue_only:
        rows = rows.filter(answered_on__isnull=True, due_on__lt=today)
    return rows.order_by("answered_on", "due_on", "pk")
