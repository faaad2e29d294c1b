"""6.2, 6.3, 6.11, 6.14 (2022 Code 4.1, 5.1, 5.13) and TSM CH02: acknowledged, and answered,
within the Code's timescales. One judgement per stage, written once as a database expression, read
by the live self-assessment evidence, the dashboard, the governing body pack, the annual report,
TSM and the API alike.

The acknowledgement verdict, for every stage that should have been acknowledged:
- acknowledged on or before `acknowledge_by`: met, unless it was recorded (the London date of the
  event's own time) after `acknowledge_by`: then it is "backdated", a breach;
- acknowledged after `acknowledge_by`: late;
- never acknowledged and refused: left out when the refusal was decided, and recorded, by
  `acknowledge_by` (the complaint was not taken into the procedure and the resident had their
  answer in time; 2.1 and 2.4 judge the refusal); backdated when decided by then but recorded
  after; else late;
- never acknowledged and withdrawn: the same, by the withdrawal's date and when it was recorded;
- still waiting: late once `acknowledge_by` has passed, else pending.

The response verdict, for every acknowledged stage (and a 2022-Code stage 2, whose timescale runs
from the request): the same, against `respond_by` (extensions included), where a stage that ended
without a response is left out when it ended by `respond_by` and late after it.

Cohorts: the measures for 6.2/6.3/6.11/6.14 take the stages that started (were received, or
asked for) in the period; TSM CH02 takes the responses made in the period, as the Regulator
defines it. Both read the same verdict.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate

from putright.complaints.events import EventType
from putright.complaints.models import Event, Extension, Refusal, Stage
from putright.complaints.workflow import Status
from putright.rules.figures import Figure
from putright.timescales.code import timescales_for

LONDON = zoneinfo.ZoneInfo("Europe/London")

MET = "met"
LATE = "late"
BACKDATED = "backdated"
PENDING = "pending"
EXCLUDED = "excluded"
BREACHES = (LATE, BACKDATED)


def _recorded_on(event_type: str):
    """The London date the stage's first event of this type was recorded."""

    def for_stage(number: int):
        return Subquery(
            Event.objects.filter(
                complaint=OuterRef("complaint_id"), type=event_type, parameters__stage=number
            )
            .order_by("occurred_at", "pk")
            .annotate(day=TruncDate("occurred_at", tzinfo=LONDON))
            .values("day")[:1],
            output_field=DateField(),
        )

    return Case(
        When(number=1, then=for_stage(1)),
        When(number=2, then=for_stage(2)),
        output_field=DateField(),
    )


def _verdict(claimed: str, due: str, nominal: str, recorded: str, *, today: dt.date):
    """The verdict expression for one deadline (`due`) and the date that meets it (`claimed`).
    `nominal` is the deadline the record shows; `due` the one that stands when an extension was
    entered after the deadline it moved (then a response by `nominal` but after `due` is
    backdated). A stage refused, unanswered, by the deadline is left out: 2.1 and 2.4 judge
    the refusal."""
    withdrawn_here = Q(complaint__status=Status.WITHDRAWN, complaint__stage=F("number"))
    return Case(
        When(**{f"{due}__isnull": True}, then=Value(EXCLUDED)),
        When(
            Q(
                **{
                    f"{claimed}__isnull": False,
                    f"{claimed}__lte": F(due),
                    f"{recorded}__gt": F(due),
                }
            ),
            then=Value(BACKDATED),
        ),
        When(Q(**{f"{claimed}__isnull": False, f"{claimed}__lte": F(due)}), then=Value(MET)),
        When(
            Q(**{f"{claimed}__isnull": False, f"{claimed}__lte": F(nominal)}),
            then=Value(BACKDATED),
        ),
        When(**{f"{claimed}__isnull": False}, then=Value(LATE)),
        # Ended unanswered: left out when it ended by the deadline and was recorded by then;
        # dated by the deadline but recorded after it, it is backdated.
        When(
            Q(refused_on__isnull=False, refused_on__lte=F(due))
            & (Q(refused_recorded_on__isnull=True) | Q(refused_recorded_on__lte=F(due))),
            then=Value(EXCLUDED),
        ),
        When(Q(refused_on__isnull=False, refused_on__lte=F(due)), then=Value(BACKDATED)),
        When(refused_on__isnull=False, then=Value(LATE)),
        When(
            withdrawn_here
            & Q(complaint__closed_on__lte=F(due))
            # No event (a record imported or generated without its history): as dated.
            & (Q(withdrawn_recorded_on__isnull=True) | Q(withdrawn_recorded_on__lte=F(due))),
            then=Value(EXCLUDED),
        ),
        When(withdrawn_here & Q(complaint__closed_on__lte=F(due)), then=Value(BACKDATED)),
        When(withdrawn_here, then=Value(LATE)),
        When(**{f"{due}__lt": today}, then=Value(LATE)),
        default=Value(PENDING),
        output_field=CharField(),
    )


