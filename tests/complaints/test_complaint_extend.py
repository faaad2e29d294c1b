"""complaint_extend: extensions with a reason and the date the resident was told; beyond the
Code's limit only with a good reason (6.4 at stage 1, 6.15 at stage 2)."""

import pytest

from putright.errors import InvalidInput, RuleBroken
from tests.complaints.factories import D, escalated, extend, fresh, investigating, snapshot, stage
from tests.factories import acknowledge, respond


@pytest.fixture
def complaint(olivia, hannah):
    """Received 3 November, acknowledged 4 November: respond by 18 November."""
    return investigating(user=olivia, handler=hannah, received_on=D(2025, 11, 3))


def test_an_extension_moves_the_response_deadline(complaint, hannah):
    complaint = extend(complaint, user=hannah, working_days=10, on=D(2025, 11, 17))
    current = stage(complaint)
    assert current.extended_days == 10
    assert current.respond_by == D(2025, 12, 2)
    [extension] = current.extensions.all()
    assert extension.respond_by_before == D(2025, 11, 18)
    assert extension.respond_by_after == D(2025, 12, 2)
    assert extension.resident_informed_on == D(2025, 11, 17)
    assert extension.granted_by == hannah
    event = fresh(complaint).events.last()
    assert event.type == "extension_granted"
    assert (event.parameters["before"], event.parameters["after"]) == ("2025-11-18", "2025-12-02")


def test_more_than_10_working_days_at_stage_1_needs_a_good_reason(complaint, hannah):
    before = snapshot(complaint)
    with pytest.raises(RuleBroken) as error:
        extend(complaint, user=hannah, working_days=11, on=D(2025, 11, 17))
    assert error.value.provision == "6.4"
    assert error.value.error == "extension_too_long"
    assert snapshot(complaint) == before
    complaint = extend(
        complaint,
        user=hannah,
        working_days=11,
        on=D(2025, 11, 17),
        good_reason="A specialist damp survey cannot be booked sooner.",
    )
    assert stage(complaint).respond_by == D(2025, 12, 3)


def test_the_limit_counts_every_extension_on_the_stage(complaint, hannah):
    complaint = extend(complaint, user=hannah, working_days=5, on=D(2025, 11, 17))
    complaint = extend(complaint, user=hannah, working_days=5, on=D(2025, 11, 18))
    with pytest.raises(RuleBroken) as error:
        extend(complaint, user=hannah, working_days=1, on=D(2025, 11, 18))
    assert error.value.provision == "6.4"
    assert stage(complaint).extended_days == 10


def test_stage_2_allows_20_working_days_without_a_good_reason(olivia, hannah, harry):
    complaint = escalated(user=olivia, handler=hannah, requested_on=D(2025, 11, 17))
    complaint = fresh(acknowledge(complaint, user=olivia, handler=harry, on=D(2025, 11, 18)))
    assert stage(complaint).respond_by == D(2025, 12, 16)  # 6.14: 20 working days
    complaint = extend(complaint, user=harry, working_days=20, on=D(2025, 11, 20))
    assert stage(complaint).respond_by == D(2026, 1, 16)  # over Christmas and New Year
    with pytest.raises(RuleBroken) as error:
        extend(complaint, user=harry, working_days=1, on=D(2025, 11, 20))
    assert error.value.provision == "6.15"


def test_a_2022_code_complaint_keeps_that_codes_stage_2_limit(olivia, hannah, harry):
    # Received before 1 April 2024: its deadlines follow the 2022 Code for its whole life.
    complaint = escalated(
        user=olivia,
        handler=hannah,
        received_on=D(2024, 3, 28),
        acknowledged_on=D(2024, 4, 2),
        on=D(2024, 4, 10),
        requested_on=D(2024, 4, 15),
    )
    assert complaint.code_version == "2022"
    complaint = fresh(acknowledge(complaint, user=olivia, handler=harry, on=D(2024, 4, 16)))
    with pytest.raises(RuleBroken) as error:
        extend(complaint, user=harry, working_days=11, on=D(2024, 4, 17))
    assert error.value.provision == "5.13"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"working_days": 0}, "working_days"),
        ({"working_days": -3}, "working_days"),
        ({"working_days": "5"}, "working_days"),
        ({"working_days": True}, "working_days"),
        ({"reason": " "}, "reason"),
        ({"resident_informed_on": D(2025, 11, 3)}, "resident_informed_on"),  # before the ack
        ({"resident_informed_on": D(2025, 11, 25)}, "resident_informed_on"),  # tomorrow
        ({"resident_informed_on": None}, "resident_informed_on"),
    ],
)
def test_bad_input_is_named_and_changes_nothing(complaint, hannah, kwargs, field):
    from putright.complaints.services import complaint_extend

    data = {
        "working_days": 5,
        "reason": "Waiting for the contractor.",
        "resident_informed_on": D(2025, 11, 17),
    }
    data.update(kwargs)
    before = snapshot(complaint)
    with pytest.raises(InvalidInput) as error:
        complaint_extend(user=hannah, complaint=complaint, **data)
    assert field in error.value.errors
    assert snapshot(complaint) == before


def test_only_an_open_investigation_can_be_extended(olivia, hannah):
    from tests.complaints.factories import logged

    awaiting = logged(user=olivia)
    with pytest.raises(RuleBroken):
        extend(awaiting, user=olivia, working_days=5, on=D(2025, 11, 4))
    complaint = investigating(user=olivia, handler=hannah)
    complaint = fresh(respond(complaint, user=hannah, on=D(2025, 11, 14)))
    with pytest.raises(RuleBroken):
        extend(complaint, user=hannah, working_days=5, on=D(2025, 11, 17))


@pytest.mark.parametrize(
    ("responded_on", "within"), [(D(2025, 10, 22), True), (D(2025, 10, 23), False)]
)
def test_within_timescale_applies_the_extension(olivia, hannah, responded_on, within):
    complaint = investigating(
        user=olivia, handler=hannah, received_on=D(2025, 10, 1), on=D(2025, 10, 1)
    )
    assert stage(complaint).respond_by == D(2025, 10, 15)
    complaint = extend(complaint, user=hannah, working_days=5, on=D(2025, 10, 14))
    assert stage(complaint).respond_by == D(2025, 10, 22)
    complaint = fresh(respond(complaint, user=hannah, on=responded_on))
    assert stage(complaint).within_timescale is within
