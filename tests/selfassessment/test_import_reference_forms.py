# ruff: noqa: RUF001 -- the forms' own dashes and curly quotes, asserted exactly
"""Importing the two real forms (copies of ../shared/reference in forms/), row by row."""

import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from putright.codes import catalogue
from putright.selfassessment.importers import clean_text, parse_comply, parse_form

REFERENCE = Path(__file__).resolve().parent / "forms"
FORM_2024 = REFERENCE / "self-assessment-2024-code-example.txt"
FORM_2022 = REFERENCE / "self-assessment-2022-code-example.txt"
MARKUP = re.compile(r"<[a-zA-Z/][^>]*>|\[bookmark:|&[a-z]+;|\t")


@pytest.fixture(scope="module")
def form_2024():
    return parse_form(FORM_2024)


@pytest.fixture(scope="module")
def form_2022():
    return parse_form(FORM_2022)


def by_ref(form):
    return {row.ref: row for row in form.rows}


# --- 2024 ----------------------------------------------------------------------------------


def test_2024_form_is_detected_and_has_every_provision_in_order(form_2024):
    assert form_2024.code == "2024"
    assert [row.ref for row in form_2024.rows] == catalogue.provision_refs("2024")
    assert form_2024.problems == []


def test_2024_comply_values(form_2024):
    expected = {ref: "yes" for ref in catalogue.provision_refs("2024")}
    expected.update({"8.3": "na", "8.4": "na", "8.5": "na"})  # "NA", "NA" and "N/A"
    assert {row.ref: row.comply for row in form_2024.rows} == expected


def test_2024_no_markup_left_and_evidence_kept_wherever_the_form_had_it(form_2024):
    rows = by_ref(form_2024)
    for row in form_2024.rows:
        for text in (row.evidence, row.commentary, row.requirement):
            assert not MARKUP.search(text), (row.ref, text)
        assert row.requirement, row.ref
    without_evidence = {ref for ref, row in rows.items() if not row.evidence}
    assert without_evidence == {"8.3", "8.4", "8.5", "9.6"}
    without_commentary = {ref for ref, row in rows.items() if not row.commentary}
    assert without_commentary == {
        "5.12", "6.2", "6.8", "6.11", "6.14", "6.17", "8.2", "8.3", "8.4", "8.5",
        "9.4", "9.5",
    }  # fmt: skip


def test_2024_plain_cells(form_2024):
    row = by_ref(form_2024)["1.2"]
    assert row.evidence == (
        "Complaints & Customer Feedback Policy 2022-2025 – Board approved 25 Jan ‘22 "
        "Reviewed & approved 26 March 2024"
    )
    assert row.commentary == "Section 11 includes this definition"
    assert by_ref(form_2024)["5.5"].evidence == (
        "We take full ownership of complaints and will liaise with third parties as necessary "
        "within the 2 stage process"
    )
    assert by_ref(form_2024)["5.5"].commentary == "As 5.4"
    assert by_ref(form_2024)["6.5"].evidence == "Complaints Letter template"


def test_2024_paragraphs_become_lines_and_a_page_break_continues_the_cell(form_2024):
    row = by_ref(form_2024)["1.3"]
    assert row.evidence.splitlines() == [
        "Complaints & Customer Feedback Policy 2022-2025 s11 of the Policy. “What is a Complaint?”",
        "Customer Led Complaints Handling Scrutiny Report October 2023",
        "TSM’s - 2023/24 TP09 Satisfaction with the landlord’s approach to handling complaints "
        "= 40%",
        "Monthly Customer Focus Reports",
        # continued after the page break
        "Customer Feedback forms (from events & activities)",
    ]
    assert row.commentary.splitlines() == [
        "Contact Centre – first point of contact response includes asking a customer if they "
        "are making a service request or wishing to log a complaint",
        "All expressions of dissatisfaction are followed up with contact from Customer Focus "
        "Assistant",
    ]


def test_2024_continuation_lands_in_the_right_column(form_2024):
    rows = by_ref(form_2024)
    assert rows["1.5"].commentary.endswith(
        "Standard operating procedure (SOP to evidence this new process by end August 2024)"
    )
    assert rows["1.5"].evidence.endswith(
        "also includes how to address expressions of dissatisfaction"
    )
    assert rows["5.1"].commentary == (
        "Policy was refreshed and approved by the Board in March 2024 in accordance with the "
        "revised HO Complaints Handling Code"
    )
    assert rows["5.1"].requirement.endswith(
        "Residents must not be treated differently if they complain."
    )
    assert rows["9.4"].evidence == (
        "Dedicated role Customer Focus Manager. This role reports directly to Director of "
        "Communities and Customer Service We have a designated Board Champion for Customers. "
        "This champion is a tenant board member"
    )


