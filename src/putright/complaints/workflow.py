"""The stage state machine: which actions a complaint's status allows. No Django imports.

A refused transition names the Code provision it would break, where one applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    AWAITING_ACKNOWLEDGEMENT = "awaiting_acknowledgement"
    INVESTIGATING = "investigating"
    RESPONDED = "responded"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    CLOSED = "closed"


class Action(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    EXTEND = "extend"
    RESPOND = "respond"
    ESCALATE = "escalate"
    REFUSE = "refuse"
    WITHDRAW = "withdraw"
    CLOSE = "close"
    ADD_RELATED = "add_related"  # 6.8: a related complaint joins an open stage 1


OPEN_STATUSES = frozenset({Status.AWAITING_ACKNOWLEDGEMENT, Status.INVESTIGATING, Status.RESPONDED})
FINAL_STATUSES = frozenset({Status.REFUSED, Status.WITHDRAWN, Status.CLOSED})


@dataclass(frozen=True)
class Refusal:
    error: str
    detail: str
    provision: str | None = None


# (status, stage) -> actions allowed. Stage is 1 or 2.
_ALLOWED: dict[tuple[Status, int], frozenset[Action]] = {
    (Status.AWAITING_ACKNOWLEDGEMENT, 1): frozenset(
        {Action.ACKNOWLEDGE, Action.REFUSE, Action.WITHDRAW, Action.ADD_RELATED}
    ),
    (Status.INVESTIGATING, 1): frozenset(
        {Action.EXTEND, Action.RESPOND, Action.WITHDRAW, Action.ADD_RELATED, Action.REFUSE}
    ),
    (Status.RESPONDED, 1): frozenset({Action.ESCALATE, Action.CLOSE, Action.WITHDRAW}),
    (Status.AWAITING_ACKNOWLEDGEMENT, 2): frozenset(
        {Action.ACKNOWLEDGE, Action.REFUSE, Action.WITHDRAW}
    ),
    (Status.INVESTIGATING, 2): frozenset(
        {Action.EXTEND, Action.RESPOND, Action.WITHDRAW, Action.REFUSE}
    ),
    (Status.RESPONDED, 2): frozenset({Action.CLOSE}),
    # Closing after the stage 1 response never takes away the right to ask for stage 2
    # (6.10, 5.11): the request reopens the case at stage 2.
    (Status.CLOSED, 1): frozenset({Action.ESCALATE}),
    # A section 2 ground can arise during the investigation (legal proceedings start, 2.2).
}

_NEXT: dict[Action, Status] = {
    Action.ACKNOWLEDGE: Status.INVESTIGATING,
    Action.EXTEND: Status.INVESTIGATING,
    Action.RESPOND: Status.RESPONDED,
    Action.ESCALATE: Status.AWAITING_ACKNOWLEDGEMENT,  # at stage 2
    Action.REFUSE: Status.REFUSED,
    Action.WITHDRAW: Status.WITHDRAWN,
    Action.CLOSE: Status.CLOSED,
}


def allowed_actions(status: Status, stage: int) -> frozenset[Action]:
    return _ALLOWED.get((Status(status), stage), frozenset())


def check(status: Status, stage: int, action: Action) -> Refusal | None:
    """None when `action` may be taken now, else why not."""
    status = Status(status)
    if action in allowed_actions(status, stage):
        return None
    if action is Action.ESCALATE and stage == 1 and status in FINAL_STATUSES:
        return Refusal(
            "complaint_ended",
            f"The complaint was {status.value}; it cannot be escalated to stage 2.",
        )
    if action is Action.ESCALATE and stage == 1:
        return Refusal(
            "not_responded",
            "A complaint can be escalated to stage 2 only after its stage 1 response.",
            "6.10",
        )
    if action is Action.ESCALATE and stage == 2:
        return Refusal(
            "final_stage",
            "Stage 2 is the landlord's final response; the resident may now refer the "
            "complaint to the Housing Ombudsman.",
            "6.19",
        )
    if action is Action.ADD_RELATED:
        return Refusal(
            "stage_1_responded",
            "A related complaint raised after the stage 1 response is a new complaint.",
            "6.8",
        )
    if status in FINAL_STATUSES:
        return Refusal("complaint_ended", f"The complaint is {status.value}; it cannot {action}.")
    if action is Action.REFUSE:
        return Refusal(
            "invalid_state",
            f"A complaint that is {status.value.replace('_', ' ')} at stage {stage} cannot be "
            "refused: a complaint is declined before it is answered (section 2, 5.11).",
            "2.1" if stage == 1 else "5.11",
        )
    return Refusal(
        "invalid_state",
        f"A complaint that is {status.value.replace('_', ' ')} at stage {stage} cannot {action}.",
    )


def next_status(status: Status, stage: int, action: Action) -> Status:
    refusal = check(status, stage, action)
    if refusal is not None:
        raise ValueError(refusal.detail)
    # Adding a related complaint (6.8) leaves the stage where it is.
    return _NEXT.get(action, status)


def next_stage(stage: int, action: Action) -> int:
    return stage + 1 if action is Action.ESCALATE else stage
