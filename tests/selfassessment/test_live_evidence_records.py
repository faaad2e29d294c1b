"""Live evidence from letters (6.5, 6.9, 6.16, 6.19), reasonable adjustments (5.10) and
restrictions (5.14), against figures worked out by hand.

The period is 1 April 2025 to 31 March 2026; today is Monday 24 November 2025.
"""

import datetime as dt

import pytest

from putright.letters import services as letters
from putright.people import services as people
from putright.selfassessment.live_evidence import live_evidence
from tests.factories import log_complaint
from tests.letters import factories as cases

pytestmark = pytest.mark.django_db

D = dt.date
PERIOD = {"code_version": "2024", "period_start": D(2025, 4, 1), "period_end": D(2026, 3, 31)}


@pytest.fixture(autouse=True)
def _letter_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def one(ref, **period):
    [figure] = [f for f in live_evidence(**(PERIOD | period)) if f.ref == ref]
    return figure


def refs(**period):
    return {f.ref for f in live_evidence(**(PERIOD | period))}


def issue(complaint, kind, user):
    letter = letters.letter_draft(user=user, complaint=complaint, kind=kind)
    return letters.letter_issue(user=user, letter=letter)


@pytest.fixture
def letter_cases(olivia, hannah, harry):
    made = {}
    # Three extended stage 1 complaints: one told in an issued extension letter, one never
    # written to, one with the letter still a draft.
    made["told"] = cases.extended(officer=olivia, handler=hannah)
    issue(made["told"], "extension", olivia)
    made["not_told"] = cases.extended(officer=olivia, handler=hannah)
    made["draft"] = cases.extended(officer=olivia, handler=hannah)
    letters.letter_draft(user=olivia, complaint=made["draft"], kind="extension")
    # Stage 1 responses: one with its letter issued, one without.
    made["answered"] = cases.stage1_responded(officer=olivia, handler=hannah)
    issue(made["answered"], "stage1_response", olivia)
    made["unwritten"] = cases.stage1_responded(officer=olivia, handler=hannah)
    # Stage 2 answered with its letter issued; its stage 1 response had no letter.
    made["stage2"] = cases.stage2_responded(officer=olivia, handler=hannah, stage2_handler=harry)
    issue(made["stage2"], "stage2_response", olivia)
    return {key: complaint.reference for key, complaint in made.items()}


def test_extensions_told_with_the_ombudsmans_details(letter_cases):
    figure = one("6.5")
    assert (figure.met, figure.total, figure.percent) == (1, 3, 33.3)
    assert figure.breaches == sorted([letter_cases["not_told"], letter_cases["draft"]])
    assert figure.proposed == "partly"
    assert "6.16" not in refs()  # no stage 2 extensions


def test_a_second_extension_needs_a_second_letter(letter_cases, olivia):
    from putright.complaints import services as complaints
    from putright.complaints.selectors import complaint_get

    complaint = complaint_get(reference=letter_cases["told"])
    complaints.complaint_extend(
        user=olivia,
        complaint=complaint,
        working_days=3,
        reason="The roofer's report needs a second visit.",
        resident_informed_on=D(2025, 11, 21),
    )
    figure = one("6.5")
    assert (figure.met, figure.total) == (0, 3)
    assert figure.proposed == "no"
    issue(complaint_get(reference=letter_cases["told"]), "extension", olivia)
    assert one("6.5").met == 1


def test_responses_with_a_complete_letter(letter_cases):
    stage1 = one("6.9")
    # answered: letter issued; unwritten and stage2's stage 1: none.
    assert (stage1.met, stage1.total) == (1, 3)
    assert stage1.breaches == sorted([letter_cases["unwritten"], letter_cases["stage2"]])
    assert stage1.summary.startswith(
        "Stage 1 responses with a complete response letter issued: 1 of 3 (33.3%)."
    )
    stage2 = one("6.19")
    assert (stage2.met, stage2.total, stage2.breaches, stage2.proposed) == (1, 1, [], None)


def test_letters_outside_the_period_are_not_counted(letter_cases):
    assert not {"6.5", "6.9", "6.19"} & refs(period_start=D(2024, 4, 1), period_end=D(2025, 3, 31))


