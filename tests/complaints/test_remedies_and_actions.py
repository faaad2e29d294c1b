"""Remedies and outstanding actions: offered at any stage (5.13, 6.6), tracked to completion even
after the case closes (7.3)."""

from decimal import Decimal

import pytest

from putright.complaints.selectors import actions_overdue, remedies_overdue
from putright.complaints.services import (
    action_add,
    action_complete,
    complaint_close,
    complaint_withdraw,
    remedy_complete,
    remedy_offer,
)
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from tests.complaints.factories import D, fresh, logged, responded


def test_a_remedy_can_be_offered_before_any_response(olivia):
    # 5.13: a complaint can be remedied at any stage, even before it is acknowledged.
    complaint = logged(user=olivia)
    remedy = remedy_offer(
        user=olivia,
        complaint=complaint,
        type="financial",
        description="Goodwill payment for the missed appointment.",
        amount=Decimal("25"),
        due_on=D(2025, 12, 1),
        offered_on=D(2025, 11, 5),
    )
    assert (remedy.stage, remedy.amount, remedy.offered_on) == (1, Decimal("25.00"), D(2025, 11, 5))
    event = fresh(complaint).events.last()
    assert (event.type, event.parameters["amount"]) == ("remedy_offered", "25.00")


def test_remedies_and_actions_are_tracked_after_the_complaint_closes(olivia, hannah):
    complaint = responded(
        user=olivia,
        handler=hannah,
        on=D(2025, 11, 11),
    )
    complaint = fresh(complaint_close(user=hannah, complaint=complaint, closed_on=D(2025, 11, 12)))
    action = action_add(
        user=hannah, complaint=complaint, description="Replace the gutter.", due_on=D(2025, 11, 20)
    )
    remedy = remedy_offer(
        user=hannah,
        complaint=complaint,
        type="record_corrected",
        description="Tenancy record corrected.",
        due_on=D(2025, 11, 21),
        offered_on=D(2025, 11, 14),
    )
    assert list(actions_overdue()) == [action]
    assert list(remedies_overdue()) == [remedy]
    action_complete(user=hannah, action=action, completed_on=D(2025, 11, 24))
    remedy_complete(user=hannah, remedy=remedy, completed_on=D(2025, 11, 24))
    assert not actions_overdue().exists()
    assert not remedies_overdue().exists()
    types = [e.type for e in fresh(complaint).events.all()]
    assert types[-2:] == ["action_completed", "remedy_completed"]


def test_a_remedy_is_completed_once_and_not_before_it_was_offered(olivia):
    complaint = logged(user=olivia)
    remedy = remedy_offer(
        user=olivia,
        complaint=complaint,
        type="action",
        description="Clear the gutters.",
        offered_on=D(2025, 11, 10),
        due_on=D(2025, 11, 20),
    )
    with pytest.raises(InvalidInput) as error:
        remedy_complete(user=olivia, remedy=remedy, completed_on=D(2025, 11, 9))
    assert "completed_on" in error.value.errors
    remedy_complete(user=olivia, remedy=remedy)
    with pytest.raises(RuleBroken) as error:
        remedy_complete(user=olivia, remedy=remedy)
    assert error.value.error == "already_completed"


def test_an_action_is_completed_once(olivia):
    complaint = logged(user=olivia)
    action = action_add(
        user=olivia, complaint=complaint, description="Inspect the roof.", due_on=D(2025, 11, 28)
    )
    action_complete(user=olivia, action=action)
    with pytest.raises(RuleBroken):
        action_complete(user=olivia, action=action)


def test_bad_remedies_and_actions_are_refused(olivia):
    complaint = logged(user=olivia)
    with pytest.raises(InvalidInput) as error:
        remedy_offer(user=olivia, complaint=complaint, type="financial", description="Money")
    # The fields are named as they were sent (B13), and "by when" is required (7.3, B12).
    assert set(error.value.errors) == {"amount", "due_on"}
    with pytest.raises(InvalidInput) as error:
        action_add(user=olivia, complaint=complaint, description="Fix", due_on=D(2025, 11, 1))
    assert "before the complaint was received" in error.value.errors["due_on"][0]
    assert not fresh(complaint).remedies.exists()
    assert not fresh(complaint).actions.exists()


def test_an_apology_is_given_in_the_offer_and_a_remedy_in_kind_says_by_when(olivia):
    complaint = logged(user=olivia)
    apology = remedy_offer(
        user=olivia,
        complaint=complaint,
        type="apology",
        description="Sorry.",
        offered_on=D(2025, 11, 10),
    )
    assert (apology.due_on, apology.completed_on) == (D(2025, 11, 10), D(2025, 11, 10))
    with pytest.raises(InvalidInput) as error:
        remedy_offer(user=olivia, complaint=complaint, type="action", description="Fix the door")
    assert "due_on" in error.value.errors


def test_nothing_is_added_to_a_withdrawn_complaint(olivia):
    complaint = fresh(complaint_withdraw(user=olivia, complaint=logged(user=olivia)))
    with pytest.raises(RuleBroken):
        remedy_offer(user=olivia, complaint=complaint, type="apology", description="Sorry.")
    with pytest.raises(RuleBroken):
        action_add(user=olivia, complaint=complaint, description="Fix", due_on=D(2025, 11, 28))


def test_only_someone_who_can_act_on_the_case_records_remedies(olivia, hannah, harry, grace):
    complaint = responded(user=olivia, handler=hannah)
    remedy = fresh(complaint).remedies.create(
        stage=1, type="apology", description="Sorry.", offered_on=D(2025, 11, 11)
    )
    for user in (harry, grace):
        with pytest.raises(NotPermitted):
            remedy_offer(user=user, complaint=complaint, type="apology", description="Sorry.")
        with pytest.raises(NotPermitted):
            remedy_complete(user=user, remedy=remedy)
    assert fresh(complaint).remedies.count() == 1


def test_a_remedy_is_one_of_the_codes_kinds(olivia):
    """7.1: the remedies are the Code's list (apology, explanation, action, changed decision,
    corrected record, money, policy change); anything else is refused, naming the field."""
    complaint = logged(user=olivia)
    with pytest.raises(InvalidInput) as error:
        remedy_offer(
            user=olivia,
            complaint=complaint,
            type="voucher",
            description="A shopping voucher.",
            offered_on=D(2025, 11, 10),
            due_on=D(2025, 11, 20),
        )
    assert "type" in error.value.errors
    assert not fresh(complaint).remedies.exists()


def test_only_a_financial_remedy_has_an_amount(olivia):
    """Review finding: money attached to an apology was paid outside the compensation guide and
    outside the 7.4 figure."""
    complaint = logged(user=olivia)
    with pytest.raises(InvalidInput) as error:
        remedy_offer(
            user=olivia,
            complaint=complaint,
            type="apology",
            description="Sorry.",
            amount="3000",
            offered_on=D(2025, 11, 10),
        )
    assert "amount" in error.value.errors
    assert not fresh(complaint).remedies.exists()
