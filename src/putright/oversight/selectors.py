"""The figures the governing body sees (Code 8.1, 9.6, 9.7) and the TSMs CH01 and CH02.

Every figure is an aggregate query: a fixed number of queries whatever the number of complaints.
The one exception is the average working days to respond, which needs the landlord's working-day
calendar: the database groups the responses by their (start, response) date pair and Python
converts each distinct pair, so the Python work is bounded by the number of distinct date pairs
(at most a few thousand a year), not by the number of complaints.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import (
    Avg,
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import TruncMonth

from putright import dates
from putright.complaints.models import (
    Complaint,
    Extension,
    OutstandingAction,
    Refusal,
    Remedy,
    Stage,
)
from putright.complaints.workflow import Status
from putright.errors import InvalidInput
from putright.landlord.models import HomesOwned
from putright.landlord.selectors import working_day_calendar
from putright.oversight.periods import Period, reporting_year
from putright.rules import timeliness as timeliness_rule

# Open: awaiting a response at the current stage (a responded case awaits escalation or closure).
OPEN = [Status.AWAITING_ACKNOWLEDGEMENT, Status.INVESTIGATING]

# Financial remedy bands (pounds, lower bound inclusive).
REMEDY_BANDS = [
    ("under_50", "Under £50", Decimal("0"), Decimal("50")),
    ("50_to_249", "£50 to £249.99", Decimal("50"), Decimal("250")),
    ("250_to_999", "£250 to £999.99", Decimal("250"), Decimal("1000")),
    ("1000_plus", "£1,000 or more", Decimal("1000"), None),
]


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def _money(value) -> str:
    return str(Decimal(value or 0).quantize(Decimal("0.01")))


def _between(field: str, period: Period) -> Q:
    return Q(**{f"{field}__gte": period.start, f"{field}__lte": period.end})


def _grouped(queryset: QuerySet, field: str) -> dict[str, int]:
    rows = queryset.values(field).annotate(n=Count("pk")).order_by(field)
    return {row[field] or "": row["n"] for row in rows}


def _refused_at(stage_number) -> Exists:
    return Exists(Refusal.objects.filter(complaint=OuterRef("complaint_id"), stage=stage_number))


# --- volume ----------------------------------------------------------------------------------


def volume(period: Period) -> dict:
    """Complaints received in the period: stage 1 by date received, stage 2 by the date the
    escalation was asked for; channel, category and service area of the complaints received."""
    by_stage = dict.fromkeys((1, 2), 0)
    for row in (
        Stage.objects.filter(_between("requested_on", period))
        .values("number")
        .annotate(n=Count("pk"))
    ):
        by_stage[row["number"]] = row["n"]
    received = Complaint.objects.filter(_between("received_on", period))
    return {
        "stage1": by_stage[1],
        "stage2": by_stage[2],
        "by_channel": _grouped(received, "channel"),
        "by_category": _grouped(received, "category"),
        "by_service_area": _grouped(received, "service_area"),
    }


def outcomes(period: Period) -> dict:
    """Decisions of the stage responses made in the period, by stage."""
    result = {
        number: {"upheld": 0, "partly_upheld": 0, "not_upheld": 0, "total": 0} for number in (1, 2)
    }
    rows = (
        Stage.objects.filter(_between("responded_on", period))
        .values("number", "decision")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        result[row["number"]][row["decision"]] = row["n"]
        result[row["number"]]["total"] += row["n"]
    return {f"stage{n}": v for n, v in result.items()}


def refusals(period: Period) -> dict:
    """Complaints the landlord declined to accept or escalate, by reason (8.1 b)."""
    result = {"stage1": {}, "stage2": {}, "total": 0}
    rows = (
        Refusal.objects.filter(_between("decided_on", period))
        .values("stage", "reason")
        .annotate(n=Count("complaint_id", distinct=True))
        .order_by("stage", "reason")
    )
    for row in rows:
        result[f"stage{row['stage']}"][row["reason"]] = row["n"]
        result["total"] += row["n"]
    return result


def withdrawals(period: Period) -> dict:
    rows = (
        Complaint.objects.filter(_between("closed_on", period), status=Status.WITHDRAWN)
        .values("stage")
        .annotate(n=Count("pk"))
    )
    by_stage = {row["stage"]: row["n"] for row in rows}
    return {
        "stage1": by_stage.get(1, 0),
        "stage2": by_stage.get(2, 0),
        "total": sum(by_stage.values()),
    }


def escalation(period: Period) -> dict:
    """Of the stage 1 responses made in the period, how many the resident took to stage 2."""
    escalated = Exists(Stage.objects.filter(complaint=OuterRef("complaint_id"), number=2))
    totals = Stage.objects.filter(_between("responded_on", period), number=1).aggregate(
        responded=Count("pk"), escalated=Count("pk", filter=escalated)
    )
    return {**totals, "rate": _ratio(totals["escalated"], totals["responded"])}


# --- timeliness ------------------------------------------------------------------------------


def timeliness(period: Period, today: dt.date | None = None) -> dict:
    """Acknowledged and answered in time (6.2, 6.3, 6.11, 6.14), for the stages that started
    (were received, or asked for) in the period: the same measure, by the same code, as the
    live self-assessment evidence (`putright.rules.timeliness`). `acknowledged` and `responded`
    count the stages judged (a stage not yet due is pending, one withdrawn before it was due
    is left out); `*_within` those in time; `*_breaches` the complaints behind the rest."""
    figures = timeliness_rule.measures(
        period_start=period.start, period_end=period.end, today=today or dates.today()
    )
    # Extended: of the same cohort, the stages answered after an extension.
    extended = dict(
        Stage.objects.filter(
            requested_on__range=(period.start, period.end),
            responded_on__isnull=False,
            extended_days__gt=0,
        )
        .values_list("number")
        .annotate(n=Count("pk"))
        .order_by()
    )
    result = {}
    for number in (1, 2):
        ack = figures["acknowledgement"].get(number)
        response = figures["response"][number]
        result[f"stage{number}"] = {
            "acknowledged": ack.total if ack else 0,
            "acknowledged_within": ack.met if ack else 0,
            "acknowledged_pending": ack.pending if ack else 0,
            "acknowledgement_breaches": ack.breaches if ack else [],
            "responded": response.total,
            "responded_within": response.met,
            "responded_pending": response.pending,
            "response_breaches": response.breaches,
            "extended": extended.get(number, 0),
            "acknowledged_within_rate": _ratio(ack.met, ack.total) if ack else None,
            "responded_within_rate": _ratio(response.met, response.total),
        }
    return result


def extensions(period: Period) -> dict:
    """Extensions the resident was told of in the period; beyond the Code's limit only with a
    good reason (6.4, 6.15)."""
    result = {}
    with_good_reason = ~Q(good_reason="")
    rows = (
        Extension.objects.filter(_between("resident_informed_on", period))
        .values("stage__number")
        .annotate(
            count=Count("pk"),
            total_days=Sum("working_days"),
            average_days=Avg("working_days"),
            with_good_reason=Count("pk", filter=with_good_reason),
        )
    )
    for number in (1, 2):
        result[f"stage{number}"] = {
            "count": 0,
            "total_days": 0,
            "average_days": None,
            "with_good_reason": 0,
            "without_good_reason": 0,
        }
    for row in rows:
        figures = result[f"stage{row['stage__number']}"]
        figures.update(
            count=row["count"],
            total_days=row["total_days"] or 0,
            average_days=round(float(row["average_days"]), 2) if row["average_days"] else None,
            with_good_reason=row["with_good_reason"],
            without_good_reason=row["count"] - row["with_good_reason"],
        )
    return result


def past_code_deadline(today: dt.date) -> Q:
    """A stage past its acknowledgement date unacknowledged, or its response date unanswered:
    the one definition of "overdue now", for the figure and the complaints behind it."""
    return Q(acknowledged_on__isnull=True, acknowledge_by__lt=today) | Q(
        acknowledged_on__isnull=False, responded_on__isnull=True, respond_by__lt=today
    )


def open_and_overdue(today: dt.date | None = None) -> dict:
    """Cases open now at each stage, and those past the acknowledgement or response date."""
    today = today or dates.today()
    late = past_code_deadline(today)
    rows = (
        Stage.objects.filter(complaint__status__in=OPEN, complaint__stage=F("number"))
        .values("number")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=late))
    )
    result = {f"stage{n}": {"open": 0, "overdue": 0} for n in (1, 2)}
    for row in rows:
        result[f"stage{row['number']}"] = {"open": row["open"], "overdue": row["overdue"]}
    return result


def average_working_days_to_respond(period: Period) -> dict:
    """Working days from the stage starting (receipt or escalation request) to the response,
    for responses made in the period. See the module docstring for why the date pairs are
    grouped in the database and converted here."""
    calendar = working_day_calendar()
    sums = {1: [0, 0], 2: [0, 0]}
    rows = (
        Stage.objects.filter(_between("responded_on", period))
        .values_list("number", "requested_on", "responded_on")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for number, start, end, n in rows:
        sums[number][0] += calendar.working_days_between(start, end) * n
        sums[number][1] += n
    return {
        f"stage{number}": (round(total / count, 1) if count else None)
        for number, (total, count) in sums.items()
    }


# --- putting things right --------------------------------------------------------------------


def remedies(period: Period) -> dict:
    offered = Remedy.objects.filter(_between("offered_on", period))
    band = Case(
        *[
            When(
                Q(amount__gte=low) & (Q(amount__lt=high) if high is not None else Q()),
                then=Value(key),
            )
            for key, _label, low, high in REMEDY_BANDS
        ],
        default=Value(""),
        output_field=CharField(),
    )
    financial = offered.filter(type="financial")
    bands = dict.fromkeys((key for key, *_ in REMEDY_BANDS), 0)
    band_totals = dict.fromkeys(bands, Decimal("0"))
    for row in (
        # "size", not "band": a remedy's band is its place in the compensation guide (7.4).
        financial.annotate(size=band).values("size").annotate(n=Count("pk"), t=Sum("amount"))
    ):
        if row["size"]:
            bands[row["size"]] = row["n"]
            band_totals[row["size"]] = row["t"] or Decimal("0")
    total = financial.aggregate(t=Sum("amount"), n=Count("pk"))
    return {
        "by_type": _grouped(offered, "type"),
        "financial_count": total["n"],
        "financial_total": _money(total["t"]),
        "financial_by_band": bands,
        "financial_total_by_band": {k: _money(v) for k, v in band_totals.items()},
    }


def late_actions(today: dt.date | None = None) -> dict:
    """Remedies and outstanding actions not done by their due date, as of today (7.3)."""
    today = today or dates.today()
    late = Q(completed_on__isnull=True, due_on__lt=today)
    return {
        "actions": OutstandingAction.objects.filter(late).count(),
        "remedies": Remedy.objects.filter(late).count(),
    }


def summary(period: Period, today: dt.date | None = None) -> dict:
    return {
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "volume": volume(period),
        "outcomes": outcomes(period),
        "refusals": refusals(period),
        "withdrawals": withdrawals(period),
        "escalation": escalation(period),
        "timeliness": timeliness(period, today),
        "extensions": extensions(period),
        "average_working_days_to_respond": average_working_days_to_respond(period),
        "open_now": open_and_overdue(today),
        "remedies": remedies(period),
        "late_now": late_actions(today),
    }


# --- Tenant Satisfaction Measures ------------------------------------------------------------


def homes_for(year: int, override: int | None = None) -> int:
    if override is not None:
        return override
    homes = HomesOwned.objects.filter(reporting_year=year).values_list("homes", flat=True).first()
    if not homes:
        raise InvalidInput(
            {
                "homes": f"The number of homes owned in reporting year {year} is not recorded; "
                "record it in the landlord settings or pass homes=N."
            }
        )
    return homes


def tsm(year: int, homes: int | None = None) -> dict:
    """CH01 and CH02 for reporting year `year` (see docs/oversight.md for the reading of the
    Regulator's technical requirements).

    CH01: stage 1 complaints received in the year, and stage 2 complaints received (escalation
    requested) in the year, per 1,000 homes; complaints declined under section 2 of the Code
    are not complaints handled under the procedure and are not counted; withdrawn ones are.
    CH02: of the stage 1 (stage 2) responses made in the year, the proportion made within the
    Code's timescale, counting extensions the Code allows, by the verdict of
    `putright.rules.timeliness` (a backdated response is not within it).
    """
    homes = homes_for(year, homes)
    period = reporting_year(year)
    received = (
        Stage.objects.filter(_between("requested_on", period))
        .annotate(refused=_refused_at(OuterRef("number")))
        .filter(refused=False)
        .values("number")
        .annotate(n=Count("pk"))
    )
    counts = {1: 0, 2: 0}
    for row in received:
        counts[row["number"]] = row["n"]
    # CH02: the responses made in the year, judged as 6.3 / 6.14 judge them.
    judged = timeliness_rule.responses_in(
        period_start=period.start, period_end=period.end, today=dates.today()
    )
    responded = {n: (judged[n]["within"], judged[n]["responded"]) for n in (1, 2)}

    def per_thousand(n: int) -> float:
        return round(n * 1000 / homes, 2)

    def proportion(pair) -> float | None:
        within, total = pair
        return round(100 * within / total, 1) if total else None

    return {
        "year": year,
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "homes": homes,
        "ch01_stage1": per_thousand(counts[1]),
        "ch01_stage1_count": counts[1],
        "ch01_stage2": per_thousand(counts[2]),
        "ch01_stage2_count": counts[2],
        "ch02_stage1": proportion(responded[1]),
        "ch02_stage1_numerator": responded[1][0],
        "ch02_stage1_denominator": responded[1][1],
        "ch02_stage2": proportion(responded[2]),
        "ch02_stage2_numerator": responded[2][0],
        "ch02_stage2_denominator": responded[2][1],
    }


# --- trends and learning (9.1 to 9.4) --------------------------------------------------------


def monthly_trend(period: Period, by: str | None = None) -> list[dict]:
    """Stage 1 complaints received month by month, optionally split by category or service
    area; stage 2 requests month by month."""
    fields = ["month", "number"] + ([f"complaint__{by}"] if by else [])
    rows = (
        Stage.objects.filter(_between("requested_on", period))
        .annotate(month=TruncMonth("requested_on"))
        .values(*fields)
        .annotate(n=Count("pk"))
        .order_by(*fields)
    )
    return [
        {
            "month": row["month"].strftime("%Y-%m"),
            "stage": row["number"],
            **({by: row[f"complaint__{by}"]} if by else {}),
            "count": row["n"],
        }
        for row in rows
    ]


def months_of(period: Period) -> list[str]:
    months, day = [], period.start.replace(day=1)
    while day <= period.end:
        months.append(day.strftime("%Y-%m"))
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return months


def repeat_complainants(period: Period, minimum: int = 2, limit: int = 50) -> list[dict]:
    rows = (
        Complaint.objects.filter(_between("received_on", period))
        .values("resident_id", "resident__name", "resident__tenancy_reference")
        .annotate(n=Count("pk"))
        .filter(n__gte=minimum)
        .order_by("-n", "resident_id")[:limit]
    )
    return [
        {
            "resident_id": row["resident_id"],
            "name": row["resident__name"],
            "tenancy_reference": row["resident__tenancy_reference"],
            "complaints": row["n"],
        }
        for row in rows
    ]


def repeat_issues_by_property(period: Period, minimum: int = 2, limit: int = 50) -> list[dict]:
    """The same category complained of more than once about one tenancy (or address)."""
    key = Case(
        When(~Q(resident__tenancy_reference=""), then="resident__tenancy_reference"),
        default="resident__address",
        output_field=CharField(),
    )
    rows = (
        Complaint.objects.filter(_between("received_on", period))
        .annotate(property=key)
        .exclude(property="")
        .values("property", "category")
        .annotate(n=Count("pk"))
        .filter(n__gte=minimum)
        .order_by("-n", "property", "category")[:limit]
    )
    return [
        {"property": r["property"], "category": r["category"], "complaints": r["n"]} for r in rows
    ]


# --- Ombudsman and learning ------------------------------------------------------------------


def ombudsman_figures(period: Period, today: dt.date | None = None) -> dict:
    from putright.oversight.models import Determination, OmbudsmanCase, Order

    today = today or dates.today()
    cases = OmbudsmanCase.objects.aggregate(
        referred=Count("pk", filter=_between("referred_on", period)),
        determined=Count("pk", filter=_between("determined_on", period)),
        code_non_compliance=Count(
            "pk", filter=_between("determined_on", period) & Q(code_non_compliance=True)
        ),
    )
    from putright.oversight.models import Finding

    findings = {
        Finding(key).label: n
        for key, n in _grouped(
            Determination.objects.filter(_between("case__determined_on", period)), "finding"
        ).items()
    }
    orders = Order.objects.aggregate(
        outstanding=Count("pk", filter=Q(complied_on__isnull=True)),
        late=Count("pk", filter=Q(complied_on__isnull=True, due_on__lt=today)),
    )
    return {**cases, "findings": findings, "orders": orders}


def non_compliance_findings(period: Period) -> QuerySet:
    """Cases where the Ombudsman found the landlord failed to comply with the Code (8.1 c)."""
    from putright.oversight.models import OmbudsmanCase

    return (
        OmbudsmanCase.objects.filter(_between("determined_on", period), code_non_compliance=True)
        .select_related("complaint")
        .order_by("determined_on", "pk")
    )


def ombudsman_reports(period: Period) -> QuerySet:
    from putright.oversight.models import OmbudsmanReport

    return OmbudsmanReport.objects.filter(_between("received_on", period))


def lessons_implemented(period: Period) -> QuerySet:
    from putright.oversight.models import Lesson

    return (
        Lesson.objects.filter(_between("implemented_on", period), status="implemented")
        .select_related("owner")
        .prefetch_related("complaints")
        .order_by("implemented_on", "pk")
    )


def lesson_register() -> QuerySet:
    from putright.oversight.models import Lesson

    return Lesson.objects.select_related("owner").prefetch_related("complaints")


def lessons_by_status() -> dict[str, int]:
    from putright.oversight.models import Lesson

    return _grouped(Lesson.objects.all(), "status")
