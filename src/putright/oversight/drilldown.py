"""The complaints behind a figure (UX review M1): the same filters the figures use, each case
linked from the page, and the filter said in words rather than printed as a query string."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from putright import dates
from putright.complaints.models import Category, Channel, Complaint, Decision, Stage
from putright.oversight.selectors import OPEN, past_code_deadline
from putright.rules import timeliness as timeliness_rule

FIELDS = (
    "stage",
    "basis",
    "from",
    "to",
    "within",
    "decision",
    "category",
    "channel",
    "service_area",
    "status",
    "overdue",
    "open",
    "property",
)


def _overdue_now(today: dt.date) -> Q:
    current = Stage.objects.filter(complaint=OuterRef("pk"), number=OuterRef("stage"))
    return Q(status__in=OPEN) & Exists(current.filter(past_code_deadline(today)))


def drilldown(filters: dict, today: dt.date | None = None) -> QuerySet[Complaint]:
    """The complaints behind a number on a dashboard. Filters are those the figures use."""
    queryset = Complaint.objects.select_related("resident").prefetch_related(
        # The handler and decision of each case's stages, in one query for the page.
        Prefetch("stages", queryset=Stage.objects.select_related("handler").order_by("number"))
    )
    if filters.get("overdue") == "yes":
        queryset = queryset.filter(_overdue_now(today or dates.today()))
    if filters.get("open") == "yes":
        # "Open now" on the dashboard: waiting for an acknowledgement or a response.
        queryset = queryset.filter(status__in=OPEN)
    stage_filter: dict = {}
    number = filters.get("stage")
    if number in ("1", "2", 1, 2):
        stage_filter["stages__number"] = int(number)
    basis = filters.get("basis", "received")
    start, end = filters.get("from"), filters.get("to")
    date_field = {"received": "requested_on", "responded": "responded_on"}.get(basis)
    if date_field and start:
        stage_filter[f"stages__{date_field}__gte"] = start
    if date_field and end:
        stage_filter[f"stages__{date_field}__lte"] = end
    within = filters.get("within")
    if filters.get("decision"):
        stage_filter["stages__decision"] = filters["decision"]
    if stage_filter:
        queryset = queryset.filter(**stage_filter)
    if within in ("yes", "no"):
        # The same verdict the figures count, never the stored flag alone.
        stages = Stage.objects.filter(
            **{key.removeprefix("stages__"): value for key, value in stage_filter.items()}
        )
        judged = timeliness_rule.with_verdicts(stages, today=today or dates.today())
        verdicts = [timeliness_rule.MET] if within == "yes" else list(timeliness_rule.BREACHES)
        queryset = queryset.filter(
            pk__in=judged.filter(response__in=verdicts).values("complaint_id")
        )
    if filters.get("property"):
        # A tenancy, or an address where no tenancy is recorded (repeat issues by property).
        place = filters["property"]
        queryset = queryset.filter(
            Q(resident__tenancy_reference=place)
            | Q(resident__tenancy_reference="", resident__address=place)
        )
    for field in ("category", "channel", "service_area", "status"):
        if filters.get(field) not in (None, ""):
            queryset = queryset.filter(**{field: filters[field]})
    return queryset.distinct().order_by("-received_on", "-pk")


def _date(value: str) -> str:
    try:
        return f"{dt.date.fromisoformat(value):%-d %B %Y}"
    except (TypeError, ValueError):
        return str(value)


def _label(choices, value) -> str:
    return str(dict(choices.choices).get(value, value)).lower()


def describe(filters: dict) -> str:
    """The filter in a sentence: "Stage 1 complaints responded to between 1 April 2026 and
    31 March 2027, upheld."."""
    stage = filters.get("stage")
    subject = f"Stage {stage} complaints" if stage in ("1", "2") else "Complaints"
    if filters.get("category"):
        subject = f"{subject} about {_label(Category, filters['category'])}"
    verb = "responded to" if filters.get("basis") == "responded" else "received"
    start, end = filters.get("from"), filters.get("to")
    when = ""
    if start and end:
        when = f" {verb} between {_date(start)} and {_date(end)}"
    elif start:
        when = f" {verb} from {_date(start)}"
    elif end:
        when = f" {verb} up to {_date(end)}"
    details = []
    if filters.get("decision"):
        details.append(_label(Decision, filters["decision"]))
    if filters.get("within") == "yes":
        details.append("within the Code's timescale")
    elif filters.get("within") == "no":
        details.append("outside the Code's timescale")
    if filters.get("channel"):
        details.append(f"made by {_label(Channel, filters['channel'])}")
    if filters.get("service_area"):
        details.append(f"service area {filters['service_area']}")
    if filters.get("status"):
        statuses = dict(Complaint._meta.get_field("status").flatchoices)
        details.append(str(statuses.get(filters["status"], filters["status"])).lower())
    if filters.get("overdue") == "yes":
        details.append("open and past a Code deadline now")
    if filters.get("property"):
        details.append(f"about the property {filters['property']}")
    if filters.get("open") == "yes":
        details.append("waiting for an acknowledgement or a response now")
    return subject + when + (", " + ", ".join(details) if details else "") + "."