def test_2024_empty_evidence_cell_and_trailing_empty_commentary(form_2024):
    rows = by_ref(form_2024)
    assert rows["9.6"].evidence == ""
    assert rows["9.6"].commentary.startswith("MRC receives Board papers and attends meetings")
    assert rows["5.12"].commentary == ""
    assert rows["5.12"].evidence.startswith("All complaints are logged within our CRM system")


def test_2024_lists_and_italics_are_cleaned(form_2024):
    rows = by_ref(form_2024)
    assert rows["3.5"].commentary.splitlines() == [
        "Website",
        "Communal Area Notice Boards",
        "Officer visits (as CRM notes)",
    ]
    assert (
        rows["8.2"].evidence
        == "As 8.1 of this self-assessment Board reviewed the documents on 26 June 2024"
    )
    assert rows["9.7"].commentary == "MRC to be included in all investigations from April 2024"
    assert "‘an expression of dissatisfaction" in rows["1.2"].requirement


# --- 2022 ----------------------------------------------------------------------------------

EXPECTED_2022 = {
    "1.2": "yes", "1.3": "partly", "1.4": "yes", "1.5": "yes", "1.6": "yes", "1.7": "yes",
    "1.8": None, "1.9": "yes",
    "2.1": "yes", "2.2": "partly", "2.3": "yes", "2.4": "yes", "2.5": "no", "2.6": "partly",
    "2.7": "no", "2.8": "yes",
    "3.1": "yes", "3.3": "yes",
    "4.1": "yes", "4.2": "yes", "4.3": "no", "4.4": "yes", "4.5": "yes", "4.6": "yes",
    "4.7": "yes", "4.8": "yes", "4.9": "partly", "4.10": "yes", "4.11": "yes", "4.12": "partly",
    "4.13": "yes", "4.14": "yes", "4.15": "yes", "4.16": "yes", "4.17": "yes", "4.18": "yes",
    "4.19": "partly",
    "5.1": "yes", "5.2": "no", "5.3": "no", "5.4": "yes", "5.5": "partly", "5.6": "partly",
    "5.7": "yes", "5.8": "yes", "5.9": "yes", "5.10": "yes", "5.11": "yes", "5.12": "yes",
    "5.13": "partly", "5.14": "partly", "5.15": "no", "5.16": "yes", "5.17": "yes",
    "5.18": "na", "5.19": "na", "5.20": "na",
    "6.1": "yes", "6.2": "yes", "6.3": "yes", "6.5": "yes", "6.6": "yes", "6.7": "yes",
    "7.2": "yes", "7.3": "yes", "7.4": None, "7.5": "yes", "7.6": "no",
    "8.1": "yes", "8.2": "yes", "8.3": "yes",
}  # fmt: skip


def test_2022_form_is_detected_and_read_in_provision_order(form_2022):
    assert form_2022.code == "2022"
    refs = [row.ref for row in form_2022.rows]
    assert refs == sorted(EXPECTED_2022, key=lambda r: tuple(int(n) for n in r.split(".")))
    assert len(refs) == 71


def test_2022_comply_values_row_by_row(form_2022):
    assert {row.ref: row.comply for row in form_2022.rows} == EXPECTED_2022


def test_2022_the_duplicated_row_is_reported_not_dropped(form_2022):
    assert form_2022.problems == ["5.6: appears more than once; the rows are combined"]
    assert by_ref(form_2022)["5.6"].evidence == (
        "Response template letters\n"
        "Template letters to be reviewed to ensure they cover all of these points"
    )


def test_2022_no_markup_and_evidence_everywhere_the_form_had_it(form_2022):
    for row in form_2022.rows:
        for text in (row.evidence, row.requirement):
            assert not MARKUP.search(text), (row.ref, text)
        assert row.commentary == ""  # one column: "Evidence, commentary and any explanations"
    assert {row.ref for row in form_2022.rows if not row.evidence} == {"4.7"}


