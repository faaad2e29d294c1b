"""Self-assessments: created, answered, completed, reviewed, approved and published in order."""

import datetime as dt

import pytest

from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.selfassessment import services
from putright.selfassessment.models import Change
from putright.selfassessment.selectors import selfassessment_compare, selfassessment_detail
from tests.selfassessment.factories import answer_all, approved, start

pytestmark = pytest.mark.django_db


def test_a_new_self_assessment_has_an_empty_answer_for_every_provision(olivia):
    assessment = start(olivia)
    answers = list(assessment.answers.order_by("position"))
    assert len(answers) == 72
    assert answers[0].ref == "1.2"
    assert answers[-1].ref == "9.8"
    assert answers[0].requirement.startswith("A complaint must be defined as")
    assert answers[0].section_title == "Definition of a complaint"
    assert all(a.comply == "" and not a.to_review for a in answers)
    assert assessment.status == "draft"


def test_a_period_that_ends_before_it_starts_is_refused(olivia):
    with pytest.raises(InvalidInput) as error:
        start(olivia, period_start=dt.date(2025, 4, 1), period_end=dt.date(2025, 3, 31))
    assert "period_end" in error.value.errors


def test_an_unknown_code_version_is_refused(olivia):
    with pytest.raises(InvalidInput) as error:
        start(olivia, code_version="2019")
    assert "code_version" in error.value.errors


@pytest.mark.parametrize("persona", ["hannah", "grace"])
def test_handlers_and_governance_cannot_start_one(persona, request):
    with pytest.raises(NotPermitted):
        start(request.getfixturevalue(persona))


def test_carrying_forward_from_last_year_marks_answers_to_review(olivia, martin, grace):
    last_year = approved(olivia, martin, grace)
    answer = last_year.answers.get(ref="6.2")
    assert answer.comply == "yes"
    # a "no" with an open action last year
    this_year = start(
        olivia,
        previous=last_year,
        period_start=dt.date(2025, 4, 1),
        period_end=dt.date(2026, 3, 31),
    )
    carried = this_year.answers.get(ref="6.2")
    assert (carried.comply, carried.evidence, carried.to_review) == (
        "yes",
        "Complaints policy, section 4",
        True,
    )
    # Editing it is reviewing it.
    services.answer_update(user=olivia, answer=carried, evidence="Policy s4; KPI report Q1")
    carried.refresh_from_db()
    assert not carried.to_review


def test_open_improvement_actions_follow_into_the_next_year(olivia, martin):
    last_year = start(olivia)
    answer = last_year.answers.get(ref="5.10")
    services.answer_update(user=olivia, answer=answer, comply="partly", evidence="CRM notes")
    services.improvement_action_add(
        user=olivia,
        answer=answer,
        description="Review every adjustment quarterly",
        owner=martin,
        due_on=dt.date(2025, 12, 31),
    )
    done = services.improvement_action_add(
        user=olivia,
        answer=answer,
        description="Record disabilities disclosed",
        owner_name="Customer Focus team",
        due_on=dt.date(2025, 9, 30),
    )
    services.improvement_action_complete(user=olivia, action=done, completed_on=dt.date(2025, 9, 1))
    this_year = start(olivia, previous=last_year, period_start=dt.date(2025, 4, 1),
                      period_end=dt.date(2026, 3, 31))  # fmt: skip
    actions = list(this_year.answers.get(ref="5.10").actions.all())
    assert [(a.description, a.owner, a.due_on) for a in actions] == [
        ("Review every adjustment quarterly", martin, dt.date(2025, 12, 31))
    ]


def test_an_action_needs_an_owner_and_a_due_date(olivia):
    answer = start(olivia).answers.get(ref="1.2")
    with pytest.raises(InvalidInput) as error:
        services.improvement_action_add(
            user=olivia, answer=answer, description="Fix it", due_on=None
        )
    assert set(error.value.errors) == {"due_on", "owner"}


def test_comply_must_be_one_of_the_four_answers(olivia):
    answer = start(olivia).answers.get(ref="1.2")
    with pytest.raises(InvalidInput):
        services.answer_update(user=olivia, answer=answer, comply="maybe")
    answer.refresh_from_db()
    assert answer.comply == ""


def test_every_change_is_recorded_and_history_cannot_be_rewritten(olivia):
    assessment = start(olivia)
    answer = assessment.answers.get(ref="6.13")
    services.answer_update(user=olivia, answer=answer, comply="yes", evidence="Panel at stage 2")
    services.answer_update(user=olivia, answer=answer, comply="partly")
    changes = list(Change.objects.filter(self_assessment=assessment, ref="6.13"))
    assert [(c.before, c.after) for c in changes] == [
        ({"comply": "", "evidence": ""}, {"comply": "yes", "evidence": "Panel at stage 2"}),
        ({"comply": "yes"}, {"comply": "partly"}),
    ]
    assert changes[0].actor == olivia
    with pytest.raises(PermissionError):
        changes[0].save()
    with pytest.raises(PermissionError):
        Change.objects.filter(self_assessment=assessment).delete()


