"""6.3, 6.4, 6.14, 6.15 (2022 Code 5.1, 5.13): extending the response timescale.

An extension is a decision made, and told to the resident, before the deadline it moves: told
after the deadline, the response was already late, and the extension is refused. One recorded
after the deadline it moves, though dated before it, is accepted (the record keeps what the
handler says happened) but the timeliness measure judges the response against the deadline
before it, as backdated: nothing recorded afterwards makes a late response count as in time.
Beyond the Code's limit (10 working days at stage 1, 20 at stage 2 under the 2024 Code) it
needs a good reason; no single extension may run past
MAX_WORKING_DAYS, a bound that keeps the calendar and the record sane. The resident is told in a
letter with the Ombudsman's details (6.5, 6.16): that measure lives here too.
"""

from __future__ import annotations

import datetime as dt

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

from putright.complaints.models import Extension, Stage
from putright.errors import InvalidInput, RuleBroken
from putright.letters.models import Letter, LetterKind, LetterStatus
from putright.rules.figures import ENFORCED, Figure
from putright.timescales import deadlines
from putright.timescales.code import StageTimescales

MAX_WORKING_DAYS = 60  # about three months in one extension


def check_days(working_days) -> int:
    if not isinstance(working_days, int) or isinstance(working_days, bool) or working_days < 1:
        raise InvalidInput({"working_days": "Enter a whole number of working days, 1 or more."})
    if working_days > MAX_WORKING_DAYS:
        raise InvalidInput(
            {
                "working_days": f"One extension can be at most {MAX_WORKING_DAYS} working days; "
                "agree a further extension nearer the time if it is needed."
            }
        )
    return working_days


def check(
    *,
    stage: Stage,
    rules: StageTimescales,
    working_days: int,
    resident_informed_on: dt.date,
    good_reason: str,
    today: dt.date,
) -> None:
    """Refuse an extension the Code does not allow, naming the provision."""
    provision = rules.extension_provision
    deadline = stage.respond_by
    if deadline is not None and resident_informed_on > deadline:
        raise RuleBroken(
            "extension_after_deadline",
            f"The response was due by {deadline.isoformat()}; the resident was told of the "
            f"extension on {resident_informed_on.isoformat()}, after it. An extension must be "
            "decided and explained before the deadline it moves, so this response is late.",
            provision,
        )
    if deadlines.extension_needs_good_reason(rules, stage.extended_days, working_days) and not (
        good_reason
    ):
        raise RuleBroken(
            "extension_too_long",
            f"Extensions at stage {stage.number} may total at most "
            f"{rules.extension_limit_days} working days without a good reason; this would make "
            f"{stage.extended_days + working_days}. Record the good reason to go further.",
            provision,
        )


# --- the measures ----------------------------------------------------------------------------


def limit_measure(stages, rules_for, refs: dict[int, str]) -> list[Figure]:
    """6.4 / 6.15: extensions beyond the limit only with a good reason. Enforced."""
    figures: dict[int, Figure] = {}
    totals: dict[int, list] = {}
    for extension in Extension.objects.filter(stage__in=stages).values(
        "stage_id", "stage__number", "stage__complaint__reference", "working_days", "good_reason"
    ):
        entry = totals.setdefault(
            extension["stage_id"],
            [extension["stage__number"], extension["stage__complaint__reference"], 0, False],
        )
        entry[2] += extension["working_days"]
        entry[3] = entry[3] or bool(extension["good_reason"])
    for number, reference, days, good in sorted(totals.values(), key=lambda e: (e[0], e[1])):
        if number not in refs:
            continue
        limit = rules_for(number).extension_limit_days
        figure = figures.setdefault(
            number,
            Figure(
                ref=refs[number],
                measure=f"Stage {number} extensions within {limit} working days or with a "
                "good reason",
                enforced=ENFORCED,
            ),
        )
        figure.add(days <= limit or good, reference)
    return [figures[n] for n in sorted(figures)]


def letters_measure(stages, refs: dict[int, str]) -> list[Figure]:
    """6.5 / 6.16: each extension told in a letter with the Ombudsman's contact details (an
    extension letter cannot be issued without them)."""
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
    judged = (
        stages.filter(Exists(extensions))
        .annotate(
            letters=Coalesce(Subquery(letters), 0),
            extension_count=Subquery(
                extensions.values("stage").annotate(n=Count("pk")).values("n")
            ),
        )
        .annotate(
            told=ExpressionWrapper(
                Q(letters__gte=F("extension_count")), output_field=BooleanField()
            )
        )
    )
    figures = {}
    for number, reference, told in judged.order_by("number", "complaint__reference").values_list(
        "number", "complaint__reference", "told"
    ):
        if number not in refs:
            continue
        figure = figures.setdefault(
            number,
            Figure(
                ref=refs[number],
                measure=f"Stage {number} extensions each told in a letter with the Ombudsman's "
                "contact details",
            ),
        )
        figure.add(bool(told), reference)
    return [figures[n] for n in sorted(figures)]
