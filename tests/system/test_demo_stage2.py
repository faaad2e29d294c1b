"""The demo's stage 2 decisions and panels (3.6, 6.20) and financial remedies chosen from the
compensation guide, one outside its band with the reason (7.4), so that every new page and
figure shows something."""

import datetime as dt

from putright.complaints.models import Panel, Remedy, Stage
from putright.rules import compensation, stage2_decision

YEAR = {"period_start": dt.date(2025, 4, 1), "period_end": dt.date(2026, 3, 31)}


def test_stage_2_responses_name_who_decided_and_some_followed_a_panel(demo):
    decided = Stage.objects.filter(number=2, responded_on__isnull=False)
    assert decided.exists()
    assert decided.filter(decision_maker__username="martin", decision_maker_role="manager").exists()
    assert Panel.objects.filter(resident_attended=True).exclude(accompanied_by="").exists()
    figure = stage2_decision.measure(**YEAR, code_version="2024")
    assert figure is not None and figure.met > 0


def test_payments_come_from_the_guide_and_one_departs_from_it_with_the_reason(demo):
    payments = Remedy.objects.filter(type="financial")
    assert payments.filter(band__isnull=False, outside_guide_reason="").exists()
    [outside] = payments.exclude(outside_guide_reason="")
    assert not compensation.within(outside.amount, outside.band, outside.units)
    figure = compensation.measure(**YEAR, code_version="2024")
    assert figure is not None and figure.met > 0