def with_verdicts(stages, *, today: dt.date):
    """The stages annotated with `acknowledgement` and `response` verdicts as of `today`."""
    refused_on = Subquery(
        Refusal.objects.filter(complaint=OuterRef("complaint_id"), stage=OuterRef("number"))
        .order_by("pk")
        .values("decided_on")[:1],
        output_field=DateField(),
    )
    # An extension entered after the deadline it moved cannot move it (see rules.extensions).
    backdated_extension = (
        Extension.objects.filter(stage=OuterRef("pk"))
        .annotate(entered_on=TruncDate("created_at", tzinfo=LONDON))
        .filter(entered_on__gt=F("respond_by_before"))
        .order_by("respond_by_before")
        .values("respond_by_before")[:1]
    )
    refused_recorded_on = Subquery(
        Refusal.objects.filter(complaint=OuterRef("complaint_id"), stage=OuterRef("number"))
        .order_by("pk")
        .annotate(day=TruncDate("created_at", tzinfo=LONDON))
        .values("day")[:1],
        output_field=DateField(),
    )
    withdrawn_recorded_on = Subquery(
        Event.objects.filter(complaint=OuterRef("complaint_id"), type=EventType.COMPLAINT_WITHDRAWN)
        .order_by("occurred_at", "pk")
        .annotate(day=TruncDate("occurred_at", tzinfo=LONDON))
        .values("day")[:1],
        output_field=DateField(),
    )
    stages = stages.annotate(
        refused_on=refused_on,
        refused_recorded_on=refused_recorded_on,
        withdrawn_recorded_on=withdrawn_recorded_on,
        acknowledged_recorded_on=_recorded_on(EventType.STAGE_ACKNOWLEDGED),
        responded_recorded_on=_recorded_on(EventType.STAGE_RESPONDED),
        respond_by_standing=Coalesce(
            Subquery(backdated_extension, output_field=DateField()), F("respond_by")
        ),
    )
    return stages.annotate(
        acknowledgement=_verdict(
            "acknowledged_on",
            "acknowledge_by",
            "acknowledge_by",
            "acknowledged_recorded_on",
            today=today,
        ),
        response=_verdict(
            "responded_on",
            "respond_by_standing",
            "respond_by",
            "responded_recorded_on",
            today=today,
        ),
    )


# --- the measures ----------------------------------------------------------------------------


def provisions(code_version: str | None) -> dict[int, tuple[str, str]]:
    """(acknowledgement provision, response provision) per stage."""
    rules = timescales_for(code_version or "2024")
    return {s.stage: (s.acknowledge_provision, s.respond_provision) for s in rules.stages}


def _cohort(period_start, period_end, code_version):
    stages = Stage.objects.filter(requested_on__range=(period_start, period_end))
    if code_version:
        stages = stages.filter(complaint__code_version=code_version)
    return stages


def measures(
    *,
    period_start: dt.date,
    period_end: dt.date,
    today: dt.date,
    code_version: str | None = None,
) -> dict[str, dict[int, Figure]]:
    """{"acknowledgement": {1: Figure, 2: Figure}, "response": {...}} for the stages that
    started in the period. With `code_version`, only complaints handled under that Code."""
    stages = with_verdicts(_cohort(period_start, period_end, code_version), today=today)
    refs = provisions(code_version)
    rules = timescales_for(code_version or "2024")
    result: dict[str, dict[int, Figure]] = {"acknowledgement": {}, "response": {}}
    for number in (1, 2):
        stage_rules = rules.stage(number)
        if stage_rules.acknowledge_days is not None:
            result["acknowledgement"][number] = Figure(
                ref=refs[number][0],
                measure=f"Stage {number} complaints acknowledged within "
                f"{stage_rules.acknowledge_days} working days",
            )
        result["response"][number] = Figure(
            ref=refs[number][1],
            measure=f"Stage {number} responses within {stage_rules.respond_days} working days, "
            "or the extension agreed in time",
        )
    for key in ("acknowledgement", "response"):
        counts = stages.values("number", key).annotate(n=Count("pk")).order_by()
        for row in counts:
            figure = result[key].get(row["number"])
            verdict, n = row[key], row["n"]
            if figure is None or verdict == EXCLUDED:
                continue
            if verdict == PENDING:
                figure.pending += n
            else:
                figure.total += n
                figure.met += n if verdict == MET else 0
        breaches = stages.filter(**{f"{key}__in": BREACHES}).values_list(
            "number", "complaint__reference", key
        )
        for number, reference, verdict in breaches.order_by("complaint__reference"):
            figure = result[key].get(number)
            if figure is not None and reference not in figure.breaches:
                figure.breaches.append(reference)
                if verdict == BACKDATED:
                    figure.flags[reference] = BACKDATED
    return result


def responses_in(
    *, period_start: dt.date, period_end: dt.date, today: dt.date, stages=None
) -> dict[int, dict[str, int]]:
    """TSM CH02: per stage, the responses made in the period and those within the timescale
    (the same verdict as 6.3 / 6.14: a backdated response is not within it)."""
    stages = stages if stages is not None else Stage.objects.all()
    judged = with_verdicts(
        stages.filter(responded_on__range=(period_start, period_end)), today=today
    )
    result = {n: {"responded": 0, "within": 0, "extended": 0} for n in (1, 2)}
    rows = judged.values("number").annotate(
        responded=Count("pk"),
        within=Count("pk", filter=Q(response=MET)),
        extended=Count("pk", filter=Q(extended_days__gt=0)),
    )
    for row in rows.order_by():
        result[row.pop("number")].update(row)
    return result


def stage_verdicts(stages, *, today: dt.date) -> dict[int, tuple[str, str]]:
    """Per stage id: (acknowledgement verdict, response verdict), for a case page or the API."""
    return {
        pk: (ack, response)
        for pk, ack, response in with_verdicts(stages, today=today).values_list(
            "pk", "acknowledgement", "response"
        )
    }
