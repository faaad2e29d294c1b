"""`putright surveys import FILE`: CSV or XLSX from the survey provider, all or nothing, every
problem named by row, column and rule, idempotent on the provider's response id."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from putright.errors import NotPermitted
from putright.surveys import importing, services
from putright.surveys.models import SurveyResponse, SurveySource
from tests.factories import log_complaint
from tests.surveys.conftest import csv_bytes, xlsx_bytes

GOOD = [
    ["P-1", "2025-10-01", "", "", "LCRA", "Yes", "Very satisfied", ""],
    ["P-2", "02/10/2025", "", "", "Shared ownership", "yes", "Very dissatisfied", "Never heard."],
    ["P-3", "2025-10-03", "", "", "General needs", "No", "", ""],
]


def _import(user, name, content):
    return services.survey_import(user=user, rows=importing.read(name, content), source=name)


def test_a_csv_imports_every_row(olivia):
    result = _import(olivia, "tsm.csv", csv_bytes(GOOD))
    assert len(result.created) == 3 and result.follow_ups == 1
    second = SurveyResponse.objects.get(provider_response_id="P-2")
    assert second.tenure == "lcho" and second.responded_on == dt.date(2025, 10, 2)
    assert second.satisfaction == "very_dissatisfied" and second.source == SurveySource.IMPORT
    third = SurveyResponse.objects.get(provider_response_id="P-3")
    assert third.complained_last_12_months is False and third.satisfaction == ""


def test_an_xlsx_imports_with_spreadsheet_dates(olivia):
    rows = [[r[0], dt.datetime(2025, 10, 1), *r[2:]] for r in GOOD]
    result = _import(olivia, "tsm.xlsx", xlsx_bytes(rows))
    assert len(result.created) == 3
    assert {s.responded_on for s in result.created} == {dt.date(2025, 10, 1)}


def test_importing_the_same_file_twice_imports_once(olivia):
    _import(olivia, "tsm.csv", csv_bytes(GOOD))
    again = _import(
        olivia, "tsm.csv", csv_bytes([*GOOD, ["P-4", "2025-10-04", "", "", "LCRA", "no", "", ""]])
    )
    assert len(again.created) == 1 and again.already_imported == 3
    assert SurveyResponse.objects.count() == 4


def test_a_bad_row_refuses_the_whole_file_naming_row_and_column(olivia):
    rows = [
        *GOOD,
        ["P-5", "31/02/2025", "", "", "Leasehold", "maybe", "Quite happy", ""],
        ["P-1", "2025-10-05", "CMP-999999", "", "LCRA", "yes", "", ""],
    ]
    with pytest.raises(services.ImportRefused) as refused:
        _import(olivia, "tsm.csv", csv_bytes(rows))
    said = [str(p) for p in refused.value.problems]
    assert any(s.startswith("Row 5, column date:") for s in said)
    assert any(s.startswith("Row 5, column tenure: 'Leasehold' is not a tenure") for s in said)
    assert any(s.startswith("Row 5, column complained_last_12_months:") for s in said)
    assert any(s.startswith("Row 5, column satisfaction: 'Quite happy'") for s in said)
    assert "Row 6, column response_id: The response id 'P-1' is also on row 2." in said
    assert "Row 6, column complaint_reference: No complaint has reference 'CMP-999999'." in said
    assert SurveyResponse.objects.count() == 0  # all or nothing


def test_a_future_date_is_refused(olivia):
    rows = [["P-9", "2025-12-01", "", "", "LCRA", "yes", "", ""]]
    with pytest.raises(services.ImportRefused) as refused:
        _import(olivia, "tsm.csv", csv_bytes(rows))
    assert [str(p) for p in refused.value.problems] == [
        "Row 2, column date: The date cannot be in the future."
    ]


def test_a_file_without_the_columns_is_unreadable(olivia):
    with pytest.raises(importing.FileUnreadable, match="missing: tenure"):
        importing.read("tsm.csv", csv_bytes([["P-1", "2025-10-01"]], header=["id", "date"]))
    with pytest.raises(importing.FileUnreadable, match=r"csv or \.xlsx"):
        importing.read("tsm.pdf", b"%PDF")


def test_rows_link_to_the_complaint_and_its_resident(olivia):
    complaint = log_complaint(user=olivia)
    rows = [["P-7", "2025-11-20", complaint.reference, "", "LCRA", "yes", "Fairly satisfied", ""]]
    (survey,) = _import(olivia, "tsm.csv", csv_bytes(rows)).created
    assert survey.complaint == complaint and survey.resident == complaint.resident


def test_the_tenancy_reference_finds_the_resident(olivia):
    complaint = log_complaint(user=olivia)  # Rosa Patel, tenancy T-1
    rows = [["P-8", "2025-11-20", "", "T-1", "LCRA", "yes", "Fairly satisfied", ""]]
    (survey,) = _import(olivia, "tsm.csv", csv_bytes(rows)).created
    assert survey.complaint is None and survey.resident == complaint.resident


def test_a_handler_cannot_import(hannah):
    with pytest.raises(NotPermitted):
        _import(hannah, "tsm.csv", csv_bytes(GOOD))


def test_the_command_reports_each_problem_and_imports_nothing(olivia, tmp_path):
    path = tmp_path / "tsm.csv"
    path.write_bytes(csv_bytes([*GOOD, ["P-5", "2025-10-05", "", "", "LCRX", "yes", "", ""]]))
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing imported: 1 problem"):
        call_command("surveys", "import", str(path), user="olivia", stderr=err)
    assert "tsm.csv: Row 5, column tenure: 'LCRX' is not a tenure" in err.getvalue()
    assert SurveyResponse.objects.count() == 0


def test_the_command_imports_and_says_what_it_did(olivia, tmp_path):
    path = tmp_path / "tsm.csv"
    path.write_bytes(csv_bytes(GOOD))
    out = StringIO()
    call_command("surveys", "import", str(path), user="olivia", stdout=out)
    call_command("surveys", "import", str(path), user="olivia", stdout=out)
    assert "Imported 3 survey response(s) from tsm.csv; 0 already imported; 1 dissatisfied" in (
        out.getvalue()
    )
    assert "Imported 0 survey response(s) from tsm.csv; 3 already imported" in out.getvalue()


def test_a_workbook_that_would_unpack_too_far_is_refused(settings):
    settings.PUTRIGHT_MAX_UNPACKED_BYTES = 1000
    with pytest.raises(importing.FileUnreadable, match="would unpack"):
        importing.read("tsm.xlsx", xlsx_bytes(GOOD))
    with pytest.raises(importing.FileUnreadable, match="not a readable XLSX"):
        importing.read("tsm.xlsx", b"not a zip")