def test_completion_needs_every_provision_answered_with_evidence(olivia):
    assessment = answer_all(start(olivia), olivia)
    answer = assessment.answers.get(ref="3.4")
    services.answer_update(user=olivia, answer=answer, evidence="")
    with pytest.raises(InvalidInput) as error:
        services.selfassessment_complete(user=olivia, self_assessment=assessment)
    assert list(error.value.errors) == ["3.4"]
    services.answer_update(user=olivia, answer=answer, comply="no", commentary="No website yet")
    services.selfassessment_complete(user=olivia, self_assessment=assessment)
    assessment.refresh_from_db()
    assert assessment.completed_by == olivia


def test_the_order_is_complete_review_approve_publish(olivia, martin, grace, today):
    assessment = answer_all(start(olivia), olivia)
    with pytest.raises(RuleBroken):
        services.selfassessment_review(user=martin, self_assessment=assessment)
    with pytest.raises(NotPermitted):
        services.selfassessment_complete(user=martin, self_assessment=assessment)
    services.selfassessment_complete(user=olivia, self_assessment=assessment)
    with pytest.raises(RuleBroken) as error:
        services.selfassessment_approve(user=grace, self_assessment=assessment, approved_on=today)
    assert error.value.error == "not_reviewed"
    with pytest.raises(RuleBroken) as error:
        services.selfassessment_publish(user=olivia, self_assessment=assessment)
    assert error.value.provision == "8.2"
    with pytest.raises(NotPermitted):
        services.selfassessment_review(user=olivia, self_assessment=assessment)
    services.selfassessment_review(user=martin, self_assessment=assessment)
    with pytest.raises(NotPermitted):
        services.selfassessment_approve(user=martin, self_assessment=assessment, approved_on=today)
    with pytest.raises(InvalidInput):
        services.selfassessment_approve(
            user=grace, self_assessment=assessment, approved_on=today + dt.timedelta(days=1)
        )
    services.selfassessment_approve(user=grace, self_assessment=assessment, approved_on=today)
    services.selfassessment_publish(user=olivia, self_assessment=assessment)
    assessment = selfassessment_detail(assessment.pk)
    assert assessment.status == "published"
    assert (assessment.governing_body_approved_on, assessment.published_on) == (today, today)
    assert assessment.reviewed_by == martin
    assert assessment.approval_recorded_by == grace
    types = list(assessment.changes.values_list("type", flat=True))
    assert types[0] == "created"
    assert types[-4:] == ["completed", "reviewed", "approved", "published"]


def test_an_approved_self_assessment_cannot_change(olivia, martin, grace):
    assessment = approved(olivia, martin, grace)
    answer = assessment.answers.get(ref="1.2")
    with pytest.raises(RuleBroken) as error:
        services.answer_update(user=olivia, answer=answer, comply="no")
    assert error.value.provision == "8.2"
    answer.refresh_from_db()
    assert answer.comply == "yes"


def test_year_on_year_comparison(olivia, martin, grace):
    last_year = approved(olivia, martin, grace)
    this_year = start(olivia, previous=last_year, period_start=dt.date(2025, 4, 1),
                      period_end=dt.date(2026, 3, 31))  # fmt: skip
    services.answer_update(user=olivia, answer=this_year.answers.get(ref="6.3"), comply="partly")
    services.answer_update(user=olivia, answer=this_year.answers.get(ref="8.3"), comply="na")
    action = services.improvement_action_add(
        user=olivia,
        answer=this_year.answers.get(ref="6.3"),
        description="Weekly deadline report to managers",
        owner=martin,
        due_on=dt.date(2026, 1, 31),
    )
    comparison = selfassessment_compare(last_year, this_year)
    assert [(c.ref, c.before, c.after) for c in comparison.changed] == [
        ("6.3", "yes", "partly"),
        ("8.3", "yes", "na"),
    ]
    assert comparison.open_actions == [action]
    assert comparison.added == [] and comparison.removed == []


def test_an_answer_changed_after_review_voids_the_completion_and_the_review(
    olivia, martin, grace, today
):
    """Review finding: a reviewed self-assessment was changed and approved unreviewed. A change
    after completion voids the completion and the review, which are done again; blanking an
    answer then stops completion."""
    assessment = answer_all(start(olivia), olivia)
    services.selfassessment_complete(user=olivia, self_assessment=assessment)
    services.selfassessment_review(user=martin, self_assessment=assessment)
    answer = assessment.answers.get(ref="1.2")
    services.answer_update(user=olivia, answer=answer, comply="", evidence="")
    assessment = selfassessment_detail(assessment.pk)
    assert (assessment.completed_by, assessment.reviewed_by) == (None, None)
    assert assessment.changes.filter(type="completion_voided", ref="1.2").exists()
    with pytest.raises(RuleBroken) as error:
        services.selfassessment_approve(user=grace, self_assessment=assessment, approved_on=today)
    assert error.value.error == "not_reviewed"
    with pytest.raises(InvalidInput) as incomplete:
        services.selfassessment_complete(user=olivia, self_assessment=assessment)
    assert "1.2" in incomplete.value.errors
    # An unchanged save voids nothing.
    services.answer_update(user=olivia, answer=answer, comply="yes", evidence="Policy, 1.")
    services.selfassessment_complete(user=olivia, self_assessment=assessment)
    services.answer_update(user=olivia, answer=answer, comply="yes", evidence="Policy, 1.")
    assert selfassessment_detail(assessment.pk).completed_by == olivia
