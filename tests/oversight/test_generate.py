import pytest
from django.core.management import call_command
from django.db.models import F

from putright.complaints.models import Complaint, Stage
from putright.landlord.models import HomesOwned
from putright.oversight import selectors

pytestmark = pytest.mark.django_db


def test_generate_makes_consistent_cases(today):
    call_command("generate", complaints=400, seed=7, years=2)
    assert Complaint.objects.count() == 400
    assert Stage.objects.filter(number=1).count() == 400
    # Every stored "within timescale" agrees with the stored dates.
    assert not Stage.objects.filter(
        within_timescale=True, responded_on__gt=F("respond_by")
    ).exists()
    assert not Stage.objects.filter(
        within_timescale=False, responded_on__lte=F("respond_by")
    ).exists()
    assert not Stage.objects.filter(requested_on__gt=today).exists()
    # A stage 2 only follows a stage 1 response.
    assert not Stage.objects.filter(
        number=2, complaint__stages__number=1, complaint__stages__responded_on__isnull=True
    ).exists()
    assert HomesOwned.objects.filter(reporting_year=2024).exists()
    figures = selectors.tsm(2024)
    assert figures["ch01_stage1_count"] > 0
    assert figures["ch02_stage1_denominator"] > 0


def test_generate_twice_adds_more(today):
    call_command("generate", complaints=50, seed=7, years=1)
    call_command("generate", complaints=50, seed=7, years=1)
    assert Complaint.objects.count() == 100
    # The ids handed out by the generator leave the sequences usable by the services.
    from tests.factories import log_complaint

    assert log_complaint(received_on=today).pk > 0
