"""Adjustments (5.10, 3.1), risk flags (6.1) and restrictions (5.14, 5.15), through the
services."""

import datetime as dt

import pytest

from putright.complaints.models import Complaint, Event
from putright.complaints.selectors import complaint_list
from putright.complaints.services import complaint_escalate, note_add
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.people import selectors, services
from putright.people.models import ReasonableAdjustment, Restriction
from tests.factories import acknowledge, log_complaint, respond

pytestmark = pytest.mark.django_db

RESTRICTION = {
    "behaviour": "Repeated abusive calls to the repairs team.",
    "evidence": "Call logs 3, 5 and 7 November.",
    "restriction": "Contact by e-mail only, to one named officer.",
    "equality_considered": True,
    "decided_on": dt.date(2025, 11, 20),
    "resident_told_on": dt.date(2025, 11, 21),
    "review_on": dt.date(2026, 2, 20),
}


# --- reasonable adjustments ------------------------------------------------------------------


def test_an_adjustment_records_who_agreed_it_and_when_it_is_reviewed(hannah, rosa):
    adjustment = services.adjustment_agree(
        user=hannah,
        resident=rosa,
        description="Phone calls, not letters",
        disclosed_disability="Dyslexia",
        agreed_on=dt.date(2025, 11, 24),
        review_on=dt.date(2026, 5, 24),
    )
    assert adjustment.agreed_by == hannah
    assert adjustment.disclosed_disability == "Dyslexia"
    event = Event.objects.get(type="adjustment_agreed")
    assert event.resident == rosa and event.parameters["provision"] == "5.10"


def test_the_public_form_can_ask_for_an_adjustment_without_a_user(rosa):
    adjustment = services.adjustment_agree(
        user=None,
        resident=rosa,
        description="Large print",
        agreed_on=dt.date(2025, 11, 24),
        review_on=dt.date(2026, 11, 24),
        source="resident",
    )
    assert adjustment.agreed_by is None and adjustment.source == "resident"
    assert Event.objects.get(type="adjustment_agreed").actor_label == "resident"


def test_an_adjustment_needs_a_description_and_a_review_date_after_agreement(hannah, rosa):
    with pytest.raises(InvalidInput) as error:
        services.adjustment_agree(
            user=hannah, resident=rosa, description=" ", agreed_on=None, review_on=None
        )
    assert set(error.value.errors) == {"description", "agreed_on", "review_on"}
    with pytest.raises(InvalidInput) as error:
        services.adjustment_agree(
            user=hannah,
            resident=rosa,
            description="Large print",
            agreed_on=dt.date(2025, 11, 24),
            review_on=dt.date(2025, 11, 24),
        )
    assert set(error.value.errors) == {"review_on"}
    assert not ReasonableAdjustment.objects.exists()


def test_governance_cannot_record_an_adjustment(grace, rosa):
    with pytest.raises(NotPermitted):
        services.adjustment_agree(
            user=grace,
            resident=rosa,
            description="Large print",
            agreed_on=dt.date(2025, 11, 24),
            review_on=dt.date(2026, 11, 24),
        )


def test_a_review_moves_the_next_review_date_and_ending_it_leaves_the_safeguards(hannah, rosa):
    adjustment = services.adjustment_agree(
        user=hannah,
        resident=rosa,
        description="Large print",
        agreed_on=dt.date(2025, 5, 1),
        review_on=dt.date(2025, 11, 1),
    )
    services.adjustment_review(
        user=hannah,
        adjustment=adjustment,
        outcome="continue",
        reviewed_on=dt.date(2025, 11, 3),
        next_review_on=dt.date(2026, 5, 1),
    )
    adjustment.refresh_from_db()
    assert adjustment.review_on == dt.date(2026, 5, 1)
    assert selectors.resident_safeguards(rosa).adjustments == [adjustment]

    with pytest.raises(InvalidInput) as error:
        services.adjustment_review(
            user=hannah, adjustment=adjustment, outcome="continue", reviewed_on=dt.date(2025, 11, 4)
        )
    assert "next_review_on" in error.value.errors
    services.adjustment_review(
        user=hannah, adjustment=adjustment, outcome="ended", reviewed_on=dt.date(2025, 11, 20)
    )
    assert selectors.resident_safeguards(rosa).adjustments == []
    assert adjustment.reviews.count() == 2
    with pytest.raises(RuleBroken):
        services.adjustment_review(
            user=hannah, adjustment=adjustment, outcome="ended", reviewed_on=dt.date(2025, 11, 21)
        )


