"""Each kind of letter names what the Code requires; one that lacks an element is not issued."""

import re

import pytest

from putright.complaints.models import Event
from putright.errors import RuleBroken
from putright.letters import elements, services
from putright.letters.elements import REQUIRED
from putright.letters.models import LetterStatus
from tests.letters import factories
from tests.letters.cases import KINDS, case_for

ELEMENT_CASES = [(kind, element.key) for kind in KINDS for element in REQUIRED[kind]]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_to_html_and_pdf_and_is_issued(kind, olivia, hannah, harry):
    complaint = case_for(kind, olivia=olivia, hannah=hannah, harry=harry)
    letter = services.letter_draft(user=olivia, complaint=complaint, kind=kind)
    assert services.letter_check(letter) == []

    letter = services.letter_issue(user=olivia, letter=letter)

    assert letter.status == LetterStatus.ISSUED
    assert complaint.reference in letter.html
    assert "Rosa Patel" in letter.html
    with letter.pdf.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert len(letter.pdf_sha256) == 64
    event = Event.objects.get(complaint=complaint, type="letter_issued")
    assert event.parameters["kind"] == kind
    assert event.parameters["template_version"] == 1


@pytest.mark.parametrize(("kind", "key"), ELEMENT_CASES)
def test_each_required_element_is_in_the_letter(kind, key, olivia, hannah, harry):
    complaint = case_for(kind, olivia=olivia, hannah=hannah, harry=harry)
    letter = services.letter_draft(user=olivia, complaint=complaint, kind=kind)
    element = next(e for e in REQUIRED[kind] if e.key == key)
    text = elements.normalise(services.letter_text(letter))
    values = [v for path in element.sources for v in elements.values_at(letter.context, path)]
    assert values, f"the test case should hold {element.name}"
    assert any(elements.normalise(v) in text for v in values)


def _strip(body: str, phrases: list[str]) -> str:
    for phrase in sorted(phrases, key=len, reverse=True):
        # Letters are matched ignoring case and runs of whitespace; remove them the same way.
        pattern = r"\s+".join(re.escape(word) for word in phrase.split())
        body = re.sub(pattern, "[removed]", body, flags=re.IGNORECASE)
    return body


@pytest.mark.parametrize(("kind", "key"), ELEMENT_CASES)
def test_a_letter_without_a_required_element_is_refused(kind, key, olivia, hannah, harry):
    complaint = case_for(kind, olivia=olivia, hannah=hannah, harry=harry)
    letter = services.letter_draft(user=olivia, complaint=complaint, kind=kind)
    element = next(e for e in REQUIRED[kind] if e.key == key)
    values = [v for path in element.sources for v in elements.values_at(letter.context, path)]
    services.letter_edit(
        user=olivia, letter=letter, body=_strip(letter.body, values + list(element.wording))
    )

    with pytest.raises(RuleBroken) as refused:
        services.letter_issue(user=olivia, letter=letter)

    provision = element.provision_for(letter.stage)
    assert refused.value.error == "letter_incomplete"
    assert element.name in refused.value.detail
    assert f"({provision})" in refused.value.detail
    letter.refresh_from_db()
    assert letter.status == LetterStatus.DRAFT
    assert not letter.pdf
    assert not Event.objects.filter(complaint=complaint, type="letter_issued").exists()


def test_a_response_cannot_be_issued_before_the_decision_is_recorded(olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    letter = services.letter_draft(user=olivia, complaint=complaint, kind="stage1_response")

    missing = services.letter_check(letter)
    assert [(m.element.key, m.provision, m.where) for m in missing] == [
        ("decision", "6.9c", "case"),
        ("reasons", "6.9d", "case"),
    ]
    with pytest.raises(RuleBroken) as refused:
        services.letter_issue(user=olivia, letter=letter)
    assert refused.value.provision == "6.9c"
    assert "the decision on the complaint (6.9c) is not recorded" in refused.value.detail


def test_a_redraft_after_the_response_is_recorded_can_be_issued(olivia, hannah):
    from tests.factories import respond

    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    letter = services.letter_draft(user=olivia, complaint=complaint, kind="stage1_response")
    respond(complaint, user=olivia, on=factories.dt.date(2025, 11, 14), decision="not_upheld")

    letter = services.letter_redraft(user=olivia, letter=letter)

    assert "Your complaint is not upheld." in letter.body
    assert "We are not offering a remedy" in letter.body
    assert services.letter_issue(user=olivia, letter=letter).status == LetterStatus.ISSUED


@pytest.mark.parametrize(
    ("kind", "build", "expected"),
    [
        ("acknowledgement", "awaiting", [("understanding", "5.6"), ("outcomes_sought", "5.6")]),
        ("extension", "acknowledged", [("extension_reason", "6.4"), ("extension_new_date", "6.4")]),
        ("refusal", "acknowledged", [("refusal_reasons", "2.4")]),
    ],
)
def test_a_letter_the_case_cannot_support_is_refused_naming_what_is_not_recorded(
    kind, build, expected, olivia, hannah
):
    complaint = (
        factories.awaiting_acknowledgement()
        if build == "awaiting"
        else factories.acknowledged(officer=olivia, handler=hannah)
    )
    letter = services.letter_draft(user=olivia, complaint=complaint, kind=kind)
    missing = services.letter_check(letter)
    assert [(m.element.key, m.provision) for m in missing if m.where == "case"][:2] == expected
    with pytest.raises(RuleBroken):
        services.letter_issue(user=olivia, letter=letter)


def test_stage_2_letters_cite_the_stage_2_provisions(olivia, hannah, harry):
    complaint = factories.stage2_acknowledged(officer=olivia, handler=hannah, stage2_handler=harry)
    letter = services.letter_draft(user=olivia, complaint=complaint, kind="extension")
    assert letter.stage == 2
    assert {m.provision for m in services.letter_check(letter)} == {"6.15"}


def test_a_response_with_no_remedy_says_so_and_can_be_issued(olivia, hannah):
    complaint = factories.stage1_responded(officer=olivia, handler=hannah, remedies=[], actions=[])
    letter = services.letter_draft(user=olivia, complaint=complaint, kind="stage1_response")
    assert "We are not offering a remedy" in letter.body
    assert "What we still need to do" not in letter.body
    assert services.letter_check(letter) == []
