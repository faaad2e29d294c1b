"""Live evidence: what Putright's own records show for a provision over a period, offered beside
the landlord's evidence. Where the records show a breach, a "no" or "partly" is proposed with the
complaints behind it.

Every figure is a measure from `putright.rules`, the module that also holds the rule's check, so
the evidence, the dashboard and the reports count the same thing the same way. The cohort for a
period is the stages started (received or escalated) in it, refusals decided in it and remedies
offered in it, counting only complaints handled under the self-assessment's own Code version.
Something still outstanding is judged as of today. A figure marked "enforced" measures a rule
Putright refuses to let be broken: it can fail only for records made before the rule.
See docs/compliance.md for every provision and where its evidence comes from.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef

from putright import dates
from putright.complaints.models import Stage
from putright.letters.models import Letter, LetterKind, LetterStatus
from putright.rules import (
    compensation,
    complaints_officer,
    continuity,
    contractors,
    dissatisfaction,
    exclusions,
    extensions,
    governance,
    independence,
    keeping_informed,
    learning,
    policy,
    reassessment,
    remedies,
    representatives,
    reviews,
    service_requests,
    sign_off,
    stage2_decision,
    surveys,
    timeliness,
    training,
)
from putright.rules.figures import Figure
from putright.timescales.code import timescales_for

# Kept under its old name for the pages and the API that show it.
LiveFigure = Figure

# Provisions per Code version that are not timescales (those come from the timescales data).
PROVISIONS = {
    "2024": {
        "remedies": "7.3",
        "response_letters": {1: "6.9", 2: "6.19"},
        "reviews": True,
    },
    "2022": {
        "remedies": "6.5",
        "response_letters": {1: "5.8", 2: "5.16"},
        "reviews": False,
    },
}


def live_evidence(*, code_version: str, period_start: dt.date, period_end: dt.date) -> list[Figure]:
    """The figures for a period, for complaints handled under `code_version`. A provision can
    have more than one figure."""
    names = PROVISIONS.get(code_version)
    if names is None:
        return []  # the 2020 Code's questions carry no provision numbers to attach to
    today = dates.today()
    period = {"period_start": period_start, "period_end": period_end}
    rules = timescales_for(code_version)
    result: list[Figure] = []

    timely = timeliness.measures(**period, today=today, code_version=code_version)
    for number in (1, 2):
        for key in ("acknowledgement", "response"):
            if number in timely[key]:
                result.append(timely[key][number])

    stages = Stage.objects.filter(
        requested_on__range=(period_start, period_end), complaint__code_version=code_version
    )
    result += extensions.limit_measure(
        stages, rules.stage, {s.stage: s.extension_provision for s in rules.stages}
    )
    if code_version == "2024":
        result += extensions.letters_measure(
            stages, {s.stage: s.extension_notice_provision for s in rules.stages}
        )
    result.append(independence.measure(**period, code_version=code_version))
    result += exclusions.measures(**period, code_version=code_version)
    result.append(
        remedies.measure(**period, today=today, code_version=code_version, ref=names["remedies"])
    )
    result += _response_letters(stages, names["response_letters"])
    if names["reviews"]:
        result += reviews.measures(**period, today=today)
    if code_version == "2024":
        # Provisions new in the 2024 Code, or first given a measure for it.
        result.append(service_requests.measure(**period, today=today))
        result.append(complaints_officer.measure())
        result.append(policy.published_measure())
        measured = {**period, "today": today, "code_version": code_version}
        result.append(keeping_informed.update_agreement_measure(**measured))
        result += keeping_informed.actions_measures(**measured)
        result.append(learning.measure(**measured))
        # 1.3, 1.6: dissatisfied survey comments followed up with the offer to complain.
        result += surveys.follow_up_measures(**period, today=today)
        # 1.3, 1.5: dissatisfaction the detector heard in e-mails and service requests.
        result += dissatisfaction.measures(**period, today=today)
        # 3.2, 4.3: staff trained; 5.5: contractors' evidence requests answered in time.
        result += training.measures(period_end=period_end, today=today)
        result.append(contractors.measure(**period, today=today, code_version=code_version))
        # 3.6: representatives acting with the resident's consent recorded.
        result.append(representatives.measure(**period, code_version=code_version))
        # 6.7: response letters signed off by someone other than the author, where required.
        result.append(sign_off.measure(**period, code_version=code_version))
        # 6.20: who decided stage 2; 7.4: financial remedies within the compensation guide.
        result.append(stage2_decision.measure(**period, code_version=code_version))
        result.append(compensation.measure(**period, code_version=code_version))
    return [f for f in result if f is not None and (f.total or f.pending)]


def organisation_evidence(
    *, code_version: str, period_start: dt.date, period_end: dt.date
) -> list[Figure]:
    """The landlord's own records rather than its complaints, under the 2024 Code's numbers:
    organisational change (8.3), the Ombudsman's request for a review (8.4), exceptional
    circumstances (8.5), the governing body (9.3, 9.6, 9.7) and who is accountable (9.4, 9.5;
    register entries, shown whatever the period)."""
    if code_version != "2024":
        return []
    period = {"period_start": period_start, "period_end": period_end}
    result = [
        reassessment.measure(**period),
        reassessment.review_measure(**period),
        continuity.measure(**period),
        governance.learning_measure(**period),
        governance.insight_measure(**period, today=dates.today()),
        *governance.accountability_measures(),
        governance.determinations_measure(**period, today=dates.today()),
    ]
    return [f for f in result if f is not None and (f.total or f.pending)]


def _response_letters(stages, refs: dict[int, str]) -> list[Figure]:
    """6.9 / 6.19: letters are only issuable with every required element, so an issued response
    letter is a complete one."""
    issued = Letter.objects.filter(
        complaint=OuterRef("complaint"),
        stage=OuterRef("number"),
        status=LetterStatus.ISSUED,
        kind__in=[LetterKind.STAGE1_RESPONSE, LetterKind.STAGE2_RESPONSE],
    )
    rows = (
        stages.filter(responded_on__isnull=False)
        .annotate(letter=Exists(issued))
        .order_by("number", "complaint__reference")
        .values_list("number", "complaint__reference", "letter")
    )
    figures: dict[int, Figure] = {}
    for number, reference, letter in rows:
        figure = figures.setdefault(
            number,
            Figure(
                refs[number], f"Stage {number} responses with a complete response letter issued"
            ),
        )
        figure.add(bool(letter), reference)
    return [figures[n] for n in sorted(figures)]


def by_ref(figures: list[Figure]) -> dict[str, list[Figure]]:
    grouped: dict[str, list[Figure]] = {}
    for item in figures:
        grouped.setdefault(item.ref, []).append(item)
    return grouped


def live_evidence_for(self_assessment) -> dict[str, list[Figure]]:
    period = {
        "code_version": self_assessment.code_version.key,
        "period_start": self_assessment.period_start,
        "period_end": self_assessment.period_end,
    }
    return by_ref(live_evidence(**period) + organisation_evidence(**period))