# --- risk flags --------------------------------------------------------------------------------


def test_a_flagged_complaint_comes_first_in_the_handlers_queue(hannah):
    older = log_complaint(user=hannah, received_on=dt.date(2025, 11, 3))
    newer = log_complaint(
        user=hannah,
        received_on=dt.date(2025, 11, 20),
        resident={"name": "Ann Lee", "tenancy_reference": "T-9"},
    )
    assert list(selectors.handler_queue(Complaint.objects.all())) == [older, newer]
    flag = services.vulnerability_flag(
        user=hannah, complaint=newer, kind="health_safety", reason="Elderly resident, no heating."
    )
    queue = list(selectors.handler_queue(complaint_list()))
    assert queue == [newer, older] and queue[0].early_attention
    assert Event.objects.filter(type="vulnerability_flagged", complaint=newer).exists()
    services.vulnerability_clear(user=hannah, flag=flag)
    assert list(selectors.handler_queue(Complaint.objects.all())) == [older, newer]


def test_a_flag_needs_a_known_kind_and_a_reason(hannah):
    complaint = log_complaint(user=hannah)
    with pytest.raises(InvalidInput) as error:
        services.vulnerability_flag(user=hannah, complaint=complaint, kind="bad", reason="")
    assert set(error.value.errors) == {"kind", "reason"}


def test_the_queue_query_count_does_not_grow_with_complaints(hannah, django_assert_num_queries):
    for day in (3, 4, 5):
        complaint = log_complaint(user=hannah, received_on=dt.date(2025, 11, day))
        services.vulnerability_flag(user=hannah, complaint=complaint, kind="other", reason="Risk")
    with django_assert_num_queries(1):
        assert [c.early_attention for c in selectors.handler_queue(Complaint.objects.all())] == [
            True
        ] * 3


def test_safeguards_show_flags_on_any_of_the_residents_complaints(hannah):
    complaint = log_complaint(user=hannah)
    services.vulnerability_flag(
        user=hannah, complaint=complaint, kind="vulnerability", reason="Lives alone, unwell."
    )
    safeguards = selectors.resident_safeguards(complaint.resident)
    assert [f.complaint for f in safeguards.vulnerability_flags] == [complaint]
    assert safeguards


# --- unacceptable behaviour restrictions -------------------------------------------------------


def test_the_complaints_officer_restricts_contact_with_reasons(olivia, rosa):
    restriction = services.restriction_impose(user=olivia, resident=rosa, **RESTRICTION)
    assert restriction.decided_by == olivia
    assert selectors.resident_safeguards(rosa).restrictions == [restriction]
    event = Event.objects.get(type="restriction_imposed")
    assert event.parameters["provision"] == "5.14" and event.actor == olivia


def test_a_restriction_without_regard_to_the_equality_act_is_refused(olivia, rosa):
    with pytest.raises(RuleBroken) as error:
        services.restriction_impose(
            user=olivia, resident=rosa, **{**RESTRICTION, "equality_considered": False}
        )
    assert error.value.provision == "5.15"
    assert not Restriction.objects.exists() and not Event.objects.exists()


def test_a_restriction_names_every_missing_field(olivia, rosa):
    with pytest.raises(InvalidInput) as error:
        services.restriction_impose(
            user=olivia,
            resident=rosa,
            behaviour="",
            restriction="",
            equality_considered=None,
            decided_on=None,
            resident_told_on=None,
            review_on=None,
        )
    assert set(error.value.errors) == {
        "behaviour",
        "restriction",
        "decided_on",
        "resident_told_on",
        "review_on",
    }


