"""complaint_withdraw and complaint_close: the end of a case, after which nothing moves."""

import pytest

from putright.complaints.services import (
    complaint_acknowledge,
    complaint_close,
    complaint_escalate,
    complaint_withdraw,
)
from putright.errors import InvalidInput, RuleBroken
from tests.complaints.factories import (
    D,
    escalated,
    fresh,
    investigating,
    logged,
    responded,
    snapshot,
)
from tests.factories import acknowledge, respond


def test_the_resident_withdraws_through_their_link(olivia):
    complaint = logged(user=olivia)
    complaint = fresh(complaint_withdraw(user=None, complaint=complaint, reason="Fixed now."))
    assert complaint.status == "withdrawn"
    assert complaint.closed_on == D(2025, 11, 24)
    event = complaint.events.last()
    assert (event.type, event.actor_label) == ("complaint_withdrawn", "resident")
    assert event.parameters["before"] == "awaiting_acknowledgement"
    assert event.parameters["reason"] == "Fixed now."


@pytest.mark.parametrize("point", ["logged", "investigating", "responded", "escalated"])
def test_a_complaint_can_be_withdrawn_until_the_final_response(olivia, hannah, point):
    complaint = {
        "logged": lambda: logged(user=olivia),
        "investigating": lambda: investigating(user=olivia, handler=hannah),
        "responded": lambda: responded(user=olivia, handler=hannah),
        "escalated": lambda: escalated(user=olivia, handler=hannah),
    }[point]()
    complaint = fresh(complaint_withdraw(user=olivia, complaint=complaint, withdrawn_on=None))
    assert complaint.status == "withdrawn"


def test_nothing_happens_to_a_withdrawn_complaint(olivia):
    complaint = fresh(complaint_withdraw(user=olivia, complaint=logged(user=olivia)))
    before = snapshot(complaint)
    with pytest.raises(RuleBroken) as error:
        complaint_acknowledge(
            user=olivia,
            complaint=complaint,
            acknowledged_on=D(2025, 11, 24),
            handler=olivia,
            definition={
                "understanding": "x",
                "outcomes_sought": "y",
                "responsible_for": "z",
                "not_responsible_for": "none",
            },
        )
    assert error.value.error == "complaint_ended"
    with pytest.raises(RuleBroken):
        complaint_withdraw(user=olivia, complaint=complaint)
    assert snapshot(complaint) == before


def test_the_withdrawal_date_is_checked(olivia):
    complaint = logged(user=olivia, received_on=D(2025, 11, 3))
    before = snapshot(complaint)
    with pytest.raises(InvalidInput):
        complaint_withdraw(user=olivia, complaint=complaint, withdrawn_on=D(2025, 11, 2))
    assert snapshot(complaint) == before


def test_a_responded_complaint_is_closed(olivia, hannah):
    complaint = responded(user=olivia, handler=hannah, on=D(2025, 11, 11))
    with pytest.raises(InvalidInput) as error:
        complaint_close(user=hannah, complaint=complaint, closed_on=D(2025, 11, 10))
    assert "closed_on" in error.value.errors
    complaint = fresh(complaint_close(user=hannah, complaint=complaint))
    assert (complaint.status, complaint.closed_on) == ("closed", D(2025, 11, 24))
    assert complaint.events.last().type == "complaint_closed"
    # Closing does not take away the right to stage 2 (6.10, B1): the request reopens it.
    with pytest.raises(InvalidInput) as error:  # but not dated before the closure
        complaint_escalate(user=olivia, complaint=complaint, requested_on=D(2025, 11, 21))
    assert "requested_on" in error.value.errors
    complaint = fresh(
        complaint_escalate(user=None, complaint=complaint, requested_on=D(2025, 11, 24))
    )
    assert (complaint.status, complaint.stage, complaint.closed_on) == (
        "awaiting_acknowledgement",
        2,
        None,
    )
    assert complaint.events.last().parameters["reopened"] is True


def test_an_open_investigation_cannot_be_closed(olivia, hannah):
    complaint = investigating(user=olivia, handler=hannah)
    before = snapshot(complaint)
    with pytest.raises(RuleBroken):
        complaint_close(user=olivia, complaint=complaint)
    assert snapshot(complaint) == before


def test_the_final_stage_2_response_can_be_closed_but_not_withdrawn(olivia, hannah, harry):
    complaint = escalated(user=olivia, handler=hannah)
    complaint = fresh(acknowledge(complaint, user=olivia, handler=harry, on=D(2025, 11, 18)))
    complaint = fresh(respond(complaint, user=harry, on=D(2025, 11, 21)))
    with pytest.raises(RuleBroken):
        complaint_withdraw(user=olivia, complaint=complaint)
    assert fresh(complaint_close(user=olivia, complaint=complaint)).status == "closed"
