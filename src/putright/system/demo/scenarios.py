"""The demo's scenarios: what may happen to one complaint (`Knobs`), the pinned scenarios that
must be present today (`PINNED`, each with its `Target`), and `simulate`, which says where a
planned complaint stands today by the workflow's own rules. Pure Python, like the planner."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from putright.complaints.workflow import Action, Status, next_stage, next_status
from putright.system.demo import content
from putright.timescales.calendar import WorkingDayCalendar

if TYPE_CHECKING:
    from putright.system.demo.plan import ComplaintPlan

REFUSAL_REASONS = list(content.REFUSALS)
# Plan steps that move the case through the workflow; the rest (notes, remedies) do not.
WORKFLOW_ACTIONS = {a.value for a in Action} - {Action.ADD_RELATED.value}


@dataclass(frozen=True)
class Knobs:
    """What happens to one complaint. Every field has a value drawn at random unless a pinned
    scenario sets it."""

    refuse: str | None = None  # a section 2 reason, at stage 1
    withdraw: str | None = None  # "awaiting", "investigating" or "stage2"
    late_ack: bool = False
    late_response: bool = False
    extension: str | None = None  # "within" the Code's limit or "beyond" it with a good reason
    escalate: bool = False
    # True: refused on a section 2 ground; "window": asked for after the policy's window for
    # stage 2, after the case was closed (it reopens, then is refused on that ground, 5.11).
    remedy: str | None = None  # a remedy type this case's response must include
    stage2_refuse: bool | str = False
    stage2_extension: str | None = None
    stage2_late: bool = False
    decision: str | None = None
    actions_state: str | None = None  # "completed" or "overdue" forces the first action
    service_request: bool = False
    group: bool = False
    representative: bool = False
    related_issue: bool = False


@dataclass(frozen=True)
class Target:
    """Where a pinned scenario must be today."""

    status: Status
    stage: int
    overdue: bool | None = None  # None: either


# Each pinned scenario: the knobs it forces, and the state it must be in today.
PINNED: list[tuple[Knobs, Target]] = [
    (Knobs(), Target(Status.AWAITING_ACKNOWLEDGEMENT, 1, overdue=False)),
    (Knobs(late_ack=True), Target(Status.AWAITING_ACKNOWLEDGEMENT, 1, overdue=True)),
    (Knobs(), Target(Status.INVESTIGATING, 1, overdue=False)),
    (Knobs(late_response=True), Target(Status.INVESTIGATING, 1, overdue=True)),
    (Knobs(extension="within"), Target(Status.INVESTIGATING, 1, overdue=False)),
    (Knobs(decision="upheld"), Target(Status.RESPONDED, 1)),
    (Knobs(escalate=True), Target(Status.AWAITING_ACKNOWLEDGEMENT, 2, overdue=False)),
    (Knobs(escalate=True), Target(Status.INVESTIGATING, 2, overdue=False)),
    (Knobs(escalate=True, decision="partly_upheld"), Target(Status.RESPONDED, 2)),
    (Knobs(escalate=True, decision="upheld", representative=True), Target(Status.CLOSED, 2)),
    (Knobs(escalate=True, stage2_extension="beyond"), Target(Status.CLOSED, 2)),
    (Knobs(escalate=True, stage2_late=True, decision="upheld"), Target(Status.CLOSED, 2)),
    (Knobs(decision="upheld", actions_state="completed"), Target(Status.CLOSED, 1)),
    (Knobs(decision="partly_upheld", actions_state="overdue"), Target(Status.CLOSED, 1)),
    (Knobs(decision="not_upheld", late_ack=True, late_response=True), Target(Status.CLOSED, 1)),
    (Knobs(extension="within", decision="upheld"), Target(Status.CLOSED, 1)),
    (Knobs(extension="beyond", decision="upheld"), Target(Status.CLOSED, 1)),
    (Knobs(service_request=True, decision="upheld"), Target(Status.CLOSED, 1)),
    (Knobs(group=True, decision="partly_upheld", related_issue=True), Target(Status.CLOSED, 1)),
    *[(Knobs(refuse=reason), Target(Status.REFUSED, 1)) for reason in REFUSAL_REASONS],
    (Knobs(escalate=True, stage2_refuse=True), Target(Status.REFUSED, 2)),
    (Knobs(withdraw="investigating"), Target(Status.WITHDRAWN, 1)),
    (Knobs(escalate=True, withdraw="stage2"), Target(Status.WITHDRAWN, 2)),
    (Knobs(escalate=True, stage2_refuse="window"), Target(Status.REFUSED, 2)),
    (Knobs(decision="upheld", remedy="decision_changed"), Target(Status.CLOSED, 1)),
]


def random_knobs(rng: random.Random) -> Knobs:
    roll = rng.random()
    refuse = rng.choice(REFUSAL_REASONS) if roll < 0.06 else None
    withdraw = rng.choice(["awaiting", "investigating"]) if 0.06 <= roll < 0.10 else None
    escalate = rng.random() < 0.2
    return Knobs(
        refuse=refuse,
        withdraw=withdraw or ("stage2" if escalate and rng.random() < 0.06 else None),
        late_ack=rng.random() < 0.08,
        late_response=rng.random() < 0.1,
        extension=rng.choices([None, "within", "beyond"], weights=[90, 8, 2])[0],
        escalate=escalate,
        stage2_refuse=escalate and rng.random() < 0.05,
        stage2_extension=rng.choices([None, "within", "beyond"], weights=[85, 11, 4])[0],
        stage2_late=rng.random() < 0.12,
        service_request=rng.random() < 0.07,
        group=rng.random() < 0.03,
        representative=rng.random() < 0.1,
        related_issue=rng.random() < 0.04,
    )


@dataclass
class SimulatedState:
    status: Status
    stage: int
    overdue: bool


def simulate(plan: ComplaintPlan, today: dt.date, calendar: WorkingDayCalendar) -> SimulatedState:
    """The complaint's state today, had the plan been played: the workflow's own rules."""
    status, stage = Status.AWAITING_ACKNOWLEDGEMENT, 1
    requested_on = plan.received_on
    acknowledged_on = None
    extended = 0
    for step in plan.steps:
        if step.on > today:
            break
        if step.action == "acknowledge":
            acknowledged_on = step.on
        elif step.action == "extend":
            extended += step.params["working_days"]
        elif step.action == "escalate":
            requested_on, acknowledged_on, extended = step.on, None, 0
        if step.action in WORKFLOW_ACTIONS:
            action = Action(step.action)
            status, stage = next_status(status, stage, action), next_stage(stage, action)
    overdue = False
    if status is Status.AWAITING_ACKNOWLEDGEMENT:
        overdue = today > calendar.add_working_days(requested_on, 5)
    elif status is Status.INVESTIGATING:
        respond_days = 10 if stage == 1 else 20
        overdue = today > calendar.add_working_days(acknowledged_on, respond_days + extended)
    return SimulatedState(status, stage, overdue)


def matches(state: SimulatedState, target: Target) -> bool:
    return (
        state.status is target.status
        and state.stage == target.stage
        and (target.overdue is None or state.overdue == target.overdue)
    )
