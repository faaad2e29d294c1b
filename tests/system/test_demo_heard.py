"""The demo's dissatisfaction heard (issue 15): flagged service requests and e-mail, some
followed up, one waiting within its time and one past it, so the queue and the 1.3 and 1.5
figures show something, including a breach."""

import datetime as dt

from putright.insight.models import Flag
from putright.rules import dissatisfaction

YEAR = {"period_start": dt.date(2025, 4, 1), "period_end": dt.date(2026, 3, 31)}


def test_flags_followed_up_waiting_and_late(demo):
    assert Flag.objects.filter(source="service_request").count() == 3
    assert Flag.objects.filter(source="email").count() == 1
    figures = {f.ref: f for f in dissatisfaction.measures(**YEAR, today=dt.date(2025, 11, 24))}
    assert (figures["1.5"].met, figures["1.5"].total, figures["1.5"].pending) == (2, 2, 1)
    assert (figures["1.3"].met, figures["1.3"].total) == (0, 1)
    assert dissatisfaction.flags_waiting().count() == 2
