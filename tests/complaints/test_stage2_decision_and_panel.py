"""Who decided stage 2 and their role (6.20), never someone from stage 1 (6.13); a stage 2 panel
or meeting with its members, whether the resident attended and who accompanied them (3.6)."""

import pytest

from putright.complaints.models import Panel
from putright.complaints.services import complaint_respond, panel_record
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.rules import stage2_decision
from tests.complaints.factories import D, escalated, fresh, investigating, snapshot, stage
from tests.factories import acknowledge, on_day

REASONS = "We looked again at the repair history and the letters we sent."
YEAR = {"period_start": D(2025, 4, 1), "period_end": D(2026, 3, 31), "code_version": "2024"}


@pytest.fixture
def stage2(olivia, hannah, harry):
    # Hannah handled stage 1; Harry handles stage 2.
    case = escalated(user=olivia, handler=hannah)
    return fresh(acknowledge(case, user=olivia, handler=harry, on=D(2025, 11, 18)))


def _respond(case, user, **kwargs):
    with on_day(D(2025, 11, 21)):
        return complaint_respond(
            user=user,
            complaint=case,
            responded_on=D(2025, 11, 21),
            decision="partly_upheld",
            reasons=REASONS,
            **kwargs,
        )


def test_the_decision_maker_and_their_role_are_recorded(stage2, harry, martin):
    _respond(stage2, harry, decision_maker="martin")
    row = stage(stage2, 2)
    assert (row.decision_maker, row.decision_maker_role) == (martin, "manager")
    event = fresh(stage2).events.filter(type="stage_responded").last()
    assert event.parameters["decision_maker"] == "martin"
    assert event.parameters["decision_maker_role"] == "manager"
    # A later change of role does not change who decided, or in what role.
    martin.role = "handler"
    martin.save()
    assert stage(stage2, 2).decision_maker_role == "manager"
    assert stage2_decision.measure(**YEAR).breaches == []


def test_the_responder_is_the_decision_maker_unless_someone_else_is_named(stage2, martin):
    _respond(stage2, martin)
    assert (stage(stage2, 2).decision_maker, stage(stage2, 2).decision_maker_role) == (
        martin,
        "manager",
    )


def test_nobody_from_stage_1_decides_stage_2(stage2, harry, hannah):
    before = snapshot(stage2)
    with pytest.raises(RuleBroken) as refused:
        _respond(stage2, harry, decision_maker="hannah")
    assert refused.value.provision == "6.13"
    assert "stage 2 decision maker" in refused.value.detail
    assert snapshot(stage2) == before


def test_the_decision_maker_is_an_active_member_of_staff_who_decides(stage2, harry, grace):
    for named in ("nobody", grace.username):
        with pytest.raises(InvalidInput) as refused:
            _respond(stage2, harry, decision_maker=named)
        assert "decision_maker" in refused.value.errors


def test_a_decision_maker_is_named_at_stage_2_only(olivia, hannah):
    case = investigating(user=olivia, handler=hannah)
    with pytest.raises(InvalidInput) as refused:
        _respond(case, hannah, decision_maker="olivia")
    assert "decision_maker" in refused.value.errors


def test_the_figure_shows_a_handler_deciding_alone(stage2, harry):
    _respond(stage2, harry)
    figure = stage2_decision.measure(**YEAR)
    assert (figure.ref, figure.met, figure.total) == ("6.20", 0, 1)
    assert figure.breaches == [stage2.reference]


def test_a_panel_is_recorded_with_who_accompanied_the_resident(stage2, harry):
    panel = panel_record(
        user=harry,
        complaint=stage2,
        held_on=D(2025, 11, 20),
        members=["Martin Cole, Manager", "  ", "Ade Okoro, independent member"],
        resident_attended=True,
        accompanied_by="Her daughter, Priya",
    )
    assert panel.members == ["Martin Cole, Manager", "Ade Okoro, independent member"]
    assert panel.stage.number == 2
    event = fresh(stage2).events.last()
    assert event.type == "panel_recorded"
    assert event.parameters["accompanied_by"] == "Her daughter, Priya"


@pytest.mark.parametrize(
    "change, field",
    [
        ({"held_on": D(2025, 11, 14)}, "held_on"),  # before stage 2 was asked for
        ({"held_on": D(2025, 11, 25)}, "held_on"),  # not held yet
        ({"members": []}, "members"),
        ({"resident_attended": False}, "accompanied_by"),  # nobody accompanied an absentee
        ({"resident_attended": None}, "resident_attended"),
    ],
)
def test_a_panel_needs_its_date_members_and_attendance(stage2, harry, change, field):
    data = {
        "held_on": D(2025, 11, 20),
        "members": "Martin Cole\nAde Okoro",
        "resident_attended": True,
        "accompanied_by": "An advocate",
        **change,
    }
    with pytest.raises(InvalidInput) as refused:
        panel_record(user=harry, complaint=stage2, **data)
    assert field in refused.value.errors
    assert not Panel.objects.exists()


def test_a_panel_considers_stage_2_and_is_recorded_by_who_acts_on_it(olivia, hannah, stage2):
    first = investigating(user=olivia, handler=hannah)
    with pytest.raises(RuleBroken) as refused:
        panel_record(
            user=hannah,
            complaint=first,
            held_on=D(2025, 11, 20),
            members=["Martin"],
            resident_attended=False,
        )
    assert refused.value.provision == "6.20"
    with pytest.raises(NotPermitted):  # Hannah handled stage 1; stage 2 is Harry's
        panel_record(
            user=hannah,
            complaint=stage2,
            held_on=D(2025, 11, 20),
            members=["Martin"],
            resident_attended=False,
        )


def test_the_6_13_figure_counts_the_decision_maker_among_the_stage_2_people(stage2, harry):
    from putright.complaints import events
    from putright.rules import independence

    assert independence.measure(**YEAR).breaches == []
    # Refused by the services, so written as a record imported from elsewhere would be.
    events.record(
        type=events.EventType.STAGE_RESPONDED,
        complaint=stage2,
        user=harry,
        stage=2,
        decision_maker="hannah",
    )
    assert independence.measure(**YEAR).breaches == [stage2.reference]
