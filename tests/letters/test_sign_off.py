"""Review and sign-off of response letters before issue (6.7, 6.9, 6.19), configurable per
stage; and the 6.7 figure."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from putright.complaints.models import Event
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.letters import services, sign_off
from putright.rules import sign_off as rule
from tests.letters import factories

pytestmark = pytest.mark.django_db
PERIOD = {"period_start": dt.date(2025, 4, 1), "period_end": dt.date(2026, 3, 31)}


def api_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def required(olivia):
    return sign_off.sign_off_configure(
        user=olivia, stage=1, required=True, roles=["officer", "manager"]
    )


def draft(olivia, hannah):
    complaint = factories.stage1_responded(officer=olivia, handler=hannah)
    return services.letter_draft(user=hannah, complaint=complaint, kind="stage1_response")


def test_without_a_setting_sign_off_is_not_required(olivia, hannah):
    letter = services.letter_issue(user=hannah, letter=draft(olivia, hannah), delivery="post")
    assert letter.sign_off_required is False
    assert rule.measure(**PERIOD) is None  # nothing judged, so no figure


def test_a_required_sign_off_is_refused_409_with_the_provision(required, olivia, hannah):
    letter = draft(olivia, hannah)
    with pytest.raises(RuleBroken) as error:
        services.letter_issue(user=hannah, letter=letter, delivery="post")
    assert (error.value.error, error.value.provision) == ("sign_off_required", "6.7")
    answer = api_for(hannah).post(
        f"/api/v1/complaints/{letter.complaint.reference}/letters/{letter.pk}/issue/",
        {"delivery": "post"},
        format="json",
    )
    assert answer.status_code == 409
    assert answer.json()["provision"] == "6.7"


def test_the_author_may_not_sign_off_their_own_letter(required, olivia, hannah, martin):
    letter = draft(olivia, hannah)
    # Olivia edits Hannah's draft: both are its authors now.
    services.letter_edit(user=olivia, letter=letter, body=letter.body + "\nWith thanks.\n")
    for author in (hannah, olivia):
        with pytest.raises(RuleBroken) as error:
            sign_off.letter_sign_off(user=author, letter=letter)
        assert error.value.error == "own_letter"
    signed = sign_off.letter_sign_off(user=martin, letter=letter, note="Reasons are clear.")
    assert signed.signed_off_by == martin


def test_only_the_chosen_roles_may_sign_off(required, olivia, hannah, harry, grace):
    letter = draft(olivia, hannah)
    with pytest.raises(NotPermitted):
        sign_off.letter_sign_off(user=harry, letter=letter)  # a handler: not a chosen role
    with pytest.raises(NotPermitted):
        sign_off.letter_sign_off(user=grace, letter=letter)  # governance never changes cases


def test_sign_off_is_on_the_letter_and_the_record_and_lets_it_issue(required, olivia, hannah):
    letter = draft(olivia, hannah)
    api = api_for(olivia)
    base = f"/api/v1/complaints/{letter.complaint.reference}/letters/{letter.pk}/"
    answer = api.post(base + "sign-off/", {"note": "Every point answered."}, format="json")
    assert answer.status_code == 200, answer.json()
    assert answer.json()["signed_off_by"] == "olivia"
    assert answer.json()["sign_off_note"] == "Every point answered."
    issued = services.letter_issue(user=hannah, letter=letter, delivery="post")
    assert issued.sign_off_required is True
    assert issued.signed_off_by == olivia and issued.signed_off_at is not None
    event = Event.objects.get(complaint=letter.complaint, type="letter_signed_off")
    assert event.parameters["note"] == "Every point answered."
    issued_event = Event.objects.get(complaint=letter.complaint, type="letter_issued")
    assert issued_event.parameters["signed_off_by"] == "olivia"
    figure = rule.measure(**PERIOD)
    assert (figure.met, figure.total, figure.breaches) == (1, 1, [])
    assert figure.measure.startswith("Stage 1 response letters")


def test_editing_after_sign_off_voids_it(required, olivia, hannah):
    letter = draft(olivia, hannah)
    sign_off.letter_sign_off(user=olivia, letter=letter)
    services.letter_edit(user=hannah, letter=letter, subject=letter.subject)  # no change: kept
    letter.refresh_from_db()
    assert letter.signed_off_by == olivia
    services.letter_edit(user=hannah, letter=letter, body=letter.body + "\nA late change.\n")
    letter.refresh_from_db()
    assert letter.signed_off_by is None and letter.signed_off_at is None
    assert Event.objects.filter(complaint=letter.complaint, type="letter_sign_off_voided").exists()
    with pytest.raises(RuleBroken):
        services.letter_issue(user=hannah, letter=letter, delivery="post")


def test_redrafting_after_sign_off_voids_it(required, olivia, hannah):
    letter = draft(olivia, hannah)
    services.letter_edit(user=hannah, letter=letter, body="Dear Rosa,\n\nShort.\n")
    sign_off.letter_sign_off(user=olivia, letter=letter)
    services.letter_redraft(user=hannah, letter=letter)
    letter.refresh_from_db()
    assert letter.signed_off_by is None


def test_other_letters_and_issued_letters_are_not_signed_off(required, olivia, hannah, martin):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    ack = services.letter_draft(user=hannah, complaint=complaint, kind="acknowledgement")
    with pytest.raises(RuleBroken):
        sign_off.letter_sign_off(user=olivia, letter=ack)
    services.letter_issue(user=hannah, letter=ack, delivery="post")  # no sign-off needed
    letter = draft(olivia, hannah)
    sign_off.letter_sign_off(user=olivia, letter=letter)
    services.letter_issue(user=hannah, letter=letter, delivery="post")
    with pytest.raises(RuleBroken):
        sign_off.letter_sign_off(user=martin, letter=letter)


def test_stage_2_is_configured_apart_from_stage_1(olivia, hannah, harry):
    sign_off.sign_off_configure(user=olivia, stage=2, required=True, roles=["manager"])
    # Stage 1 needs no sign-off: its response issues as before.
    services.letter_issue(user=hannah, letter=draft(olivia, hannah), delivery="post")
    complaint = factories.stage2_responded(officer=olivia, handler=hannah, stage2_handler=harry)
    letter = services.letter_draft(user=olivia, complaint=complaint, kind="stage2_response")
    with pytest.raises(RuleBroken):
        services.letter_issue(user=olivia, letter=letter, delivery="post")


def test_configuring_is_for_the_officer_manager_or_admin(olivia, hannah):
    with pytest.raises(NotPermitted):
        sign_off.sign_off_configure(user=hannah, stage=1, required=False)
    with pytest.raises(InvalidInput):
        sign_off.sign_off_configure(user=olivia, stage=1, required=True, roles=[])
    with pytest.raises(InvalidInput):
        sign_off.sign_off_configure(user=olivia, stage=3, required=True, roles=["officer"])
    api = api_for(olivia)
    answer = api.put(
        "/api/v1/letters/sign-off/2/", {"required": True, "roles": ["manager"]}, format="json"
    )
    assert answer.status_code == 200, answer.json()
    listed = api.get("/api/v1/letters/sign-off/").json()
    assert [(s["stage"], s["required"]) for s in listed] == [(1, False), (2, True)]


def test_whoever_signed_off_the_stage_1_response_is_involved_at_stage_1(
    required, olivia, hannah, martin
):
    """Review finding: the manager who signed off the stage 1 response could decide stage 2.
    Reviewing the stage 1 response is considering stage 1 (6.13)."""
    from putright.complaints import services as complaints
    from putright.rules import independence

    letter = draft(olivia, hannah)
    sign_off.letter_sign_off(user=martin, letter=letter)
    services.letter_issue(user=hannah, letter=letter, delivery="post")
    complaint = letter.complaint
    assert martin.pk in independence.stage1_people(complaint)
    complaints.complaint_escalate(user=olivia, complaint=complaint, requested_on=dt.date.today())
    complaint.refresh_from_db()
    with pytest.raises(RuleBroken) as error:
        complaints.complaint_assign(user=olivia, complaint=complaint, handler=martin)
    assert error.value.provision == "6.13"


def test_switching_sign_off_off_for_a_moment_shows_in_the_figure(required, olivia, hannah):
    """Review finding: an officer turned sign-off off, issued an unreviewed response, turned it
    back on, and the figure stayed at 100%. A letter issued while it was off is a breach of the
    stage whose sign-off was required in the period."""
    unsigned = draft(olivia, hannah)
    sign_off.sign_off_configure(user=olivia, stage=1, required=False, roles=["officer"])
    services.letter_issue(user=hannah, letter=unsigned, delivery="post")
    sign_off.sign_off_configure(user=olivia, stage=1, required=True, roles=["officer"])
    reviewed = draft(olivia, hannah)
    sign_off.letter_sign_off(user=olivia, letter=reviewed)
    services.letter_issue(user=hannah, letter=reviewed, delivery="post")
    figure = rule.measure(**PERIOD)
    assert (figure.met, figure.total) == (1, 2)
    assert figure.breaches == [unsigned.complaint.reference]
    assert figure.flags[unsigned.complaint.reference] == "issued while sign-off was off"


def test_anyone_who_changed_the_draft_is_an_author(required, olivia, hannah, harry):
    """Review finding: only the drafter and the last editor were authors, so someone who wrote
    part of the letter could sign it off once another edited it after them."""
    letter = draft(olivia, hannah)
    services.letter_edit(user=olivia, letter=letter, body=letter.body + "\nA paragraph.\n")
    letter.refresh_from_db()
    services.letter_edit(user=hannah, letter=letter, body=letter.body + "\nAnother.\n")
    letter.refresh_from_db()
    with pytest.raises(RuleBroken) as error:
        sign_off.letter_sign_off(user=olivia, letter=letter)
    assert error.value.error == "own_letter"
