"""deadlines_recalculate: when the landlord adds or removes a closure day, every open stage's
pending deadline follows, and each move is an event on its case."""

import pytest

from putright.complaints.services import deadlines_recalculate
from putright.landlord.services import closure_day_add, closure_day_remove
from tests.complaints.factories import D, fresh, investigating, logged, responded, stage


@pytest.fixture
def cases(olivia, hannah):
    return {
        # Received Friday 21 November: acknowledge by Friday 28 November.
        "awaiting": logged(user=olivia, received_on=D(2025, 11, 21)),
        # Acknowledged Thursday 20 November: respond by Thursday 4 December.
        "investigating": investigating(
            user=olivia, handler=hannah, received_on=D(2025, 11, 20), on=D(2025, 11, 20)
        ),
        "responded": responded(
            user=olivia, handler=hannah, received_on=D(2025, 11, 20), on=D(2025, 11, 24)
        ),
    }


def test_a_closure_day_moves_the_pending_deadlines(cases, adam):
    responded_before = list(fresh(cases["responded"]).stages.values())
    assert stage(cases["investigating"]).acknowledge_by == D(2025, 11, 27)
    closure, moved = closure_day_add(user=adam, date=D(2025, 11, 26), reason="Staff training")
    assert moved == 2
    assert stage(cases["awaiting"]).acknowledge_by == D(2025, 12, 1)
    assert stage(cases["investigating"]).respond_by == D(2025, 12, 5)
    # Already judged against: the acknowledgement deadline is history and does not move.
    assert stage(cases["investigating"]).acknowledge_by == D(2025, 11, 27)
    assert list(fresh(cases["responded"]).stages.values()) == responded_before
    event = fresh(cases["awaiting"]).events.last()
    assert event.type == "deadlines_recalculated"
    assert event.actor == adam
    assert event.parameters["before"]["acknowledge_by"] == "2025-11-28"
    assert event.parameters["after"]["acknowledge_by"] == "2025-12-01"
    assert "Staff training" in event.parameters["reason"]

    assert closure_day_remove(user=adam, closure=closure) == 2
    assert stage(cases["awaiting"]).acknowledge_by == D(2025, 11, 28)
    assert stage(cases["investigating"]).respond_by == D(2025, 12, 4)


def test_extensions_are_kept_when_deadlines_move(olivia, hannah, adam):
    from tests.complaints.factories import extend

    complaint = investigating(
        user=olivia, handler=hannah, received_on=D(2025, 11, 20), on=D(2025, 11, 20)
    )
    complaint = extend(complaint, user=hannah, working_days=3, on=D(2025, 11, 21))
    assert stage(complaint).respond_by == D(2025, 12, 9)
    closure_day_add(user=adam, date=D(2025, 12, 1), reason="Office move")
    assert stage(complaint).respond_by == D(2025, 12, 10)


def test_nothing_moves_when_nothing_changed(cases):
    assert deadlines_recalculate(user=None, reason="Nightly check") == 0
    assert fresh(cases["awaiting"]).events.count() == 1


def test_a_stage_2_deadline_moves_and_stage_1_stays(olivia, hannah, adam):
    from tests.complaints.factories import escalated

    complaint = escalated(user=olivia, handler=hannah, requested_on=D(2025, 11, 21))
    stage1 = list(fresh(complaint).stages.filter(number=1).values())
    closure_day_add(user=adam, date=D(2025, 11, 25), reason="Training")
    assert stage(complaint, 2).acknowledge_by == D(2025, 12, 1)
    assert list(fresh(complaint).stages.filter(number=1).values()) == stage1
