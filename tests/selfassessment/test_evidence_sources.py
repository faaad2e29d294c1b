"""Every provision of the 2024 Code has a source of evidence (issue 13 item 3): a live figure,
an enforced rule's record or register, or a policy matter with the policy section to cite. The
sources agree with docs/compliance.md's statuses and with the figures Putright computes."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from putright.codes.catalogue import provision_refs
from putright.selfassessment import evidence_sources as sources
from putright.selfassessment.evidence_sources import LIVE, POLICY, RECORD, source_for
from tests.rules.test_every_figure_can_fail import BREACHES, ORGANISATION_BREACHES
from tests.selfassessment.factories import start

ROOT = Path(__file__).resolve().parents[2]


def _statuses() -> dict[str, str]:
    text = (ROOT / "docs" / "compliance.md").read_text()
    table = text[text.index("## Every provision") : text.index("## How to read this")]
    return {
        match[1]: match[2].strip()
        for match in re.finditer(r"^\| (\d\.\d+) \|[^|]*\|([^|]*)\|", table, flags=re.MULTILINE)
    }


def test_every_2024_provision_has_exactly_one_source():
    assert sorted(sources.SOURCES_2024, key=_key) == provision_refs("2024")
    assert all(s.kind in (LIVE, RECORD, POLICY) and s.what for s in sources.SOURCES_2024.values())


def _key(ref: str) -> tuple[int, int]:
    section, number = ref.split(".")
    return int(section), int(number)


def test_the_sources_agree_with_the_compliance_table():
    expected = {
        LIVE: {"evidenced", "enforced + evidenced"},
        RECORD: {"enforced"},
        POLICY: {"policy"},
    }
    statuses = _statuses()
    wrong = {
        ref: (source.kind, statuses[ref])
        for ref, source in sources.SOURCES_2024.items()
        if statuses[ref] not in expected[source.kind]
    }
    assert wrong == {}


def test_every_live_source_is_a_figure_with_a_breach_test():
    """A provision said to have a live figure has one that a test breaks, and every figure
    Putright computes is said to be live."""
    assert sources.live_provisions() == set(BREACHES) | set(ORGANISATION_BREACHES)


def test_other_codes_have_no_sources_of_putrights_own():
    assert source_for("2022", "6.2") is None
    assert source_for("2024", "99.9") is None


@pytest.mark.django_db
def test_the_answer_page_and_the_api_say_where_the_evidence_comes_from(client, olivia):
    assessment = start(olivia)
    answers = {a.ref: a for a in assessment.answers.all()}
    client.force_login(olivia)
    for ref, heading in (
        ("6.2", "Putright&#x27;s live figure"),
        ("5.3", "Putright&#x27;s record (the rule is enforced)"),
        ("1.2", "A policy matter"),
    ):
        page = client.get(reverse("selfassessment:answer", args=[assessment.pk, answers[ref].pk]))
        text = page.content.decode()
        assert "Where the evidence comes from" in text
        assert heading in text and source_for("2024", ref).what[:30] in text
    body = client.get(f"/api/v1/self-assessments/{assessment.pk}/").json()
    by_ref = {a["ref"]: a["evidence_source"] for a in body["answers"]}
    assert by_ref["1.2"]["kind"] == "policy" and by_ref["6.2"]["kind"] == "live"
