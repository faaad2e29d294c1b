"""Exports in the Ombudsman's table layout, and the round trip: export, import, same answers."""

import csv
import datetime as dt
import io

import docx
import pytest

from putright.selfassessment import exporters, services
from putright.selfassessment.importers import parse_form
from tests.selfassessment.factories import start
from tests.selfassessment.test_import_reference_forms import FORM_2022, FORM_2024

pytestmark = pytest.mark.django_db


def answers_of(self_assessment):
    return [
        {
            "ref": a.ref,
            "comply": a.comply or None,
            "evidence": a.evidence,
            "commentary": a.commentary,
        }
        for a in self_assessment.answers.order_by("position")
    ]


@pytest.fixture
def imported_2024(olivia):
    return services.selfassessment_import(
        user=olivia,
        form=parse_form(FORM_2024),
        period_start=dt.date(2023, 4, 1),
        period_end=dt.date(2024, 3, 31),
        source=FORM_2024.name,
    )


@pytest.fixture
def hand_written(olivia, martin):
    assessment = start(olivia)
    edits = {
        "1.2": ("yes", "Complaints policy s2\nsee also the leaflet", "defined as the Code says"),
        "5.10": ("partly", "Adjustments register • reviewed yearly", "Reviews are late"),
        "6.13": ("no", "", "Two stage 2 cases were handled by the stage 1 officer, 3 & 4 <May>"),
        "8.4": ("na", "", ""),
    }
    for ref, (comply, evidence, commentary) in edits.items():
        services.answer_update(
            user=olivia,
            answer=assessment.answers.get(ref=ref),
            comply=comply,
            evidence=evidence,
            commentary=commentary,
        )
    services.improvement_action_add(
        user=olivia,
        answer=assessment.answers.get(ref="6.13"),
        description="Assign stage 2 to a manager",
        owner=martin,
        due_on=dt.date(2026, 1, 31),
    )
    return assessment


@pytest.mark.parametrize("fixture", ["imported_2024", "hand_written"])
@pytest.mark.parametrize(("fmt", "suffix"), [("docx", ".docx"), ("csv", ".csv")])
def test_export_then_import_gives_the_same_answers(fixture, fmt, suffix, request, tmp_path):
    assessment = request.getfixturevalue(fixture)
    content = exporters.EXPORTERS[fmt][0](assessment)
    path = tmp_path / f"exported{suffix}"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    form = parse_form(path)
    assert form.problems == []
    assert form.code == "2024"
    assert [row.as_dict() for row in form.rows] == answers_of(assessment)


def test_the_2022_form_round_trips_too(olivia, tmp_path):
    assessment = services.selfassessment_import(
        user=olivia,
        form=parse_form(FORM_2022),
        period_start=dt.date(2021, 4, 1),
        period_end=dt.date(2022, 3, 31),
    )
    path = tmp_path / "2022.docx"
    path.write_bytes(exporters.export_docx(assessment))
    form = parse_form(path)
    assert form.code == "2022"
    assert [row.as_dict() for row in form.rows] == answers_of(assessment)


def test_docx_has_a_table_per_section_in_the_ombudsmans_columns(hand_written):
    document = docx.Document(io.BytesIO(exporters.export_docx(hand_written)))
    tables = document.tables
    assert len(tables) == 9 + 1  # nine sections, then the improvement actions
    header = [cell.text for cell in tables[0].rows[0].cells]
    assert header == list(exporters.COLUMNS)
    first = [cell.text for cell in tables[0].rows[1].cells]
    assert first[0] == "1.2"
    assert first[2] == "Yes"
    assert first[3] == "Complaints policy s2\nsee also the leaflet"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[0] == "Section 1: Definition of a complaint"
    assert headings[-1] == "Improvement actions"
    assert [c.text for c in tables[-1].rows[1].cells] == [
        "6.13",
        "Assign stage 2 to a manager",
        "Martin",
        "31 January 2026",
        "",
    ]


def test_csv_has_one_row_per_provision(hand_written):
    rows = list(csv.reader(io.StringIO(exporters.export_csv(hand_written))))
    assert rows[0] == list(exporters.COLUMNS)
    assert len(rows) == 73
    assert rows[1][:3] == ["1.2", rows[1][1], "Yes"]
    assert next(r for r in rows if r[0] == "8.4")[2] == "N/A"


def test_html_escapes_text_and_shows_actions(hand_written):
    html = exporters.export_html(hand_written)
    assert "3 &amp; 4 &lt;May&gt;" in html
    assert "<h2>Section 6: Complaints stages</h2>" in html
    assert "Assign stage 2 to a manager (Martin, by 31 January 2026)" in html
    assert "http" not in html.split("<body>")[1]


def test_pdf_is_made_with_local_resources_only(hand_written):
    pdf = exporters.export_pdf(hand_written)
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 10_000
