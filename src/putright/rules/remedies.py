"""7.3 (2022 Code 6.5): a remedy says what will happen and by when, and is followed through to
completion. Outstanding actions the same (6.6, 6.17).

Every remedy and every outstanding action must have a due date on or after the day it is
offered. An apology, an explanation or a changed decision is given in the offer itself: its
date is the day it is offered, and it is done then. The measure counts remedies offered in the
period, met when done by the date promised.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db.models import Count, F, Q

from putright.complaints.models import Remedy, RemedyType
from putright.errors import InvalidInput
from putright.rules import compensation
from putright.rules.figures import Figure

PENNY = Decimal("0.01")
MAX_AMOUNT = Decimal("100000000")
MAX_ITEMS = 50  # remedies or actions in one request
# Given in the offer (the response letter says it), so due and done on the day it is offered.
GIVEN_IN_THE_OFFER = {RemedyType.APOLOGY, RemedyType.EXPLANATION, RemedyType.DECISION_CHANGED}


def _due_on(errors, field, due_on, not_before, when: str, label: str) -> None:
    if due_on is None or due_on == "":
        errors[field] = [f"Say by when (YYYY-MM-DD): every {when} needs a due date (7.3)."]
    elif not isinstance(due_on, dt.date) or isinstance(due_on, dt.datetime):
        errors[field] = ["Enter a date (YYYY-MM-DD)."]
    elif not_before is not None and due_on < not_before:
        errors[field] = [f"The due date cannot be before {label} ({not_before.isoformat()})."]


def clean_remedies(items, offered_on: dt.date, *, prefix: str = "remedies") -> list[dict]:
    """Remedies as the services store them. `prefix` names the fields as the caller sent them:
    "remedies[0].due_on" in a response, "due_on" for a remedy offered on its own."""
    items = list(items or [])
    if len(items) > MAX_ITEMS:
        raise InvalidInput({prefix: f"At most {MAX_ITEMS} remedies at once."})
    cleaned, errors = [], {}
    bands = compensation.active_bands(i.get("band") for i in items if isinstance(i, dict))
    for index, item in enumerate(items):
        name = f"{prefix}[{index}]." if prefix else ""
        item = item if isinstance(item, dict) else {}
        if item.get("type") not in RemedyType.values:
            errors[f"{name}type"] = [f"Choose one of: {', '.join(RemedyType.values)}."]
        if not (item.get("description") or "").strip():
            errors[f"{name}description"] = ["Describe the remedy."]
        amount = item.get("amount")
        if amount not in (None, ""):
            try:
                amount = Decimal(str(amount))
                # Pounds and pence that the column holds (10 digits, 2 after the point).
                if not (0 < amount < MAX_AMOUNT) or amount != amount.quantize(PENNY):
                    raise InvalidOperation
                amount = amount.quantize(PENNY)
            except (InvalidOperation, ValueError):
                errors[f"{name}amount"] = [
                    "Enter an amount in pounds and pence, greater than 0 and less than 100,000,000."
                ]
        else:
            amount = None
        if item.get("type") == RemedyType.FINANCIAL and amount is None:
            errors.setdefault(f"{name}amount", ["A financial remedy needs an amount."])
        elif amount is not None and item.get("type") != RemedyType.FINANCIAL:
            # Money paid is a financial remedy, judged against the compensation guide (7.4).
            errors.setdefault(
                f"{name}amount", ["Only a financial remedy has an amount: choose financial."]
            )
        due_on = item.get("due_on")
        given = item.get("type") in GIVEN_IN_THE_OFFER
        if given and due_on in (None, ""):
            due_on = offered_on
        _due_on(errors, f"{name}due_on", due_on, offered_on, "remedy", "the remedy is offered")
        cleaned.append(
            {
                "type": item.get("type"),
                "description": (item.get("description") or "").strip(),
                "amount": amount,
                "due_on": due_on,
                # Done in the offer itself when it is given then.
                "completed_on": offered_on if given and due_on == offered_on else None,
                # Its place in the compensation guide (7.4).
                **compensation.clean(item, name, errors, bands),
            }
        )
    if errors:
        raise InvalidInput(errors)
    compensation.check(cleaned, prefix=prefix)
    return cleaned


def clean_actions(
    items,
    not_before: dt.date,
    *,
    prefix: str = "outstanding_actions",
    label: str = "the response",
) -> list:
    items = list(items or [])
    if len(items) > MAX_ITEMS:
        raise InvalidInput({prefix: f"At most {MAX_ITEMS} actions at once."})
    cleaned, errors = [], {}
    for index, item in enumerate(items):
        name = f"{prefix}[{index}]." if prefix else ""
        item = item if isinstance(item, dict) else {}
        if not (item.get("description") or "").strip():
            errors[f"{name}description"] = ["Describe the action."]
        _due_on(errors, f"{name}due_on", item.get("due_on"), not_before, "action", label)
        cleaned.append(
            {"description": (item.get("description") or "").strip(), "due_on": item.get("due_on")}
        )
    if errors:
        raise InvalidInput(errors)
    return cleaned


def measure(
    *, period_start: dt.date, period_end: dt.date, today: dt.date, code_version: str | None, ref
) -> Figure | None:
    """Remedies offered in the period: met when completed by the date promised; one with no date
    (recorded before the rule) can never be shown done on time, so it is a breach."""
    remedies = Remedy.objects.filter(offered_on__range=(period_start, period_end))
    if code_version:
        remedies = remedies.filter(complaint__code_version=code_version)
    # Written without negation, so that a missing due date is judged, never lost to NULL.
    on_time = Q(completed_on__isnull=False, due_on__isnull=False, completed_on__lte=F("due_on"))
    pending = Q(completed_on__isnull=True, due_on__isnull=False, due_on__gte=today)
    late = (
        Q(completed_on__isnull=False, completed_on__gt=F("due_on"))
        | Q(due_on__isnull=True)
        | Q(completed_on__isnull=True, due_on__lt=today)
    )
    counts = remedies.aggregate(
        met=Count("pk", filter=on_time),
        late=Count("pk", filter=late),
        pending=Count("pk", filter=pending),
    )
    counts["total"] = counts["met"] + counts["late"]
    if not (counts["total"] or counts["pending"]):
        return None
    figure = Figure(ref, "Remedies completed by the date promised")
    figure.total, figure.met, figure.pending = counts["total"], counts["met"], counts["pending"]
    figure.breaches = sorted(
        set(remedies.filter(late).values_list("complaint__reference", flat=True))
    )
    return figure
