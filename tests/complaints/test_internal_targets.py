"""The landlord's own shorter targets are tracked beside the statutory deadlines, never instead
of them."""

from putright.complaints.selectors import stage_deadline
from tests.complaints.factories import D, escalated, fresh, logged, stage
from tests.factories import acknowledge, respond


def test_internal_targets_sit_beside_the_statutory_deadlines(internal_targets, olivia, hannah):
    complaint = logged(user=olivia, received_on=D(2025, 11, 7))  # a Friday
    current = stage(complaint)
    assert current.internal_acknowledge_by == D(2025, 11, 10)
    assert current.acknowledge_by == D(2025, 11, 14)
    # Missing the internal target is not missing the Code's.
    complaint = fresh(acknowledge(complaint, user=olivia, handler=hannah, on=D(2025, 11, 12)))
    current = stage(complaint)
    assert current.acknowledged_within_timescale is True
    assert current.internal_respond_by == D(2025, 11, 19)
    assert current.respond_by == D(2025, 11, 26)
    deadline = stage_deadline(current, complaint.status, today=D(2025, 11, 20))
    assert (deadline.step, deadline.due, deadline.internal_due) == (
        "respond",
        D(2025, 11, 26),
        D(2025, 11, 19),
    )
    assert (deadline.overdue, deadline.internal_overdue) == (False, True)
    assert deadline.working_days_left == 4
    complaint = fresh(respond(complaint, user=hannah, on=D(2025, 11, 21)))
    assert stage(complaint).within_timescale is True


def test_without_internal_targets_only_statutory_deadlines_are_set(olivia):
    current = stage(logged(user=olivia))
    assert current.internal_acknowledge_by is None
    assert current.acknowledge_by == D(2025, 11, 10)


def test_stage_2_has_its_own_internal_targets(internal_targets, olivia, hannah):
    complaint = escalated(user=olivia, handler=hannah, requested_on=D(2025, 11, 17))
    stage2 = stage(complaint, 2)
    assert stage2.internal_acknowledge_by == D(2025, 11, 19)
    assert stage2.acknowledge_by == D(2025, 11, 24)