def test_the_review_must_follow_the_decision_and_the_resident_be_told_after_it(olivia, rosa):
    with pytest.raises(InvalidInput) as error:
        services.restriction_impose(
            user=olivia,
            resident=rosa,
            **{
                **RESTRICTION,
                "resident_told_on": dt.date(2025, 11, 19),
                "review_on": dt.date(2025, 11, 20),
            },
        )
    assert set(error.value.errors) == {"resident_told_on", "review_on"}


@pytest.mark.parametrize("persona", ["hannah", "grace"])
def test_only_the_officer_or_a_manager_restricts_contact(persona, request, rosa):
    with pytest.raises(NotPermitted):
        services.restriction_impose(
            user=request.getfixturevalue(persona), resident=rosa, **RESTRICTION
        )


def test_reviews_are_recorded_and_ending_one_lifts_the_restriction(martin, rosa):
    restriction = services.restriction_impose(user=martin, resident=rosa, **RESTRICTION)
    services.restriction_review(
        user=martin,
        restriction=restriction,
        outcome="changed",
        reviewed_on=dt.date(2025, 11, 24),
        reasons="Calls have stopped; phone allowed once a week.",
        next_review_on=dt.date(2026, 1, 5),
        restriction_text="Phone once a week to the named officer; e-mail otherwise.",
    )
    restriction.refresh_from_db()
    assert restriction.review_on == dt.date(2026, 1, 5)
    assert restriction.restriction.startswith("Phone once a week")
    with pytest.raises(InvalidInput) as error:
        services.restriction_review(
            user=martin,
            restriction=restriction,
            outcome="ended",
            reviewed_on=dt.date(2025, 11, 24),
            reasons="",
        )
    assert set(error.value.errors) == {"reasons"}
    services.restriction_review(
        user=martin,
        restriction=restriction,
        outcome="ended",
        reviewed_on=dt.date(2025, 11, 24),
        reasons="Behaviour has improved.",
    )
    restriction.refresh_from_db()
    assert restriction.lifted_on == dt.date(2025, 11, 24)
    assert selectors.resident_safeguards(rosa).restrictions == []
    assert list(restriction.reviews.values_list("outcome", flat=True)) == ["changed", "ended"]


def test_a_restriction_expires_on_its_end_date(olivia, rosa, _frozen_today):
    services.restriction_impose(
        user=olivia, resident=rosa, **{**RESTRICTION, "ends_on": dt.date(2025, 11, 30)}
    )
    assert selectors.resident_safeguards(rosa, today=dt.date(2025, 11, 30)).restrictions
    assert not selectors.resident_safeguards(rosa, today=dt.date(2025, 12, 1)).restrictions


def test_a_lifted_restriction_cannot_be_lifted_again(olivia, rosa):
    restriction = services.restriction_impose(user=olivia, resident=rosa, **RESTRICTION)
    services.restriction_lift(
        user=olivia, restriction=restriction, lifted_on=dt.date(2025, 11, 24), reason="Apology"
    )
    with pytest.raises(RuleBroken):
        services.restriction_lift(
            user=olivia, restriction=restriction, lifted_on=dt.date(2025, 11, 24), reason="Again"
        )


def test_a_restriction_never_blocks_the_complaints_process(olivia, hannah, harry):
    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 10, 1))
    services.restriction_impose(user=olivia, resident=complaint.resident, **RESTRICTION)
    # A new complaint from the restricted resident is logged and handled as any other.
    again = log_complaint(user=hannah, received_on=dt.date(2025, 11, 21))
    assert again.resident == complaint.resident
    acknowledge(complaint, user=hannah, on=dt.date(2025, 10, 2))
    note_add(user=hannah, complaint=complaint, text="Resident e-mailed as the restriction allows.")
    respond(complaint, user=hannah, on=dt.date(2025, 10, 10))
    complaint = complaint_escalate(
        user=None, complaint=complaint, requested_on=dt.date(2025, 11, 20), reason=""
    )
    assert complaint.stage == 2
    acknowledge(complaint, user=harry, on=dt.date(2025, 11, 21))
