"""The demo's surveys: homes per tenure, residents' tenures, survey responses (some about demo
complaints), dissatisfied comments followed up and some waiting, so that every surveys page and
figure shows something."""

from putright.landlord.models import HomesOwned
from putright.people.models import Resident
from putright.rules import surveys as rule
from putright.surveys import selectors
from putright.surveys.models import SurveyFollowUp, SurveyResponse


def test_homes_and_residents_have_tenures(demo):
    for homes in HomesOwned.objects.all():
        assert homes.homes_lcra + homes.homes_lcho == homes.homes and homes.homes_lcho > 0
    tenures = set(Resident.objects.values_list("tenure", flat=True))
    assert {"lcra", "lcho"} <= tenures


def test_surveys_some_linked_some_followed_up_some_waiting(demo):
    assert SurveyResponse.objects.filter(complaint__isnull=False).exists()
    assert SurveyResponse.objects.filter(complaint__isnull=True).exists()
    assert SurveyFollowUp.objects.exists()
    assert selectors.follow_up_count() > 0
    assert "survey responses" in demo


def test_tp09_has_respondents_in_the_current_year(demo):
    import datetime as dt

    figures = rule.tp09(period_start=dt.date(2025, 4, 1), period_end=dt.date(2026, 3, 31))
    assert figures["lcra"].denominator > 0
