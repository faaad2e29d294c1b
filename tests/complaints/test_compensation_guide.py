"""The compensation guide (7.4): default bands from the Ombudsman's guidance on a fresh install,
kept by the complaints officer; a financial remedy outside the band chosen needs its reason."""

from decimal import Decimal

import pytest

from putright.complaints.models import CompensationBand
from putright.complaints.services import remedy_amend, remedy_offer
from putright.complaints.services.compensation import band_save
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.rules import compensation
from tests.complaints.factories import D, fresh, investigating, snapshot
from tests.factories import respond

YEAR = {"period_start": D(2025, 4, 1), "period_end": D(2026, 3, 31), "code_version": "2024"}


def band(failure="Distress and inconvenience", impact="some"):
    return CompensationBand.objects.get(failure=failure, impact=impact)


@pytest.fixture
def case(olivia, hannah):
    return investigating(user=olivia, handler=hannah)


def pay(case, user, amount, **guide):
    return remedy_offer(
        user=user,
        complaint=case,
        type="financial",
        description="For the time and trouble.",
        amount=amount,
        due_on=D(2025, 12, 5),
        offered_on=D(2025, 11, 20),
        **guide,
    )


def test_a_fresh_install_has_the_ombudsmans_bands(db):
    bands = {(b.failure, b.impact): b for b in CompensationBand.objects.all()}
    assert len(bands) == len(compensation.DEFAULT_BANDS)
    some = bands[("Distress and inconvenience", "some")]
    assert (some.minimum, some.maximum) == (Decimal("100"), Decimal("600"))
    assert bands[("Distress and inconvenience", "significant")].maximum is None  # "and above"
    heating = bands[("Loss of heating and hot water", "set_rate")]
    assert (heating.minimum, heating.per) == (Decimal("15"), "day")
    assert all("Ombudsman" in b.source for b in bands.values())
    # Loading them again adds nothing and keeps the officer's changes.
    some.maximum = Decimal("650")
    some.save()
    assert compensation.ensure_default_bands(CompensationBand) == 0
    assert band().maximum == Decimal("650")


def test_an_amount_within_the_band_is_recorded_with_it(case, hannah):
    remedy = pay(case, hannah, "250", band=band().pk)
    assert (remedy.band, remedy.outside_guide_reason) == (band(), "")
    event = fresh(case).events.last()
    assert event.parameters["band"] == band().pk


def test_an_amount_outside_the_band_needs_the_reason(case, hannah):
    before = snapshot(case)
    with pytest.raises(RuleBroken) as refused:
        pay(case, hannah, "700", band=band().pk)
    assert refused.value.provision == "7.4"
    assert "£100.00 to £600.00" in refused.value.detail
    assert snapshot(case) == before
    remedy = pay(
        case, hannah, "700", band=band().pk, outside_guide_reason="Two winters without heating."
    )
    assert remedy.outside_guide_reason == "Two winters without heating."


def test_a_set_rate_is_multiplied_by_the_days_it_covers(case, hannah):
    heating = band("Loss of heating and hot water", "set_rate")
    with pytest.raises(InvalidInput) as refused:
        pay(case, hannah, "150", band=heating.pk)
    assert "units" in refused.value.errors
    assert pay(case, hannah, "150", band=heating.pk, units=10).units == 10
    with pytest.raises(RuleBroken):
        pay(case, hannah, "100", band=heating.pk, units=10)  # £15 a day for 10 days is £150


def test_only_a_financial_remedy_is_chosen_from_an_active_band(case, hannah):
    with pytest.raises(InvalidInput) as refused:
        remedy_offer(
            user=hannah,
            complaint=case,
            type="apology",
            description="We are sorry.",
            band=band().pk,
        )
    assert "band" in refused.value.errors
    CompensationBand.objects.filter(pk=band().pk).update(active=False)
    with pytest.raises(InvalidInput) as refused:
        pay(case, hannah, "200", band=band().pk)
    assert "band" in refused.value.errors


def test_a_new_amount_is_checked_against_the_band_too(case, hannah):
    remedy = pay(case, hannah, "200", band=band().pk)
    with pytest.raises(RuleBroken) as refused:
        remedy_amend(user=hannah, remedy=remedy, reason="Recalculated.", amount=Decimal("900"))
    assert refused.value.provision == "7.4"
    remedy_amend(
        user=hannah,
        remedy=remedy,
        reason="Recalculated.",
        amount=Decimal("900"),
        outside_guide_reason="The leak lasted a year.",
    )
    assert fresh(case).remedies.get().amount == Decimal("900")


def test_the_figure_counts_payments_from_no_band_without_a_reason(case, hannah):
    respond(
        case,
        user=hannah,
        on=D(2025, 11, 14),
        remedies=[
            {
                "type": "financial",
                "description": "Within",
                "amount": "50",
                "due_on": D(2025, 12, 1),
                "band": band("Distress and inconvenience", "minor").pk,
            },
            {
                "type": "financial",
                "description": "No band",
                "amount": "40",
                "due_on": D(2025, 12, 1),
            },
        ],
    )
    figure = compensation.measure(**YEAR)
    assert (figure.ref, figure.met, figure.total) == ("7.4", 1, 2)
    assert figure.breaches == [case.reference]


def test_the_officer_keeps_the_guide(olivia, hannah):
    with pytest.raises(NotPermitted):
        band_save(user=hannah, failure="Lost post", impact="minor", minimum="10")
    with pytest.raises(InvalidInput) as refused:
        band_save(user=olivia, failure="Lost post", impact="minor", minimum="50", maximum="20")
    assert "maximum" in refused.value.errors
    with pytest.raises(InvalidInput) as refused:
        band_save(user=olivia, failure="distress and inconvenience", impact="minor", minimum="5")
    assert "impact" in refused.value.errors  # one band per kind of failure and impact
    made = band_save(user=olivia, failure="Lost post", impact="minor", minimum="10", maximum="30")
    assert made.source == "Added by the landlord"
    changed = band_save(
        user=olivia, band=made, failure="Lost post", impact="minor", minimum="20", maximum="40"
    )
    assert (changed.pk, changed.minimum) == (made.pk, Decimal("20"))


def test_a_band_in_use_keeps_its_amounts(case, hannah, olivia):
    """Review finding: editing a band in place re-judged every past remedy chosen from it, so
    the 7.4 figure could be rewritten. A band in use is retired and replaced instead."""
    used = band()
    pay(case, hannah, "250", band=used.pk)
    values = {
        "failure": used.failure,
        "impact": used.impact,
        "minimum": "200",
        "maximum": "300",
        "per": used.per,
        "description": used.description,
    }
    with pytest.raises(RuleBroken) as refused:
        band_save(user=olivia, band=used, **values)
    assert (refused.value.error, refused.value.provision) == ("band_in_use", "7.4")
    assert band().minimum == Decimal("100")
    retired = band_save(
        user=olivia, band=used, **{**values, "minimum": "100", "maximum": "600"}, active=False
    )
    assert retired.active is False
    assert compensation.measure(**YEAR).met == 1