def test_2022_cells_on_their_own_lines(form_2022):
    rows = by_ref(form_2022)
    assert rows["1.2"].evidence == "Section 3.3 of the Customer Feedback Policy"
    assert rows["1.3"].evidence.splitlines() == [
        "ACTION",
        "The policy will be amended to state this",
        "Section 3.3 of the Customer Feedback Policy",
    ]
    assert rows["1.8"].evidence == "Section 2.2 of the Customer Feedback Policy"
    assert rows["2.7"].evidence == "See 2.6"
    assert rows["5.20"].evidence == "No stage 3 stage"
    assert rows["7.4"].evidence == "DMT and SLT"
    assert rows["8.3"].evidence == (
        "Self-assessment will be included in the 21/22 annual tenant report"
    )
    assert rows["7.6"].evidence.splitlines() == [
        "Action",
        "Corporate steer required. Further work required to review the CIH professional standards",
    ]


def test_2022_unnumbered_continuation_row_joins_its_provision(form_2022):
    row = by_ref(form_2022)["3.1"]
    assert row.requirement.endswith(
        "the complaint handler appointed must have appropriate complaint handling skills and no "
        "conflicts of interest"
    )
    assert row.evidence.splitlines()[-2:] == [
        "Training provided on how to deal with complaints.",
        "Stage 2 complaints are allocated to a senior officer not involved in stage 1 complaint",
    ]


def test_2022_bullets_and_wrapped_lines(form_2022):
    rows = by_ref(form_2022)
    assert rows["2.1"].evidence.splitlines()[:3] == [
        "Section 4.3 of the Feedback Policy",
        "• Online – via the online form",
        "• Email",
    ]
    assert rows["4.16"].evidence.splitlines() == [
        "This is carried out in a variety of ways:",
        "• Viewpoint surveys",
        "• Involved tenants",
        "• Resident surveys",
    ]
    assert rows["4.11"].requirement == (
        "Landlords must adhere to any reasonable arrangements agreed with residents in terms of "
        "frequency and method of communication"
    )


# --- the command -----------------------------------------------------------------------------


def test_import_command_prints_json_in_provision_order(capsys):
    call_command("selfassessment", "import", str(FORM_2024), "--json")
    out = json.loads(capsys.readouterr().out)
    assert out["code"] == "2024"
    assert len(out["provisions"]) == 72
    assert out["provisions"][0] == {
        "ref": "1.2",
        "comply": "yes",
        "evidence": (
            "Complaints & Customer Feedback Policy 2022-2025 – Board approved 25 Jan ‘22 "
            "Reviewed & approved 26 March 2024"
        ),
        "commentary": "Section 11 includes this definition",
    }


def test_import_command_reports_problems_on_stderr(capsys):
    call_command("selfassessment", "import", str(FORM_2022), "--json", "--code", "2022")
    captured = capsys.readouterr()
    assert "5.6: appears more than once" in captured.err
    assert json.loads(captured.out)["code"] == "2022"


@pytest.mark.django_db
def test_import_command_without_json_creates_a_draft(olivia, capsys):
    from putright.selfassessment.models import SelfAssessment

    call_command("selfassessment", "import", str(FORM_2024), "--user", "olivia")
    assessment = SelfAssessment.objects.get()
    assert assessment.status == "draft"
    assert assessment.code_version.key == "2024"
    assert assessment.answers.count() == 72
    answer = assessment.answers.get(ref="9.6")
    assert answer.evidence == ""
    assert answer.to_review
    assert assessment.answers.get(ref="8.5").comply == "na"
    assert "Draft self-assessment" in capsys.readouterr().out


# --- pieces ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Yes", "yes"),
        (" Yes ", "yes"),
        ("NA", "na"),
        ("N/A", "na"),
        ("N/a", "na"),
        ("Partially", "partly"),
        ("No\n\n\nYes ", "partly"),
        ("Yes\n\nYes", "yes"),
        ("", None),
    ],
)
def test_comply_values(raw, expected):
    assert parse_comply(raw) == (expected, True)


def test_a_comply_value_not_understood_is_flagged():
    assert parse_comply("Working on it") == (None, False)


def test_clean_text_removes_markup():
    assert clean_text('<p>One &amp; two</p> <ul style="x"><li><i>three</i></li></ul>') == (
        "One & two\n• three"
    )
    assert clean_text("[bookmark: _x]Heading") == "Heading"