@pytest.fixture
def resident(olivia):
    return log_complaint(user=olivia).resident


def test_adjustments_kept_under_review(resident, olivia):
    def agree(agreed_on, review_on):
        return people.adjustment_agree(
            user=olivia,
            resident=resident,
            description="Large-print letters",
            agreed_on=agreed_on,
            review_on=review_on,
        )

    # Reviewed before its date, next review in February: met.
    reviewed = agree(D(2025, 6, 1), D(2025, 9, 1))
    people.adjustment_review(
        user=olivia,
        adjustment=reviewed,
        outcome="continue",
        reviewed_on=D(2025, 8, 20),
        next_review_on=D(2026, 2, 1),
    )
    # Due for review on 1 October, never reviewed: breach.
    never = agree(D(2025, 6, 1), D(2025, 10, 1))
    # Reviewed once, then left past its next date (1 October): breach.
    lapsed = agree(D(2025, 5, 1), D(2025, 7, 1))
    people.adjustment_review(
        user=olivia,
        adjustment=lapsed,
        outcome="continue",
        reviewed_on=D(2025, 7, 1),
        next_review_on=D(2025, 10, 1),
    )
    # Agreed this month, review due 10 December: pending.
    agree(D(2025, 11, 10), D(2025, 12, 10))
    # Ended at a review before the period: not counted.
    old = agree(D(2024, 1, 1), D(2024, 6, 1))
    people.adjustment_review(
        user=olivia, adjustment=old, outcome="ended", reviewed_on=D(2024, 5, 1)
    )

    figure = one("5.10")
    assert (figure.met, figure.total, figure.pending) == (1, 3, 1)
    assert figure.breaches == sorted([f"adjustment {never.pk}", f"adjustment {lapsed.pk}"])
    assert figure.proposed == "partly"


def test_an_adjustment_due_for_review_today_is_not_yet_late(resident, olivia):
    people.adjustment_agree(
        user=olivia,
        resident=resident,
        description="Calls after 4pm only",
        agreed_on=D(2025, 10, 24),
        review_on=D(2025, 11, 24),
    )
    figure = one("5.10")
    assert (figure.met, figure.total, figure.pending, figure.breaches) == (0, 0, 1, [])


def test_restrictions_kept_under_review(resident, olivia):
    def impose(review_on):
        return people.restriction_impose(
            user=olivia,
            resident=resident,
            behaviour="Abusive calls to staff on 28 and 29 August.",
            restriction="Contact by e-mail only.",
            equality_considered=True,
            decided_on=D(2025, 9, 1),
            resident_told_on=D(2025, 9, 1),
            review_on=review_on,
        )

    reviewed = impose(D(2025, 10, 1))
    people.restriction_review(
        user=olivia,
        restriction=reviewed,
        outcome="continue",
        reviewed_on=D(2025, 9, 30),
        reasons="Calls continued in September.",
        next_review_on=D(2025, 12, 31),
    )
    overdue = impose(D(2025, 11, 1))
    lifted = impose(D(2025, 10, 1))
    people.restriction_lift(
        user=olivia, restriction=lifted, lifted_on=D(2025, 9, 20), reason="Apology received."
    )

    figure = one("5.14")
    # reviewed and lifted: met; overdue: past 1 November with no review.
    assert (figure.met, figure.total, figure.pending) == (2, 3, 0)
    assert figure.breaches == [f"restriction {overdue.pk}"]
    assert figure.proposed == "partly"


def test_no_adjustments_or_restrictions_means_no_figures(resident):
    assert not {"5.10", "5.14"} & refs()


def test_the_2022_code_gets_none_of_these_figures(resident, olivia):
    people.adjustment_agree(
        user=olivia,
        resident=resident,
        description="Large-print letters",
        agreed_on=D(2025, 6, 1),
        review_on=D(2025, 10, 1),
    )
    measures = [f.measure for f in live_evidence(**(PERIOD | {"code_version": "2022"}))]
    assert not [m for m in measures if "adjustments" in m or "letter" in m]
