"""complaint_respond: decision, reasons, remedies and outstanding actions (6.9, 6.19), and
whether the response was within the Code's timescale."""

import datetime as dt
from decimal import Decimal

import pytest

from putright.complaints.services import complaint_respond
from putright.errors import InvalidInput, RuleBroken
from tests.complaints.factories import D, fresh, investigating, logged, snapshot, stage
from tests.factories import acknowledge


@pytest.fixture
def complaint(olivia, hannah):
    """Acknowledged Tuesday 4 November 2025: respond by Tuesday 18 November."""
    return investigating(user=olivia, handler=hannah, received_on=D(2025, 11, 3))


RESPONDED = D(2025, 11, 14)


def answer(complaint, *, user, on=RESPONDED, **overrides):
    data = {
        "decision": "partly_upheld",
        "reasons": "The repair was late; the contractor's report shows the leak was fixed.",
        "remedies": [],
        "outstanding_actions": [],
    }
    data.update(overrides)
    return complaint_respond(user=user, complaint=complaint, responded_on=on, **data)


def test_a_response_records_the_decision_remedies_and_actions(complaint, hannah):
    complaint = answer(
        complaint,
        user=hannah,
        remedies=[
            {"type": "apology", "description": "We apologise for the delay."},
            {
                "type": "financial",
                "description": "For the time without a usable kitchen.",
                "amount": "150.00",
                "due_on": D(2025, 11, 28),
            },
        ],
        outstanding_actions=[
            {"description": "Replaster the kitchen ceiling.", "due_on": D(2025, 12, 5)}
        ],
    )
    assert complaint.status == "responded"
    current = stage(complaint)
    assert current.responded_on == D(2025, 11, 14)
    assert current.decision == "partly_upheld"
    assert current.within_timescale is True
    remedies = list(fresh(complaint).remedies.all())
    assert [r.type for r in remedies] == ["apology", "financial"]
    assert remedies[1].amount == Decimal("150.00")
    assert remedies[1].offered_on == D(2025, 11, 14)
    assert remedies[1].stage == 1
    [action] = fresh(complaint).actions.all()
    assert action.due_on == D(2025, 12, 5)
    event = fresh(complaint).events.last()
    assert event.type == "stage_responded"
    assert event.parameters["within_timescale"] is True
    assert len(event.parameters["remedies"]) == 2


@pytest.mark.parametrize(
    ("responded_on", "within"),
    [(D(2025, 11, 17), True), (D(2025, 11, 18), True), (D(2025, 11, 19), False)],
)
def test_within_timescale_at_the_exact_due_day(complaint, hannah, responded_on, within):
    complaint = answer(complaint, user=hannah, on=responded_on)
    assert stage(complaint).within_timescale is within


def test_stage_2_respond_by_across_easter(olivia, hannah, harry):
    from tests.complaints.factories import escalated

    complaint = escalated(
        user=olivia,
        handler=hannah,
        received_on=D(2025, 2, 24),
        acknowledged_on=D(2025, 2, 25),
        on=D(2025, 3, 10),
        requested_on=D(2025, 3, 26),
    )
    assert stage(complaint).acknowledge_by == D(2025, 4, 2)  # 6.11: 5 working days
    complaint = fresh(acknowledge(complaint, user=olivia, handler=harry, on=D(2025, 3, 31)))
    # 6.14: 20 working days; Good Friday (18 April) and Easter Monday (21 April) do not count.
    assert stage(complaint).respond_by == D(2025, 4, 30)
    complaint = answer(complaint, user=harry, on=D(2025, 4, 30), decision="upheld")
    assert stage(complaint).within_timescale is True


def test_the_response_cannot_come_before_the_acknowledgement_or_after_today(complaint, hannah):
    before = snapshot(complaint)
    for day in (D(2025, 11, 3), D(2025, 11, 25)):
        with pytest.raises(InvalidInput) as error:
            answer(complaint, user=hannah, on=day)
        assert "responded_on" in error.value.errors
    assert snapshot(complaint) == before


