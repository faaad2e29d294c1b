"""complaint_acknowledge: acknowledge, define and log (5.6, 5.7, 6.2, 6.11)."""

import pytest

from putright.complaints.services import complaint_acknowledge
from putright.errors import InvalidInput, RuleBroken
from tests.complaints.factories import D, fresh, logged, snapshot, stage

DEFINITION = {
    "understanding": "The kitchen ceiling leaks and the repair is late.",
    "outcomes_sought": "The leak fixed and the ceiling made good.",
    "responsible_for": "The roof and the repair appointments.",
    "not_responsible_for": "Contents insurance.",
}


def ack(complaint, *, user, on, handler=None, definition=DEFINITION):
    return complaint_acknowledge(
        user=user, complaint=complaint, acknowledged_on=on, handler=handler, definition=definition
    )


def test_acknowledging_defines_the_complaint_and_sets_the_response_deadline(olivia, hannah):
    complaint = logged(user=olivia, received_on=D(2025, 11, 3))
    complaint = ack(complaint, user=olivia, handler="hannah", on=D(2025, 11, 4))
    assert complaint.status == "investigating"
    current = stage(complaint)
    assert current.handler == hannah
    assert current.understanding == DEFINITION["understanding"]
    assert current.outcomes_sought == DEFINITION["outcomes_sought"]
    assert current.responsible_for == DEFINITION["responsible_for"]
    assert current.not_responsible_for == DEFINITION["not_responsible_for"]
    assert current.respond_by == D(2025, 11, 18)  # 6.3: 10 working days from acknowledgement
    assert current.acknowledged_within_timescale is True
    event = fresh(complaint).events.last()
    assert event.type == "stage_acknowledged"
    assert event.parameters["handler"] == "hannah"
    assert event.parameters["definition"]["outcomes_sought"] == DEFINITION["outcomes_sought"]


@pytest.mark.parametrize(
    ("acknowledged_on", "within"),
    [
        (D(2024, 12, 20), True),
        (D(2024, 12, 31), True),  # the fifth working day, over Christmas
        (D(2025, 1, 2), False),  # the sixth
    ],
)
def test_acknowledged_within_timescale_at_the_exact_due_day(olivia, acknowledged_on, within):
    complaint = logged(user=olivia, received_on=D(2024, 12, 20))
    complaint = ack(complaint, user=olivia, handler=olivia, on=acknowledged_on)
    assert stage(complaint).acknowledge_by == D(2024, 12, 31)
    assert stage(complaint).acknowledged_within_timescale is within


def test_a_late_acknowledgement_still_gets_10_working_days_to_respond(olivia):
    complaint = logged(user=olivia, received_on=D(2024, 12, 20))
    complaint = ack(complaint, user=olivia, handler=olivia, on=D(2024, 12, 31))
    assert stage(complaint).respond_by == D(2025, 1, 15)


def test_the_definition_is_required(olivia):
    complaint = logged(user=olivia)
    before = snapshot(complaint)
    with pytest.raises(InvalidInput) as error:
        ack(complaint, user=olivia, handler=olivia, on=D(2025, 11, 4), definition={})
    assert set(error.value.errors) == {
        "definition.understanding",
        "definition.outcomes_sought",
        "definition.responsible_for",
        "definition.not_responsible_for",
    }
    assert snapshot(complaint) == before


@pytest.mark.parametrize(
    ("on", "field"),
    [(D(2025, 11, 2), "acknowledged_on"), (D(2025, 11, 25), "acknowledged_on"), (None, None)],
)
def test_the_date_must_be_between_receipt_and_today(olivia, on, field):
    complaint = logged(user=olivia, received_on=D(2025, 11, 3))
    before = snapshot(complaint)
    with pytest.raises(InvalidInput) as error:
        ack(complaint, user=olivia, handler=olivia, on=on)
    assert "acknowledged_on" in error.value.errors
    assert snapshot(complaint) == before


def test_the_handler_must_be_someone_who_handles_complaints(olivia, grace):
    complaint = logged(user=olivia)
    with pytest.raises(InvalidInput) as error:
        ack(complaint, user=olivia, handler="grace", on=D(2025, 11, 4))
    assert "handler" in error.value.errors
    with pytest.raises(InvalidInput):
        ack(complaint, user=olivia, handler="nobody", on=D(2025, 11, 4))


def test_a_complaint_is_acknowledged_once(olivia):
    complaint = logged(user=olivia)
    complaint = ack(complaint, user=olivia, handler=olivia, on=D(2025, 11, 4))
    before = snapshot(complaint)
    with pytest.raises(RuleBroken) as error:
        ack(complaint, user=olivia, handler=olivia, on=D(2025, 11, 5))
    assert error.value.error == "invalid_state"
    assert snapshot(complaint) == before


def test_the_current_handler_stays_when_none_is_named(olivia, hannah):
    complaint = logged(user=hannah)
    complaint = ack(complaint, user=olivia, handler=None, on=D(2025, 11, 4))
    assert stage(complaint).handler == hannah
