"""Who may act on a case: the question every app's services ask, answered once, below them all.

Handlers act on the cases assigned to them (or on a stage nobody holds yet); the complaints
officer and managers act on any. A stage 2 that nobody holds yet is not open to the people
involved at stage 1 (6.13); the decisions at stage 2 (acknowledge, extend, respond, refuse) are
refused to them whoever holds it, by `putright.rules.independence.check`.
"""

from __future__ import annotations

from putright.accounts.models import User
from putright.complaints.models import Complaint, Stage
from putright.errors import NotPermitted, RuleBroken
from putright.rules import independence


def current_stage(complaint: Complaint) -> Stage:
    # Read from the database, not the caller's copy: the object in hand may predate an
    # escalation, and who may act depends on the stage as it is now.
    return Stage.objects.filter(complaint_id=complaint.pk).order_by("-number").first()


def user_can_act_on(user: User, complaint: Complaint) -> bool:
    if not user.is_authenticated or not user.can_change_cases:
        return False
    if user.acts_on_any_case:
        return True
    stage = current_stage(complaint)
    if stage.handler_id is None:
        return stage.number == 1 or user.pk not in independence.stage1_people(complaint)
    return stage.handler_id == user.pk


def require_staff_who_can_change(user: User | None) -> None:
    if user is None or not user.is_authenticated:
        raise NotPermitted("Sign in to change a complaint.")
    if not user.can_change_cases:
        raise NotPermitted("Governance users can read complaints but not change them.")


def user_acts_on_any_case(user: User | None) -> bool:
    """The complaints officer, a manager or an administrator: for what reaches beyond one
    handler's work, such as revoking a resident's tracking links."""
    return bool(user and user.is_authenticated and user.can_change_cases and user.acts_on_any_case)


def require_acts_on_any_case(user: User | None, doing: str) -> None:
    require_staff_who_can_change(user)
    if not user_acts_on_any_case(user):
        raise NotPermitted(f"Only the complaints officer or a manager can {doing}.")


def require_can_act(user: User | None, complaint: Complaint) -> None:
    require_staff_who_can_change(user)
    stage = current_stage(complaint)
    unheld_stage2 = stage.number == 2 and stage.handler_id is None
    # Said as the rule it is, so that the refusal names 6.13 rather than a permission.
    if (
        unheld_stage2
        and not user.acts_on_any_case
        and user.pk in independence.stage1_people(complaint)
    ):
        raise RuleBroken(
            "stage2_not_independent",
            f"{user.username} was involved at stage 1 of {complaint.reference}, so cannot act "
            "on its stage 2 before someone else holds it.",
            independence.provision(complaint.code_version),
        )
    if not user_can_act_on(user, complaint):
        raise NotPermitted(
            f"{complaint.reference} is assigned to another handler; only they, the complaints "
            "officer or a manager can act on it."
        )
