"""The stage state machine (pure): random sequences of actions never reach an inconsistent
state."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from putright.complaints.workflow import (
    FINAL_STATUSES,
    OPEN_STATUSES,
    Action,
    Status,
    allowed_actions,
    check,
    next_stage,
    next_status,
)

actions = st.lists(st.sampled_from(list(Action)), max_size=40)


@given(actions)
@settings(deadline=None)  # no timing: CPUs are shared
def test_random_action_sequences_keep_status_and_stage_consistent(sequence):
    status, stage = Status.AWAITING_ACKNOWLEDGEMENT, 1
    responded_at_stage_1 = acknowledged_at_stage = False
    for action in sequence:
        refusal = check(status, stage, action)
        if refusal is not None:
            with pytest.raises(ValueError):
                next_status(status, stage, action)
            assert refusal.error and refusal.detail
            continue
        if action is Action.ESCALATE:
            # 6.10: only after the stage 1 response (closing it does not take the right away).
            assert stage == 1 and responded_at_stage_1
            assert status in (Status.RESPONDED, Status.CLOSED)
        if action is Action.RESPOND:
            # A response only after acknowledging the stage (6.3, 6.14).
            assert status is Status.INVESTIGATING
            responded_at_stage_1 |= stage == 1
        if action is Action.ACKNOWLEDGE:
            acknowledged_at_stage = stage
        assert status not in FINAL_STATUSES or (status, action) == (Status.CLOSED, Action.ESCALATE)
        status, stage = next_status(status, stage, action), next_stage(stage, action)
        assert stage in (1, 2)
        assert status in OPEN_STATUSES | FINAL_STATUSES
        if stage == 2:
            assert responded_at_stage_1
        if status is Status.INVESTIGATING:
            assert acknowledged_at_stage == stage


@given(st.sampled_from(sorted(FINAL_STATUSES)), st.sampled_from([1, 2]), st.sampled_from(Action))
@settings(deadline=None)  # no timing: CPUs are shared
def test_nothing_happens_after_a_final_status(status, stage, action):
    # Except one thing: a case closed after its stage 1 response can still go to stage 2
    # (6.10, 5.11, B1); the request reopens it.
    if (status, stage, action) == (Status.CLOSED, 1, Action.ESCALATE):
        assert check(status, stage, action) is None
        assert next_status(status, stage, action) is Status.AWAITING_ACKNOWLEDGEMENT
        return
    assert allowed_actions(status, stage) <= {Action.ESCALATE}
    refusal = check(status, stage, action)
    assert refusal is not None


def test_a_closed_stage_1_can_be_escalated_but_a_withdrawn_or_refused_one_cannot():
    assert allowed_actions(Status.CLOSED, 1) == frozenset({Action.ESCALATE})
    for status in (Status.WITHDRAWN, Status.REFUSED):
        assert check(status, 1, Action.ESCALATE).error == "complaint_ended"
    assert check(Status.CLOSED, 2, Action.ESCALATE) is not None


def test_escalating_before_the_stage_1_response_names_6_10():
    for status in (Status.AWAITING_ACKNOWLEDGEMENT, Status.INVESTIGATING):
        assert check(status, 1, Action.ESCALATE).provision == "6.10"


def test_there_is_no_stage_3():
    assert check(Status.RESPONDED, 2, Action.ESCALATE).provision == "6.19"


def test_a_related_complaint_joins_only_an_open_stage_1():
    assert check(Status.AWAITING_ACKNOWLEDGEMENT, 1, Action.ADD_RELATED) is None
    assert check(Status.INVESTIGATING, 1, Action.ADD_RELATED) is None
    assert check(Status.RESPONDED, 1, Action.ADD_RELATED).provision == "6.8"
    assert check(Status.AWAITING_ACKNOWLEDGEMENT, 2, Action.ADD_RELATED).provision == "6.8"
    assert next_status(Status.INVESTIGATING, 1, Action.ADD_RELATED) is Status.INVESTIGATING


def test_refusal_before_the_response_at_either_stage():
    # 2.x at stage 1, and 5.11 (refusing to escalate) at stage 2; during the investigation
    # only on a ground that arises then (checked by putright.rules.exclusions, L2).
    assert check(Status.AWAITING_ACKNOWLEDGEMENT, 1, Action.REFUSE) is None
    assert check(Status.AWAITING_ACKNOWLEDGEMENT, 2, Action.REFUSE) is None
    assert check(Status.INVESTIGATING, 1, Action.REFUSE) is None
    assert check(Status.RESPONDED, 1, Action.REFUSE).provision == "2.1"
    assert check(Status.RESPONDED, 2, Action.REFUSE).provision == "5.11"


def test_a_final_stage_2_response_can_only_be_closed():
    assert allowed_actions(Status.RESPONDED, 2) == frozenset({Action.CLOSE})
