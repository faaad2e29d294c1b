"""7.4: a landlord takes account of the Ombudsman's guidance when deciding remedies. Putright
holds that guidance as the landlord's compensation guide: bands by kind of failure and impact on
the resident, each with an amount range (or a set rate per day, week or appointment). A financial
remedy may be chosen from a band; an amount outside the band it was chosen from needs the reason
recorded, or it is refused (409, 7.4). The measure counts financial remedies offered in the
period: met when the amount is within the band chosen, or a reason is recorded for departing
from the guide (which covers a remedy chosen from no band at all).

The default bands (loaded by migration complaints 0008, and again by `ensure_default_bands`)
come from the Housing Ombudsman's guidance:
- the impact levels and ranges for distress and inconvenience: the Ombudsman's "Guidance on
  remedies", section "Guidance on calculating financial redress"
  (https://www.housing-ombudsman.org.uk/landlords-info/guidance-notes/ombudsmans-policy-and-guidance-on-remedies);
- the set rates (loss of heating or hot water, loss of power, missed appointments): the
  Ombudsman's compensation guidance published 3 February 2026, which applies from 1 April 2026,
  as summarised by Anthony Collins Solicitors
  (https://blog.anthonycollins.com/post/102mi3i/new-housing-ombudsman-compensation-guidance).
The landlord's complaints officer checks and edits them on the compensation guide page.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from putright.errors import InvalidInput, RuleBroken
from putright.rules.figures import Figure

PROVISION = "7.4"
REMEDIES_GUIDANCE = (
    "Housing Ombudsman, Guidance on remedies: guidance on calculating financial redress"
)
COMPENSATION_GUIDANCE = "Housing Ombudsman, Compensation guidance (applies from 1 April 2026)"

D = Decimal
# (kind of failure, impact, minimum, maximum or None for "and above", per, description, source)
DEFAULT_BANDS = [
    (
        "Distress and inconvenience",
        "minor",
        D("50"),
        D("100"),
        "",
        "A failure with a short-lived impact that the landlord put right quickly.",
        REMEDIES_GUIDANCE,
    ),
    (
        "Distress and inconvenience",
        "some",
        D("100"),
        D("600"),
        "",
        "A failure that adversely affected the resident, which the landlord did not put right "
        "in a timely or proportionate way.",
        REMEDIES_GUIDANCE,
    ),
    (
        "Distress and inconvenience",
        "considerable",
        D("600"),
        D("1000"),
        "",
        "A failure with a significant impact on the resident over a period, or repeated failures.",
        REMEDIES_GUIDANCE,
    ),
    (
        "Distress and inconvenience",
        "significant",
        D("1000"),
        None,
        "",
        "A failure with a serious, long-term impact on the resident (severe maladministration).",
        REMEDIES_GUIDANCE,
    ),
    (
        "Loss of heating and hot water",
        "set_rate",
        D("15"),
        D("15"),
        "day",
        "Complete loss of heating and hot water.",
        COMPENSATION_GUIDANCE,
    ),
    (
        "Loss of heating or hot water",
        "set_rate",
        D("8"),
        D("8"),
        "day",
        "Loss of one service: heating or hot water.",
        COMPENSATION_GUIDANCE,
    ),
    (
        "Loss of power",
        "set_rate",
        D("10"),
        D("10"),
        "day",
        "Complete loss of power.",
        COMPENSATION_GUIDANCE,
    ),
    (
        "Loss of lighting",
        "set_rate",
        D("10"),
        D("10"),
        "week",
        "Loss of lighting only (power otherwise working).",
        COMPENSATION_GUIDANCE,
    ),
    (
        "Missed appointment",
        "set_rate",
        D("15"),
        D("15"),
        "appointment",
        "Each appointment the landlord or its contractor missed.",
        COMPENSATION_GUIDANCE,
    ),
]
FIELDS = ("failure", "impact", "minimum", "maximum", "per", "description", "source")


def default_bands() -> list[dict]:
    return [dict(zip(FIELDS, row, strict=True)) for row in DEFAULT_BANDS]


def ensure_default_bands(band_model) -> int:
    """Add the default bands the guide lacks (by kind of failure and impact); never changes a
    band the officer edited. Returns how many were added. Used by the migration and the demo."""
    added = 0
    for row in default_bands():
        _, created = band_model.objects.get_or_create(
            failure=row["failure"], impact=row["impact"], defaults=row
        )
        added += created
    return added


def check_band(minimum, maximum) -> None:
    errors = {}
    if minimum is None or minimum < 0:
        errors["minimum"] = ["Enter the band's lowest amount, 0 or more."]
    elif maximum is not None and maximum < minimum:
        errors["maximum"] = ["The highest amount cannot be below the lowest."]
    if errors:
        raise InvalidInput(errors)


def band_range(band, units: int | None) -> tuple[Decimal, Decimal | None]:
    """The amounts the band allows: a set rate times the units it covers."""
    times = units if band.per else 1
    high = band.maximum * times if band.maximum is not None else None
    return band.minimum * times, high


def describe(band) -> str:
    low, high = band.minimum, band.maximum
    if band.per:
        text = f"£{low:,.2f} a {band.per}" if low == high else f"£{low:,.2f} to £{high:,.2f}"
        return text if low == high else f"{text} a {band.per}"
    return f"£{low:,.2f} and above" if high is None else f"£{low:,.2f} to £{high:,.2f}"


def clean(item: dict, name: str, errors: dict, bands: dict) -> dict:
    """The guide's part of one remedy: its band (an id of an active band, financial remedies
    only), the units a set rate covers, and the reason for an amount outside the guide."""
    band_id = item.get("band")
    units = item.get("units")
    reason = item.get("outside_guide_reason") or ""
    reason = reason.strip() if isinstance(reason, str) else ""
    band = None
    if band_id not in (None, ""):
        if item.get("type") != "financial":
            errors[f"{name}band"] = ["Only a financial remedy is chosen from the guide."]
        else:
            band = bands.get(getattr(band_id, "pk", band_id))
            if band is None:
                errors[f"{name}band"] = ["Choose a band of the compensation guide."]
    if units in (None, ""):
        units = None
    elif isinstance(units, bool) or not isinstance(units, int) or not 0 < units <= 10_000:
        errors[f"{name}units"] = ["Enter how many, a whole number from 1."]
        units = None
    if band is not None and band.per and units is None and f"{name}units" not in errors:
        errors[f"{name}units"] = [f"Say how many ({band.per}s) the set rate covers."]
    if band is not None and not band.per:
        units = None
    return {"band": band, "units": units, "outside_guide_reason": reason}


def active_bands(band_ids) -> dict:
    from putright.complaints.models import CompensationBand

    ids = {getattr(b, "pk", b) for b in band_ids if b not in (None, "")}
    ids = {b for b in ids if isinstance(b, int) and not isinstance(b, bool)}
    return {b.pk: b for b in CompensationBand.objects.filter(pk__in=ids, active=True)}


def within(amount, band, units) -> bool:
    low, high = band_range(band, units)
    return amount is not None and low <= amount and (high is None or amount <= high)


def check(items: list[dict], *, prefix: str = "remedies") -> None:
    """Refuse a financial remedy outside the band chosen when no reason is recorded (7.4)."""
    for index, item in enumerate(items):
        band = item.get("band")
        if band is None or item.get("outside_guide_reason"):
            continue
        if not within(item.get("amount"), band, item.get("units")):
            low, high = band_range(band, item.get("units"))
            allowed = f"£{low:,.2f} and above" if high is None else f"£{low:,.2f} to £{high:,.2f}"
            where = f"Remedy {index + 1}: " if prefix else ""
            raise RuleBroken(
                "outside_compensation_guide",
                f"{where}£{item['amount']:,.2f} is outside the guide's band for {band} "
                f"({allowed}). Record why this amount is right for this resident, or choose "
                "another amount or band.",
                PROVISION,
            )


def measure(
    *, period_start: dt.date, period_end: dt.date, code_version: str | None
) -> Figure | None:
    """Financial remedies offered in the period: met when within the band chosen from the guide,
    or when the reason for departing from it is recorded."""
    from putright.complaints.models import Remedy, RemedyType

    remedies = Remedy.objects.filter(
        type=RemedyType.FINANCIAL, offered_on__range=(period_start, period_end)
    )
    if code_version:
        remedies = remedies.filter(complaint__code_version=code_version)
    rows = list(remedies.select_related("band", "complaint").order_by("complaint__reference"))
    if not rows:
        return None
    figure = Figure(
        PROVISION, "Financial remedies within the compensation guide, or with the reason recorded"
    )
    for remedy in rows:
        ok = bool(remedy.outside_guide_reason) or (
            remedy.band is not None and within(remedy.amount, remedy.band, remedy.units)
        )
        figure.add(ok, remedy.complaint.reference)
    return figure