def test_decision_and_reasons_are_required(complaint, hannah):
    with pytest.raises(InvalidInput) as error:
        answer(complaint, user=hannah, decision="maybe", reasons="")
    assert set(error.value.errors) == {"decision", "reasons"}
    assert "6.9" in error.value.errors["reasons"][0]


@pytest.mark.parametrize(
    ("remedy", "field"),
    [
        ({"type": "hug", "description": "x"}, "remedies[0].type"),
        ({"type": "apology", "description": ""}, "remedies[0].description"),
        ({"type": "financial", "description": "Compensation"}, "remedies[0].amount"),
        ({"type": "financial", "description": "x", "amount": "-5"}, "remedies[0].amount"),
        ({"type": "financial", "description": "x", "amount": "abc"}, "remedies[0].amount"),
        ({"type": "financial", "description": "x", "amount": "NaN"}, "remedies[0].amount"),
        ({"type": "financial", "description": "x", "amount": "Infinity"}, "remedies[0].amount"),
        ({"type": "financial", "description": "x", "amount": "10.005"}, "remedies[0].amount"),
        ({"type": "financial", "description": "x", "amount": "1e9"}, "remedies[0].amount"),
        (
            {"type": "apology", "description": "x", "due_on": D(2025, 11, 13)},
            "remedies[0].due_on",
        ),
    ],
)
def test_bad_remedies_are_named_and_nothing_is_written(complaint, hannah, remedy, field):
    before = snapshot(complaint)
    with pytest.raises(InvalidInput) as error:
        answer(complaint, user=hannah, remedies=[remedy])
    assert field in error.value.errors
    assert snapshot(complaint) == before


def test_the_largest_amount_the_record_holds(complaint, hannah):
    complaint = answer(
        complaint,
        user=hannah,
        remedies=[
            {
                "type": "financial",
                "description": "x",
                "amount": "99999999.99",
                "due_on": D(2025, 12, 31),
            }
        ],
    )
    assert fresh(complaint).remedies.get().amount == Decimal("99999999.99")


@pytest.mark.parametrize(
    ("action", "field"),
    [
        ({"description": "Fix it"}, "outstanding_actions[0].due_on"),
        ({"description": "Fix it", "due_on": "soon"}, "outstanding_actions[0].due_on"),
        ({"description": "Fix it", "due_on": D(2025, 11, 13)}, "outstanding_actions[0].due_on"),
        ({"description": "", "due_on": D(2025, 12, 1)}, "outstanding_actions[0].description"),
    ],
)
def test_every_outstanding_action_has_a_description_and_due_date(complaint, hannah, action, field):
    before = snapshot(complaint)
    with pytest.raises(InvalidInput) as error:
        answer(complaint, user=hannah, outstanding_actions=[action])
    assert field in error.value.errors
    assert snapshot(complaint) == before


def test_a_complaint_cannot_be_answered_before_it_is_acknowledged(olivia):
    complaint = logged(user=olivia)
    with pytest.raises(RuleBroken):
        answer(complaint, user=olivia)


def test_a_stage_is_answered_once(complaint, hannah):
    complaint = answer(complaint, user=hannah)
    before = snapshot(complaint)
    with pytest.raises(RuleBroken):
        answer(complaint, user=hannah, on=D(2025, 11, 17))
    assert snapshot(complaint) == before


def test_the_due_day_is_judged_by_the_stored_deadline_not_calendar_days(olivia, hannah):
    # Acknowledged Friday 19 December 2025; 10 working days later is Wednesday 7 January 2026.
    # (In "today"'s frozen world this date lies ahead, so travel to check the response.)
    import time_machine

    with time_machine.travel(dt.datetime(2026, 1, 8, 12, tzinfo=dt.UTC)):
        complaint = investigating(
            user=olivia, handler=hannah, received_on=D(2025, 12, 19), on=D(2025, 12, 19)
        )
        assert stage(complaint).respond_by == D(2026, 1, 7)
        complaint = answer(complaint, user=hannah, on=D(2026, 1, 8))
        assert stage(complaint).within_timescale is False
