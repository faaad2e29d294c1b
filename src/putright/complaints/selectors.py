"""Reads of complaints, with their related rows fetched up front so that a page's query count
does not grow with its rows."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from putright import dates
from putright.complaints.models import (
    Complaint,
    Event,
    Extension,
    Note,
    OutstandingAction,
    Remedy,
    ServiceRequest,
    Stage,
)
from putright.complaints.workflow import OPEN_STATUSES, Status
from putright.landlord.selectors import working_day_calendar
from putright.search.selectors import search as search_complaints


def _with_related(queryset: QuerySet[Complaint]) -> QuerySet[Complaint]:
    return queryset.select_related("resident", "representative").prefetch_related(
        Prefetch(
            "stages",
            queryset=Stage.objects.select_related("handler", "decision_maker").prefetch_related(
                Prefetch("extensions", queryset=Extension.objects.order_by("created_at", "pk"))
            ),
        ),
        "co_complainants",
    )


def _overdue_q(today: dt.date) -> Q:
    current = Stage.objects.filter(complaint=OuterRef("pk"), number=OuterRef("stage"))
    late_ack = current.filter(acknowledged_on__isnull=True, acknowledge_by__lt=today)
    late_response = current.filter(
        acknowledged_on__isnull=False, responded_on__isnull=True, respond_by__lt=today
    )
    return Q(status__in=[Status.AWAITING_ACKNOWLEDGEMENT, Status.INVESTIGATING]) & (
        Exists(late_ack) | Exists(late_response)
    )


def complaint_list(
    *,
    status: str | None = None,
    stage: int | None = None,
    overdue: bool | None = None,
    handler: str | None = None,
    search: str | None = None,
    today: dt.date | None = None,
) -> QuerySet[Complaint]:
    queryset = Complaint.objects.all()
    if status:
        queryset = queryset.filter(status=status)
    if stage:
        queryset = queryset.filter(stage=stage)
    if handler:
        queryset = queryset.filter(
            Exists(
                Stage.objects.filter(
                    complaint=OuterRef("pk"),
                    number=OuterRef("stage"),
                    handler__username=handler,
                )
            )
        )
    if overdue is not None:
        condition = _overdue_q(today or dates.today())
        queryset = queryset.filter(condition) if overdue else queryset.exclude(condition)
    if search:
        # The one search, shared with the header search box and the web list.
        queryset = search_complaints(search, queryset)
    return _with_related(queryset)


def complaint_get(*, reference: str) -> Complaint:
    return (
        _with_related(Complaint.objects.all())
        .prefetch_related(
            Prefetch("remedies", queryset=Remedy.objects.select_related("band").order_by("pk")),
            "stages__panels",  # the case page only (3.6), not the lists
            Prefetch("actions", queryset=OutstandingAction.objects.order_by("due_on", "pk")),
            Prefetch(
                "events",
                queryset=Event.objects.order_by("occurred_at", "pk"),
            ),
            "refusals",
            "related_issues",
            "notes__author",
            "attachments",
        )
        .get(reference=reference)
    )


def complaint_timeline(*, complaint: Complaint) -> QuerySet[Event]:
    return complaint.events.order_by("occurred_at", "pk")


@dataclass(frozen=True)
class StageDeadline:
    """Where a stage stands against its deadlines today."""

    due: dt.date | None  # the statutory date the next step is due
    internal_due: dt.date | None
    working_days_left: int | None  # 0 on the due day, negative when overdue
    overdue: bool
    internal_overdue: bool
    step: str  # "acknowledge" or "respond", or "" when nothing is due


def stage_deadline(
    stage: Stage, status: str, today: dt.date | None = None, calendar=None
) -> StageDeadline:
    """`calendar`: pass one working_day_calendar() in when looping over a page of stages, so that
    the closure days are read once per page rather than once per row."""
    today = today or dates.today()
    if status not in OPEN_STATUSES or stage.responded_on is not None:
        return StageDeadline(None, None, None, False, False, "")
    calendar = calendar if calendar is not None else working_day_calendar()
    if stage.acknowledged_on is None:
        step, due, internal = "acknowledge", stage.acknowledge_by, stage.internal_acknowledge_by
    else:
        step, due, internal = "respond", stage.respond_by, stage.internal_respond_by
    left = calendar.working_days_between(today, due) if due else None
    if due and today > due:
        # Overdue is always negative, even on the weekend straight after a Friday due date,
        # when no working day has yet passed.
        left = min(-1, -calendar.working_days_between(due, today))
    return StageDeadline(
        due=due,
        internal_due=internal,
        working_days_left=left,
        overdue=bool(due and today > due),
        internal_overdue=bool(internal and today > internal),
        step=step,
    )


def complaints_due_within(
    *, working_days: int, handler=None, today: dt.date | None = None
) -> QuerySet[Complaint]:
    """Open complaints whose next statutory step falls due within `working_days` (not overdue)."""
    today = today or dates.today()
    horizon = working_day_calendar().add_working_days(today, working_days)
    current = Stage.objects.filter(complaint=OuterRef("pk"), number=OuterRef("stage"))
    ack_due = current.filter(
        acknowledged_on__isnull=True, acknowledge_by__gte=today, acknowledge_by__lte=horizon
    )
    response_due = current.filter(
        acknowledged_on__isnull=False,
        responded_on__isnull=True,
        respond_by__gte=today,
        respond_by__lte=horizon,
    )
    queryset = Complaint.objects.filter(
        status__in=[Status.AWAITING_ACKNOWLEDGEMENT, Status.INVESTIGATING]
    ).filter(Exists(ack_due) | Exists(response_due))
    if handler is not None:
        queryset = queryset.filter(Exists(current.filter(handler=handler)))
    return _with_related(queryset)


def remedies_overdue(*, today: dt.date | None = None) -> QuerySet[Remedy]:
    today = today or dates.today()
    return Remedy.objects.select_related("complaint", "complaint__resident").filter(
        completed_on__isnull=True, due_on__lt=today
    )


def actions_overdue(*, today: dt.date | None = None) -> QuerySet[OutstandingAction]:
    today = today or dates.today()
    return OutstandingAction.objects.select_related("complaint", "complaint__resident").filter(
        completed_on__isnull=True, due_on__lt=today
    )


def service_request_list(*, state: str | None = None) -> QuerySet[ServiceRequest]:
    queryset = ServiceRequest.objects.select_related("resident").prefetch_related("complaints")
    return queryset.filter(state=state) if state else queryset


# A UK postcode, as residents write it: "RV1 4AQ", "rv14aq".
POSTCODE_RE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b")
REFERENCE_DIGITS_RE = re.compile(r"^(?:CMP)?-?\s*0*(\d{1,6})$")


def _postcodes(address: str) -> set[str]:
    return {"".join(match) for match in POSTCODE_RE.findall(address.upper())}


def complaint_for_resident(*, reference: str, known: str) -> Complaint | None:
    """The complaint a resident names by its reference (as printed, or only its number) and
    their postcode or e-mail address, or None. Callers must not say which of the two failed."""
    match = REFERENCE_DIGITS_RE.match("".join(reference.upper().split()))
    known = known.strip()
    if match is None or not known:
        return None
    complaint = (
        Complaint.objects.select_related("resident", "representative")
        .filter(reference=f"CMP-{int(match.group(1)):06d}")
        .first()
    )
    if complaint is None:
        return None
    people = [p for p in (complaint.resident, complaint.representative) if p is not None]
    if "@" in known:
        emails = {p.email.strip().lower() for p in people if p.email}
        return complaint if known.lower() in emails else None
    wanted = _postcodes(known)
    if len(wanted) != 1:
        return None
    addresses = set().union(*(_postcodes(p.address or "") for p in people))
    return complaint if wanted & addresses else None


def extension_preview(*, complaint: Complaint, working_days: int) -> dt.date | None:
    """The response date an extension by `working_days` would give the current stage, worked
    out by the very code `complaint_extend` runs (on a copy of the stage that is never saved),
    so that the date shown before confirming is the date the service then records."""
    from copy import copy

    from putright.complaints.services._checks import _set_stage_deadlines

    stage = copy(complaint.current_stage)
    if stage is None:
        return None
    stage.extended_days += working_days
    _set_stage_deadlines(stage, complaint)
    return stage.respond_by


def resident_notes_since(*, complaint: Complaint, day: dt.date) -> list[Note]:
    """What the resident has added (through their tracking page) since `day`, e.g. since they
    asked for stage 2: the stage 2 handler starts from it."""
    return [
        note
        for note in complaint.notes.all()
        if note.author_id is None and dates.london_date(note.created_at) >= day
    ]
