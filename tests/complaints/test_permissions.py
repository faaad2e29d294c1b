"""Handlers act on the cases assigned to them; the complaints officer and managers on any case;
governance users read only."""

import pytest

from putright.complaints.services import (
    complaint_acknowledge,
    complaint_assign,
    complaint_close,
    complaint_extend,
    complaint_refuse,
    complaint_respond,
    complaint_withdraw,
    user_can_act_on,
)
from putright.errors import NotPermitted
from tests.complaints.factories import D, fresh, investigating, logged, responded, snapshot, stage

DEFINITION = {
    "understanding": "The roof leaks.",
    "outcomes_sought": "A repair.",
    "responsible_for": "The roof.",
    "not_responsible_for": "Nothing else is raised.",
}

ACTIONS = {
    "acknowledge": lambda user, c: complaint_acknowledge(
        user=user, complaint=c, acknowledged_on=D(2025, 11, 4), handler=None, definition=DEFINITION
    ),
    "refuse": lambda user, c: complaint_refuse(
        user=user, complaint=c, reason="other", explanation="x", decided_on=D(2025, 11, 4)
    ),
    "withdraw": lambda user, c: complaint_withdraw(user=user, complaint=c),
}
INVESTIGATING_ACTIONS = {
    "extend": lambda user, c: complaint_extend(
        user=user,
        complaint=c,
        working_days=5,
        reason="x",
        resident_informed_on=D(2025, 11, 10),
    ),
    "respond": lambda user, c: complaint_respond(
        user=user, complaint=c, responded_on=D(2025, 11, 10), decision="upheld", reasons="x"
    ),
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_a_handler_acts_only_on_their_own_cases(hannah, harry, action):
    complaint = logged(user=hannah)  # Hannah took the call: her case
    before = snapshot(complaint)
    with pytest.raises(NotPermitted):
        ACTIONS[action](harry, complaint)
    assert snapshot(complaint) == before
    ACTIONS[action](hannah, complaint)


@pytest.mark.parametrize("action", sorted(INVESTIGATING_ACTIONS))
def test_a_handler_cannot_extend_or_answer_someone_elses_case(olivia, hannah, harry, action):
    complaint = investigating(user=olivia, handler=hannah)
    before = snapshot(complaint)
    with pytest.raises(NotPermitted):
        INVESTIGATING_ACTIONS[action](harry, complaint)
    assert snapshot(complaint) == before
    INVESTIGATING_ACTIONS[action](hannah, complaint)


@pytest.mark.parametrize("persona", ["olivia", "martin", "adam"])
@pytest.mark.parametrize("action", sorted(INVESTIGATING_ACTIONS))
def test_the_officer_and_managers_act_on_any_case(request, hannah, persona, action):
    user = request.getfixturevalue(persona)
    complaint = investigating(user=hannah, handler=hannah)
    assert user_can_act_on(user, complaint)
    INVESTIGATING_ACTIONS[action](user, complaint)


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_governance_never_changes_a_case(olivia, grace, action):
    complaint = logged(user=olivia)
    assert not user_can_act_on(grace, complaint)
    before = snapshot(complaint)
    with pytest.raises(NotPermitted):
        ACTIONS[action](grace, complaint)
    assert snapshot(complaint) == before


def test_governance_cannot_close_a_case(olivia, hannah, grace):
    complaint = responded(user=olivia, handler=hannah)
    with pytest.raises(NotPermitted):
        complaint_close(user=grace, complaint=complaint)


def test_a_handler_can_take_an_unassigned_case(olivia, harry):
    complaint = logged(user=olivia)  # logged by the officer: no handler yet
    complaint = complaint_acknowledge(
        user=harry,
        complaint=complaint,
        acknowledged_on=D(2025, 11, 4),
        handler=None,
        definition=DEFINITION,
    )
    assert stage(complaint).handler == harry


def test_a_handler_cannot_acknowledge_naming_someone_else(olivia, hannah, harry):
    complaint = logged(user=olivia)
    before = snapshot(complaint)
    with pytest.raises(NotPermitted):
        complaint_acknowledge(
            user=hannah,
            complaint=complaint,
            acknowledged_on=D(2025, 11, 4),
            handler="harry",
            definition=DEFINITION,
        )
    assert snapshot(complaint) == before


def test_only_the_officer_or_a_manager_assigns(olivia, martin, hannah, harry):
    complaint = logged(user=hannah)
    with pytest.raises(NotPermitted):
        complaint_assign(user=hannah, complaint=complaint, handler="harry")
    complaint_assign(user=martin, complaint=complaint, handler="harry")
    assert stage(complaint).handler == harry
    assert not user_can_act_on(hannah, fresh(complaint))


def test_nobody_signed_in_changes_nothing(olivia):
    complaint = logged(user=olivia)
    with pytest.raises(NotPermitted):
        ACTIONS["acknowledge"](None, complaint)
