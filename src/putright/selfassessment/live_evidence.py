"""Live evidence: what Putright's own records show for a provision over a period, offered beside
the landlord's evidence. Where the records show a breach, a "no" or "partly" is proposed with the
complaints behind it.

The cohort for a period is the stages requested (received or escalated) within it, refusals
decided within it and remedies offered within it. Something still outstanding is judged as of
today. Letters (6.5, 6.9, 6.16, 6.19) are judged for the same stages; adjustments (5.10) and
restrictions (5.14) for those in force at some point in the period. See docs/selfassessment.md
for the provisions still to be evidenced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce

from putright import dates
from putright.complaints.models import Extension, Refusal, Remedy, Stage
from putright.complaints.workflow import Status
from putright.letters.models import Letter, LetterKind, LetterStatus
from putright.people.models import (
    AdjustmentReview,
    ReasonableAdjustment,
    Restriction,
    RestrictionReview,
)
from putright.timescales.code import timescales_for

# The provision each measure answers, per Code version. The timescale provisions come from the
# timescales module, which already keys them by version.
PROVISIONS = {
    "2024": {
        "independent_stage2": "6.13",
        "refusal_reasons": "2.1",
        "refusal_ombudsman": "2.4",
        "escalation_refusals": "5.11",
        "remedies": "7.3",
        "adjustments_reviewed": "5.10",
        "restrictions_reviewed": "5.14",
        "extension_letters": {1: "6.5", 2: "6.16"},
        "response_letters": {1: "6.9", 2: "6.19"},
    },
    "2022": {
        "independent_stage2": "5.12",
        "refusal_reasons": "1.7",
        "refusal_ombudsman": "1.9",
        "escalation_refusals": "4.14",
        "remedies": "6.5",
    },
    "2020": {},
}


@dataclass
class LiveFigure:
    ref: str
    measure: str
    met: int = 0
    total: int = 0
    breaches: list[str] = field(default_factory=list)  # complaint references, sorted
    pending: int = 0  # not yet due, so not judged

    @property
    def percent(self) -> float | None:
        return round(100 * self.met / self.total, 1) if self.total else None

    @property
    def proposed(self) -> str | None:
        """ "no" when every case counted breached the provision, "partly" when some did; no
        proposal when the records show no breach (the landlord's own evidence decides)."""
        if not self.breaches:
            return None
        return "no" if self.met == 0 else "partly"

    @property
    def summary(self) -> str:
        if not self.total:
            return f"{self.measure}: no cases in the period."
        text = f"{self.measure}: {self.met} of {self.total} ({self.percent:g}%)."
        if self.breaches:
            text += f" Not met: {', '.join(self.breaches)}."
        return text

    def as_dict(self) -> dict:
        return {
            "ref": self.ref,
            "measure": self.measure,
            "met": self.met,
            "total": self.total,
            "percent": self.percent,
            "pending": self.pending,
            "breaches": self.breaches,
            "proposed": self.proposed,
            "summary": self.summary,
        }


def _add(figure: LiveFigure, ok: bool, reference: str) -> None:
    figure.total += 1
    if ok:
        figure.met += 1
    elif reference not in figure.breaches:
        figure.breaches.append(reference)


def live_evidence(
    *, code_version: str, period_start: dt.date, period_end: dt.date
) -> list[LiveFigure]:
    """The figures for a period, in the order the measures were first met. A provision can
    have more than one (the 2022 Code's 5.6 covers both the response and its extension)."""
    today = dates.today()
    figures: dict[tuple[str, str], LiveFigure] = {}
    if not PROVISIONS.get(code_version):
        return []  # the 2020 Code's questions carry no provision numbers to attach to
    names = PROVISIONS[code_version]
    rules = timescales_for(code_version)

    def figure(ref: str, measure: str) -> LiveFigure:
        return figures.setdefault((ref, measure), LiveFigure(ref=ref, measure=measure))

    stages = list(
        Stage.objects.filter(requested_on__range=(period_start, period_end))
        .select_related("complaint")
        .prefetch_related("extensions", "complaint__stages")
        .order_by("requested_on", "pk")
    )
    for stage in stages:
        complaint = stage.complaint
        stage_rules = rules.stage(stage.number)
        current = complaint.stage == stage.number
        reference = complaint.reference

        # 6.2 / 6.11: acknowledged within five working days.
        ack = figure(
            stage_rules.acknowledge_provision,
            f"Stage {stage.number} complaints acknowledged within "
            f"{stage_rules.acknowledge_days} working days",
        )
        if stage.acknowledged_within_timescale is not None:
            _add(ack, stage.acknowledged_within_timescale, reference)
        elif current and complaint.status == Status.AWAITING_ACKNOWLEDGEMENT:
            if stage.acknowledge_by < today:
                _add(ack, False, reference)
            else:
                ack.pending += 1

        # 6.3 / 6.14: responded within the timescale (extensions included).
        respond = figure(
            stage_rules.respond_provision,
            f"Stage {stage.number} responses within {stage_rules.respond_days} working days "
            "of acknowledgement, or the agreed extension",
        )
        if stage.within_timescale is not None:
            _add(respond, stage.within_timescale, reference)
        elif current and complaint.status == Status.INVESTIGATING and stage.respond_by:
            if stage.respond_by < today:
                _add(respond, False, reference)
            else:
                respond.pending += 1

        # 6.4 / 6.15: extensions beyond the limit only with a good reason.
        extensions = list(stage.extensions.all())
        if extensions:
            limit = timescales_for(complaint.code_version).stage(stage.number)
            extended = figure(
                stage_rules.extension_provision,
                f"Stage {stage.number} extensions within {limit.extension_limit_days} working "
                "days or with a good reason",
            )
            beyond = sum(e.working_days for e in extensions) > limit.extension_limit_days
            _add(extended, not beyond or any(e.good_reason for e in extensions), reference)

        # 6.13: the stage 2 handler is not the stage 1 handler.
        if stage.number == 2 and stage.handler_id and names.get("independent_stage2"):
            stage1 = next((s for s in complaint.stages.all() if s.number == 1), None)
            independent = figure(
                names["independent_stage2"],
                "Stage 2 complaints considered by someone other than the stage 1 handler",
            )
            _add(independent, stage1 is None or stage1.handler_id != stage.handler_id, reference)

    # Section 2 and 5.11: every refusal explained, with the right to go to the Ombudsman.
    refusals = Refusal.objects.filter(decided_on__range=(period_start, period_end)).select_related(
        "complaint"
    )
    for refusal in refusals.order_by("decided_on", "pk"):
        reference = refusal.complaint.reference
        explained = bool(refusal.explanation.strip())
        _add(
            figure(names["refusal_reasons"], "Refusals with the reasons recorded for the case"),
            explained,
            reference,
        )
        _add(
            figure(
                names["refusal_ombudsman"],
                "Refusals explained to the resident with their right to go to the Ombudsman",
            ),
            explained and refusal.ombudsman_rights_given,
            reference,
        )
        if refusal.stage == 2:
            _add(
                figure(names["escalation_refusals"], "Refusals to escalate, with reasons given"),
                explained and refusal.ombudsman_rights_given,
                reference,
            )

    # 7.3: remedies followed through by the date promised.
    remedies = Remedy.objects.filter(
        offered_on__range=(period_start, period_end), due_on__isnull=False
    ).select_related("complaint")
    remedy_figure = None
    for remedy in remedies.order_by("offered_on", "pk"):
        remedy_figure = remedy_figure or figure(
            names["remedies"], "Remedies completed by the date promised"
        )
        if remedy.completed_on is not None:
            _add(remedy_figure, remedy.completed_on <= remedy.due_on, remedy.complaint.reference)
        elif remedy.due_on < today:
            _add(remedy_figure, False, remedy.complaint.reference)
        else:
            remedy_figure.pending += 1

    _records_evidence(names, figure, period_start, period_end, today)

    result = []
    for item in figures.values():
        item.breaches.sort()
        if item.total or item.pending:
            result.append(item)
    return result


def _records_evidence(names, figure, period_start, period_end, today) -> None:
    """Letters, adjustments and restrictions: counted with aggregate queries, plus one query for
    the records behind any breach."""
    in_period = Q(requested_on__range=(period_start, period_end))

    # 6.9 / 6.19: letters are only issuable with every required element, so an issued response
    # letter is a complete one.
    if names.get("response_letters"):
        issued = Letter.objects.filter(
            complaint=OuterRef("complaint"),
            stage=OuterRef("number"),
            status=LetterStatus.ISSUED,
            kind__in=[LetterKind.STAGE1_RESPONSE, LetterKind.STAGE2_RESPONSE],
        )
        stages = Stage.objects.filter(in_period, responded_on__isnull=False).annotate(
            letter=Exists(issued)
        )
        _stage_figures(
            figure,
            stages,
            names["response_letters"],
            "Stage {n} responses with a complete response letter issued",
        )

    # 6.5 / 6.16: each extension told to the resident in a letter giving the Ombudsman's
    # details (the extension letter cannot be issued without them).
    if names.get("extension_letters"):
        letters = (
            Letter.objects.filter(
                complaint=OuterRef("complaint"),
                stage=OuterRef("number"),
                status=LetterStatus.ISSUED,
                kind=LetterKind.EXTENSION,
            )
            .values("complaint")
            .annotate(n=Count("pk"))
            .values("n")
        )
        extensions = Extension.objects.filter(stage=OuterRef("pk"))
        stages = (
            Stage.objects.filter(in_period)
            .filter(Exists(extensions))
            .annotate(
                letters=Coalesce(Subquery(letters), 0),
                extension_count=Subquery(
                    extensions.values("stage").annotate(n=Count("pk")).values("n")
                ),
            )
            .annotate(
                letter=ExpressionWrapper(
                    Q(letters__gte=F("extension_count")), output_field=BooleanField()
                )
            )
        )
        _stage_figures(
            figure,
            stages,
            names["extension_letters"],
            "Stage {n} extensions each told in a letter with the Ombudsman's contact details",
        )

    # 5.10 / 5.14: kept under review. Judged as of today: one still in force past its review
    # date is a breach; one in force, never reviewed and not yet due for review is pending.
    for key, records, reviews, in_force, measure, label in (
        (
            "adjustments_reviewed",
            ReasonableAdjustment.objects.filter(agreed_on__lte=period_end).filter(
                Q(ended_on__isnull=True) | Q(ended_on__gte=period_start)
            ),
            AdjustmentReview.objects.filter(adjustment=OuterRef("pk")),
            Q(ended_on__isnull=True),
            "Reasonable adjustments kept under review (none left past its review date)",
            "adjustment",
        ),
        (
            "restrictions_reviewed",
            Restriction.objects.filter(decided_on__lte=period_end)
            .filter(Q(lifted_on__isnull=True) | Q(lifted_on__gte=period_start))
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=period_start)),
            RestrictionReview.objects.filter(restriction=OuterRef("pk")),
            Q(lifted_on__isnull=True) & (Q(ends_on__isnull=True) | Q(ends_on__gte=today)),
            "Restrictions on contact kept under review (none left past its review date)",
            "restriction",
        ),
    ):
        if not names.get(key):
            continue
        overdue = in_force & Q(review_on__lt=today)
        # Lifted or ended without a review: no longer restricting anyone, so not a breach.
        pending = in_force & Q(review_on__gte=today) & Q(reviewed=False)
        records = records.annotate(reviewed=Exists(reviews))
        counts = records.aggregate(
            total=Count("pk", filter=~pending),
            overdue=Count("pk", filter=overdue),
            pending=Count("pk", filter=pending),
        )
        if not (counts["total"] or counts["pending"]):
            continue
        item = figure(names[key], measure)
        item.total = counts["total"]
        item.met = counts["total"] - counts["overdue"]
        item.pending = counts["pending"]
        if counts["overdue"]:
            # Record numbers, not names: the figures are published (8.2).
            item.breaches = [
                f"{label} {pk}"
                for pk in records.filter(overdue).order_by("pk").values_list("pk", flat=True)
            ]


