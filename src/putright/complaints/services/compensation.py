"""The landlord's compensation guide (7.4): its bands are kept by the complaints officer,
managers and administrators. A band a remedy was chosen from is never deleted, only made
inactive, so that the remedy still says which band it was offered from."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction

from putright.accounts.models import User
from putright.complaints.models import CompensationBand, Impact, Remedy
from putright.errors import InvalidInput, NotPermitted, RuleBroken, collect_errors
from putright.oversight import permissions
from putright.rules import compensation

EDITORS_ONLY = (
    "Only the complaints officer, managers and administrators keep the compensation guide."
)


def _amount(field: str, value, *, required: bool) -> Decimal | None:
    if value in (None, ""):
        if required:
            raise InvalidInput({field: ["Enter an amount in pounds, like 100."]})
        return None
    try:
        amount = Decimal(str(value))
        if not (0 <= amount < Decimal("100000000")) or amount != amount.quantize(Decimal("0.01")):
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        raise InvalidInput({field: ["Enter an amount in pounds and pence, 0 or more."]}) from None
    return amount


def _text(field: str, value, most: int, *, required_message: str = "") -> str:
    value = value.strip() if isinstance(value, str) else ""
    if required_message and not value:
        raise InvalidInput({field: [required_message]})
    if len(value) > most:
        raise InvalidInput({field: [f"At most {most:,} characters."]})
    return value


@transaction.atomic
def band_save(
    *,
    user: User,
    band: CompensationBand | None = None,
    failure: str,
    impact: str,
    minimum,
    maximum=None,
    per: str = "",
    description: str = "",
    active: bool = True,
) -> CompensationBand:
    """Add a band (`band` None) or change one."""
    if not permissions.can_edit_oversight(user):
        raise NotPermitted(EDITORS_ONLY)
    failure, low, high, per, description = collect_errors(
        lambda: _text("failure", failure, 120, required_message="Name the kind of failure."),
        lambda: _amount("minimum", minimum, required=True),
        lambda: _amount("maximum", maximum, required=False),
        lambda: _text("per", per, 30),
        lambda: _text("description", description, 2000),
    )
    if impact not in Impact.values:
        raise InvalidInput({"impact": [f"Choose one of: {', '.join(Impact.values)}."]})
    compensation.check_band(low, high)
    if per and high is None:
        raise InvalidInput({"maximum": ["A set rate needs its amount as the highest too."]})
    same = CompensationBand.objects.filter(failure__iexact=failure, impact=impact)
    if band is not None:
        same = same.exclude(pk=band.pk)
    if same.exists():
        raise InvalidInput({"impact": [f"The guide already has a {impact} band for {failure}."]})
    if band is not None and Remedy.objects.filter(band=band).exists():
        # The remedies chosen from it were judged against these amounts (7.4): changing them
        # would re-judge the past. A band in use keeps its amounts; the guide changes by retiring
        # it and adding a new one (review finding).
        kept = (band.failure, band.impact, band.minimum, band.maximum, band.per)
        if kept != (failure, impact, low, high, per):
            raise RuleBroken(
                "band_in_use",
                f"Remedies were chosen from the {band} band, so its kind, impact and amounts "
                "stay as they were: make it inactive and add a new band instead.",
                "7.4",
            )
    band = band or CompensationBand()
    band.failure, band.impact, band.minimum, band.maximum = failure, impact, low, high
    band.per, band.description, band.active = per, description, bool(active)
    if band.pk is None:
        band.source = "Added by the landlord"
    band.save()
    return band
