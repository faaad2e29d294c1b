"""The Code as data: every provision of the 2024 Code, in order, with its text."""

import pytest

from putright.codes import catalogue
from putright.codes.models import Provision
from putright.codes.selectors import provision_list
from putright.timescales.code import CODE_VERSIONS

EXPECTED_2024 = [
    *(f"1.{n}" for n in range(2, 7)),
    *(f"2.{n}" for n in range(1, 6)),
    *(f"3.{n}" for n in range(1, 8)),
    *(f"4.{n}" for n in range(1, 4)),
    *(f"5.{n}" for n in range(1, 16)),
    *(f"6.{n}" for n in range(1, 21)),
    *(f"7.{n}" for n in range(1, 5)),
    *(f"8.{n}" for n in range(1, 6)),
    *(f"9.{n}" for n in range(1, 9)),
]


def test_the_2024_code_has_its_72_provisions_in_order():
    assert len(EXPECTED_2024) == 72
    assert catalogue.provision_refs("2024") == EXPECTED_2024


def test_every_2024_provision_has_its_requirement_text():
    for provision in catalogue.provisions("2024"):
        assert len(provision["text"]) > 40, provision["ref"]
        assert "<" not in provision["text"] and ">" not in provision["text"], provision["ref"]
        assert provision["section_title"], provision["ref"]


def test_2024_texts_say_what_the_code_says():
    assert catalogue.provision("2024", "6.2")["text"] == (
        "Complaints must be acknowledged, defined and logged at stage 1 of the complaints "
        "procedure within five working days of the complaint being received."
    )
    assert catalogue.provision("2024", "6.13")["text"] == (
        "The person considering the complaint at stage 2 must not be the same person that "
        "considered the complaint at stage 1."
    )
    assert "within 20 working days" in catalogue.provision("2024", "6.14")["text"]
    assert catalogue.provision("2024", "6.19")["text"].splitlines()[-1] == (
        "g. details of how to escalate the matter to the Ombudsman Service if the individual "
        "remains dissatisfied."
    )
    assert catalogue.provision("2024", "8.1")["section_title"] == (
        "Self-assessment, reporting and compliance"
    )
    assert catalogue.provision("2024", "8.4")["kind"] == "may"


def test_the_2022_code_separates_must_from_should():
    assert catalogue.provision("2022", "1.2")["kind"] == "must"
    assert catalogue.provision("2022", "1.4")["kind"] == "should"
    assert catalogue.provision("2022", "5.12")["text"].startswith(
        "The person considering the complaint at stage two"
    )
    refs = catalogue.provision_refs("2022")
    assert refs.index("1.9") < refs.index("2.1") < refs.index("5.20") < refs.index("8.3")
    assert len(refs) == len(set(refs))


def test_code_versions_match_the_timescales_keys():
    assert set(catalogue.VERSIONS) == set(CODE_VERSIONS)


def test_an_unknown_version_is_refused():
    with pytest.raises(KeyError):
        catalogue.load("2019")


@pytest.mark.django_db
def test_the_database_holds_the_same_provisions_after_migration():
    refs = list(provision_list(version="2024").values_list("ref", flat=True))
    assert refs == EXPECTED_2024
    provision = Provision.objects.get(code_version__key="2024", ref="9.5")
    assert provision.section.title == "Scrutiny and oversight: continuous learning and improvement"
    assert provision.must
    assert Provision.objects.filter(code_version__key="2022").count() == len(
        catalogue.provision_refs("2022")
    )
