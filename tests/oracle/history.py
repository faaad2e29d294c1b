"""The machine's vocabulary: the cast, the date windows, the strategies and a case's snapshot."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hypothesis import strategies as st

from putright.complaints.models import Complaint, Event, Extension, Refusal, Remedy, Stage
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.letters.models import Letter

TODAY = dt.date(2025, 11, 24)
NOW = dt.datetime(2025, 11, 24, 9, 30, tzinfo=dt.UTC)  # before the suite's frozen 10:00
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
CLOSURE = dt.date(2025, 6, 13)  # a Friday the landlord is closed
REFUSED = (RuleBroken, InvalidInput, NotPermitted)
STAFF = ["olivia", "martin", "hannah", "harry", "heidi"]
HANDLERS = ["hannah", "harry", "heidi"]
DEFINITION = {
    "understanding": "The kitchen ceiling leaks and the repair is late.",
    "outcomes_sought": "The leak fixed.",
    "responsible_for": "The roof and the ceiling.",
    "not_responsible_for": "Contents insurance.",
}
WINDOWS = [
    (dt.date(2024, 3, 18), dt.date(2024, 4, 12)),  # Easter 2024 and the Code change on 1 April
    (dt.date(2025, 4, 7), dt.date(2025, 5, 9)),  # Easter 2025, the early May bank holiday
    (dt.date(2025, 5, 19), dt.date(2025, 6, 20)),  # the spring bank holiday, the closure day
    (dt.date(2025, 10, 27), dt.date(2025, 11, 25)),  # near today (and one day after it)
]
RECEIVED = st.sampled_from(WINDOWS).flatmap(lambda w: st.dates(w[0], w[1]))
OFFSET = st.one_of(st.integers(0, 9), st.integers(-1, 40))  # calendar days after the base
LAG = st.one_of(st.just(0), st.just(0), st.integers(1, 45))  # days between claim and record
EVENING = st.booleans()  # recorded at 23:30 UTC: the next day in London in summer
IDX = st.integers(0, 79)
BY = st.sampled_from(["olivia", "handler", "handler", "martin", *HANDLERS])
AWAITING, INVESTIGATING, RESPONDED = "awaiting_acknowledgement", "investigating", "responded"
ACTIONS = {
    "acknowledge": {AWAITING},
    "extend": {INVESTIGATING},
    "respond": {INVESTIGATING},
    "escalate": {RESPONDED, "closed"},
    "refuse": {AWAITING, INVESTIGATING},
    "withdraw": {AWAITING, INVESTIGATING, RESPONDED},
    "close": {RESPONDED},
    "assign": {AWAITING, INVESTIGATING},
    "letter": {"refused"},
    "remedy": {RESPONDED, "closed", INVESTIGATING},
    "edit": {AWAITING, INVESTIGATING, RESPONDED},
}


@dataclass
class Case:
    pk: int | None
    clock: dt.datetime  # when its last step was recorded: time only moves on
    edited: bool = False  # a row changed directly ("data from before the rule")


def snapshot(pk) -> tuple:
    return (
        Event.objects.count(),
        list(Complaint.objects.filter(pk=pk).values()),
        list(Stage.objects.filter(complaint_id=pk).values()),
        Extension.objects.count(),
        Refusal.objects.count(),
        list(Remedy.objects.filter(complaint_id=pk).values()),
        list(Letter.objects.filter(complaint_id=pk).values("pk", "status")),
    )