def _stage_figures(figure, stages, refs: dict[int, str], measure: str) -> None:
    """Per stage number: stages counted, those whose `letter` annotation holds, and the
    complaints behind the rest."""
    counts = stages.values("number").annotate(
        total=Count("pk", distinct=True), met=Count("pk", distinct=True, filter=Q(letter=True))
    )
    totals = {row["number"]: row for row in counts.order_by("number")}
    if not totals:
        return
    missing = stages.exclude(letter=True).values_list("number", "complaint__reference")
    for number, row in totals.items():
        if number not in refs:
            continue
        item = figure(refs[number], measure.format(n=number))
        item.total += row["total"]
        item.met += row["met"]
    for number, reference in missing:
        if number in refs:
            item = figure(refs[number], measure.format(n=number))
            if reference not in item.breaches:
                item.breaches.append(reference)


def by_ref(figures: list[LiveFigure]) -> dict[str, list[LiveFigure]]:
    grouped: dict[str, list[LiveFigure]] = {}
    for item in figures:
        grouped.setdefault(item.ref, []).append(item)
    return grouped


def live_evidence_for(self_assessment) -> dict[str, list[LiveFigure]]:
    return by_ref(
        live_evidence(
            code_version=self_assessment.code_version.key,
            period_start=self_assessment.period_start,
            period_end=self_assessment.period_end,
        )
    )
