"""The DOCX export in the Ombudsman's 2024 layout, read back: the form's title and opening
instructions, a heading and a table per section in the form's columns, and one row per
provision with the Code's own text, the answer and the evidence."""

import io

import docx
import pytest
from docx.oxml.ns import qn

from putright.codes import catalogue
from putright.selfassessment import exporters, services
from tests.selfassessment.factories import start

pytestmark = pytest.mark.django_db

HEADERS = [
    "Code provision",
    "Code requirement",
    "Comply: Yes / No",
    "Evidence",
    "Commentary / explanation",
]


@pytest.fixture
def answered(olivia):
    assessment = start(olivia)
    for number, answer in enumerate(assessment.answers.order_by("position")):
        services.answer_update(
            user=olivia,
            answer=answer,
            comply="no" if number % 5 == 0 else "yes",
            evidence=f"Evidence for {answer.ref}",
            commentary=f"Commentary for {answer.ref}",
        )
    return assessment


@pytest.fixture
def document(answered):
    return docx.Document(io.BytesIO(exporters.export_docx(answered)))


def test_the_form_opens_with_its_title_and_instructions(document):
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    assert paragraphs[0] == "Appendix A: Self-assessment form"
    assert document.paragraphs[0].style.name == "Heading 1"
    assert paragraphs[1].startswith("This self-assessment form should be completed by the")
    assert any(p.startswith("Once approved, landlords must publish") for p in paragraphs[:6])
    assert any(p.startswith("Landlords are required to complete") for p in paragraphs[:6])
    # The details of this one follow the form's own opening.
    assert any(p.startswith("Period: 1 April 2024 to 31 March 2025") for p in paragraphs)


def test_a_heading_and_a_table_per_section_in_the_forms_columns(document):
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    sections = catalogue.load("2024")["sections"]
    assert headings == [f"Section {s['number']}: {s['title']}" for s in sections]
    assert len(document.tables) == len(sections)
    for table in document.tables:
        header = table.rows[0]
        assert [cell.text for cell in header.cells] == HEADERS
        # Repeated at the top of every page the table runs onto.
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None


def test_one_row_per_provision_with_the_codes_text_the_answer_and_the_evidence(document):
    sections = catalogue.load("2024")["sections"]
    for section, table in zip(sections, document.tables, strict=True):
        rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
        assert [row[0] for row in rows] == [p["ref"] for p in section["provisions"]]
        for row, provision in zip(rows, section["provisions"], strict=True):
            assert row[1] == provision["text"]
            assert row[2] in {"Yes", "No"}
            assert row[3] == f"Evidence for {provision['ref']}"
            assert row[4] == f"Commentary for {provision['ref']}"
    first = [cell.text for cell in document.tables[0].rows[1].cells]
    assert first[:3] == ["1.2", catalogue.provision("2024", "1.2")["text"], "No"]
    total = sum(len(table.rows) - 1 for table in document.tables)
    assert total == len(catalogue.provision_refs("2024")) == 72


def test_an_older_codes_export_names_its_code_not_the_2024_form(olivia):
    assessment = start(olivia, code_version="2020")
    document = docx.Document(io.BytesIO(exporters.export_docx(assessment)))
    assert document.paragraphs[0].text == "Self-assessment: Complaint Handling Code, July 2020"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[:3] == [
        "Section 1: Definition of a complaint",
        "Section 2: Accessibility",
        "Section 3: Complaints team and process",
    ]
    rows = document.tables[2].rows
    assert [c.text for c in rows[1].cells][:2] == [
        "3.1",
        "Is there a complaint officer or equivalent in post?",
    ]
