"""The API for who decided stage 2 (6.20, 6.13), the stage 2 panel (3.6) and the compensation
guide (7.4)."""

import datetime as dt

import pytest

from putright.complaints.models import CompensationBand
from tests.api.conftest import url
from tests.factories import acknowledge

ANSWER = {"responded_on": "2025-11-21", "decision": "upheld", "reasons": "We got it wrong."}


@pytest.fixture
def stage2(escalated, olivia, harry):
    return acknowledge(escalated, user=olivia, handler=harry, on=dt.date(2025, 11, 18))


def some():
    return CompensationBand.objects.get(failure="Distress and inconvenience", impact="some")


def test_stage_2_is_answered_with_who_decided(as_harry, stage2, martin):
    answer = as_harry.post(
        url(stage2, "respond"), {**ANSWER, "decision_maker": "martin"}, format="json"
    )
    assert answer.status_code == 200, answer.json()
    [_, second] = answer.json()["stages"]
    assert (second["decision_maker"], second["decision_maker_role"]) == ("martin", "manager")


def test_the_stage_1_handler_cannot_be_named_as_the_decision_maker(as_harry, stage2, martin):
    answer = as_harry.post(
        url(stage2, "respond"), {**ANSWER, "decision_maker": "hannah"}, format="json"
    )
    assert answer.status_code == 409
    assert answer.json()["provision"] == "6.13"


def test_a_panel_is_recorded_and_shown_on_the_stage(as_harry, stage2):
    panel = {
        "held_on": "2025-11-20",
        "members": ["Martin Cole, Manager", "Ade Okoro, independent member"],
        "resident_attended": True,
        "accompanied_by": "Her advocate",
    }
    answer = as_harry.post(url(stage2, "panel"), panel, format="json")
    assert answer.status_code == 200, answer.json()
    [recorded] = answer.json()["stages"][1]["panels"]
    assert recorded["members"] == panel["members"]
    assert recorded["accompanied_by"] == "Her advocate"
    answer = as_harry.post(url(stage2, "panel"), {**panel, "members": []}, format="json")
    assert answer.status_code == 400


def test_a_panel_at_stage_1_is_refused(as_hannah, investigating):
    panel = {"held_on": "2025-11-20", "members": ["Martin"], "resident_attended": False}
    answer = as_hannah.post(url(investigating, "panel"), panel, format="json")
    assert answer.status_code == 409
    assert answer.json()["provision"] == "6.20"


def test_the_guide_is_listed_and_a_payment_outside_its_band_needs_the_reason(
    as_hannah, investigating
):
    bands = as_hannah.get("/api/v1/compensation-bands/").json()
    assert {"Distress and inconvenience", "Missed appointment"} <= {b["failure"] for b in bands}
    payment = {
        "type": "financial",
        "description": "For the delay.",
        "amount": "750.00",
        "due_on": "2025-12-05",
        "band": some().pk,
    }
    answer = as_hannah.post(
        url(investigating, "respond"),
        {**ANSWER, "responded_on": "2025-11-14", "remedies": [payment]},
        format="json",
    )
    assert answer.status_code == 409
    assert answer.json()["provision"] == "7.4"
    payment["outside_guide_reason"] = "The resident was without a kitchen for months."
    answer = as_hannah.post(
        url(investigating, "respond"),
        {**ANSWER, "responded_on": "2025-11-14", "remedies": [payment]},
        format="json",
    )
    assert answer.status_code == 200, answer.json()
    [remedy] = answer.json()["remedies"]
    assert (remedy["band"], remedy["outside_guide_reason"]) == (
        some().pk,
        payment["outside_guide_reason"],
    )
