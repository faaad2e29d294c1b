"""CH01 and CH02 per tenure: homes per tenure in the landlord's settings, complaints split by
the resident's tenure; the totals unchanged."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from putright.errors import InvalidInput, NotPermitted
from putright.landlord.models import HomesOwned
from putright.oversight import selectors, tenure
from putright.people.tenure import resident_tenure_set
from tests.factories import acknowledge, log_complaint, respond


def _complaint(olivia, hannah, name, tenure_, received):
    complaint = log_complaint(
        user=olivia, received_on=received, resident={"name": name, "tenancy_reference": name}
    )
    resident_tenure_set(user=olivia, resident=complaint.resident, tenure=tenure_)
    return complaint


def test_ch01_and_ch02_split_by_tenure_with_the_totals_unchanged(olivia, hannah):
    HomesOwned.objects.create(reporting_year=2025, homes=1000, homes_lcra=800, homes_lcho=200)
    lcra = _complaint(olivia, hannah, "A", "lcra", dt.date(2025, 4, 1))
    _complaint(olivia, hannah, "B", "lcra", dt.date(2025, 9, 1))
    _complaint(olivia, hannah, "C", "lcho", dt.date(2025, 9, 2))
    _complaint(olivia, hannah, "D", "unknown", dt.date(2025, 9, 3))
    _complaint(olivia, hannah, "E", "lcho", dt.date(2025, 3, 31))  # reporting year 2024
    acknowledge(lcra, user=olivia, handler=hannah, on=dt.date(2025, 4, 1))
    respond(lcra, user=hannah, on=dt.date(2025, 4, 8))
    figures = tenure.tsm_with_tenure(2025)
    total = selectors.tsm(2025)
    assert figures["ch01_stage1_count"] == total["ch01_stage1_count"] == 4
    split = figures["by_tenure"]
    assert (split["lcra"]["ch01_stage1_count"], split["lcra"]["ch01_stage1"]) == (2, 2.5)
    assert (split["lcho"]["ch01_stage1_count"], split["lcho"]["ch01_stage1"]) == (1, 5.0)
    assert (split["lcra"]["ch02_stage1_numerator"], split["lcra"]["ch02_stage1_denominator"]) == (
        1,
        1,
    )
    assert split["lcho"]["ch02_stage1"] is None


def test_without_homes_per_tenure_the_rate_is_not_given(olivia, hannah):
    HomesOwned.objects.create(reporting_year=2025, homes=1000)
    _complaint(olivia, hannah, "A", "lcra", dt.date(2025, 9, 1))
    split = tenure.tsm_with_tenure(2025)["by_tenure"]["lcra"]
    assert split["homes"] is None and split["ch01_stage1"] is None
    assert split["ch01_stage1_count"] == 1


def test_homes_per_tenure_cannot_exceed_the_total(db):
    homes = HomesOwned(reporting_year=2025, homes=100, homes_lcra=90, homes_lcho=20)
    with pytest.raises(ValidationError) as error:
        homes.full_clean()
    assert "homes_lcra" in error.value.message_dict


def test_the_resident_tenure_is_one_of_the_choices(olivia, grace):
    complaint = log_complaint(user=olivia)
    with pytest.raises(InvalidInput) as error:
        resident_tenure_set(user=olivia, resident=complaint.resident, tenure="leasehold")
    assert "tenure" in error.value.errors
    with pytest.raises(NotPermitted):
        resident_tenure_set(user=grace, resident=complaint.resident, tenure="lcra")
    assert complaint.resident.tenure == "unknown"
