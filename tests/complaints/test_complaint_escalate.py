"""complaint_escalate and stage 2: no reasons required (6.12), only after the stage 1 response
(6.10), an independent stage 2 handler (6.13)."""

import pytest

from putright.complaints.services import complaint_assign, complaint_escalate
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from tests.complaints.factories import (
    D,
    escalated,
    fresh,
    investigating,
    logged,
    responded,
    snapshot,
    stage,
)
from tests.factories import acknowledge


@pytest.fixture
def answered(olivia, hannah):
    """Stage 1 answered by Hannah on 11 November 2025."""
    return responded(user=olivia, handler=hannah, received_on=D(2025, 11, 3), on=D(2025, 11, 11))


def test_the_resident_asks_for_stage_2_without_giving_reasons(answered, hannah):
    complaint = fresh(
        complaint_escalate(user=hannah, complaint=answered, requested_on=D(2025, 11, 17))
    )
    assert (complaint.status, complaint.stage) == ("awaiting_acknowledgement", 2)
    stage2 = stage(complaint, 2)
    assert stage2.escalation_reason == ""
    assert stage2.requested_on == D(2025, 11, 17)
    assert stage2.acknowledge_by == D(2025, 11, 24)  # 6.11: 5 working days
    assert stage2.handler is None
    assert stage(complaint, 1).responded_on == D(2025, 11, 11)  # stage 1 is kept as it was
    event = complaint.events.last()
    assert event.type == "escalation_requested"
    assert event.parameters["acknowledge_by"] == "2025-11-24"


def test_the_resident_can_escalate_through_their_link(answered):
    complaint = fresh(
        complaint_escalate(
            user=None, complaint=answered, requested_on=D(2025, 11, 17), reason="Still leaking."
        )
    )
    assert stage(complaint, 2).escalation_reason == "Still leaking."
    assert complaint.events.last().actor_label == "resident"


@pytest.mark.parametrize("factory", ["logged", "investigating"])
def test_escalation_before_the_stage_1_response_is_refused(olivia, hannah, factory):
    complaint = (
        logged(user=olivia) if factory == "logged" else investigating(user=olivia, handler=hannah)
    )
    before = snapshot(complaint)
    with pytest.raises(RuleBroken) as error:
        complaint_escalate(user=olivia, complaint=complaint, requested_on=D(2025, 11, 17))
    assert error.value.provision == "6.10"
    assert snapshot(complaint) == before


def test_there_is_no_third_stage(olivia, hannah, harry):
    from tests.factories import respond

    complaint = escalated(user=olivia, handler=hannah)
    complaint = fresh(acknowledge(complaint, user=olivia, handler=harry, on=D(2025, 11, 18)))
    complaint = fresh(respond(complaint, user=harry, on=D(2025, 11, 21)))
    with pytest.raises(RuleBroken) as error:
        complaint_escalate(user=olivia, complaint=complaint, requested_on=D(2025, 11, 24))
    assert error.value.provision == "6.19"


def test_the_request_cannot_predate_the_stage_1_response(answered, olivia):
    before = snapshot(answered)
    with pytest.raises(InvalidInput) as error:
        complaint_escalate(user=olivia, complaint=answered, requested_on=D(2025, 11, 10))
    assert "requested_on" in error.value.errors
    assert snapshot(answered) == before


def test_the_stage_2_handler_is_not_the_stage_1_handler(olivia, hannah, harry):
    complaint = escalated(user=olivia, handler=hannah)
    before = snapshot(complaint)
    with pytest.raises(RuleBroken) as error:
        acknowledge(complaint, user=olivia, handler=hannah, on=D(2025, 11, 18))
    assert error.value.provision == "6.13"
    assert error.value.error == "stage2_not_independent"
    # Hannah cannot take it herself either.
    with pytest.raises(RuleBroken) as error:
        acknowledge(complaint, user=hannah, handler=hannah, on=D(2025, 11, 18))
    assert error.value.provision == "6.13"
    with pytest.raises(RuleBroken) as error:
        complaint_assign(user=olivia, complaint=complaint, handler="hannah")
    assert error.value.provision == "6.13"
    assert snapshot(complaint) == before
    complaint = fresh(acknowledge(complaint, user=olivia, handler=harry, on=D(2025, 11, 18)))
    assert stage(complaint, 2).handler == harry
    assert stage(complaint, 1).handler == hannah


def test_a_stage_2_complaint_can_be_assigned_to_another_handler(olivia, hannah, harry):
    complaint = escalated(user=olivia, handler=hannah)
    complaint_assign(user=olivia, complaint=complaint, handler="harry")
    assert stage(complaint, 2).handler == harry
    event = fresh(complaint).events.last()
    assert (event.type, event.parameters["after"]) == ("handler_assigned", "harry")


def test_a_handler_cannot_escalate_someone_elses_case(answered, harry):
    before = snapshot(answered)
    with pytest.raises(NotPermitted):
        complaint_escalate(user=harry, complaint=answered, requested_on=D(2025, 11, 17))
    assert snapshot(answered) == before
