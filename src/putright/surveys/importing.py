"""Reading the survey provider's file (CSV or XLSX): the first row names the columns, each later
row is a response. Cells are read into the values `services.survey_import` checks; a cell that
cannot be read is a problem named by its row and column, never a silent blank.

Columns (case, spaces and punctuation ignored; the first name is the one the report uses):

| column | accepted headers | values |
|---|---|---|
| response_id | response id, provider response id, id | the provider's id, unique |
| date | date, response date, responded on | YYYY-MM-DD, DD/MM/YYYY, or a spreadsheet date |
| complaint_reference | complaint, complaint reference | optional, an existing reference |
| tenancy_reference | tenancy, tenancy reference | optional, finds the resident |
| tenure | tenure, stock | LCRA (general needs, low cost rental) or LCHO (shared ownership) |
| complained_last_12_months | complained, complained last 12 months | yes / no |
| satisfaction | satisfaction, tp09 | the TSM scale; blank or "don't know": not answered |
| comment | comment, comments, free comment | optional |
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from putright.surveys.models import Satisfaction

MAX_ROWS = 50_000

HEADERS = {
    "response_id": ("responseid", "providerresponseid", "id"),
    "date": ("date", "responsedate", "respondedon", "surveydate"),
    "complaint_reference": ("complaint", "complaintreference", "complaintref"),
    "tenancy_reference": ("tenancy", "tenancyreference", "tenancyref"),
    "tenure": ("tenure", "stock", "respondenttenure"),
    "complained_last_12_months": (
        "complained",
        "complainedlast12months",
        "madeacomplaint",
        "complaintinlast12months",
    ),
    "satisfaction": (
        "satisfaction",
        "satisfiedwithcomplaintshandling",
        "tp09",
        "complaintshandlingsatisfaction",
    ),
    "comment": ("comment", "comments", "freecomment"),
}
REQUIRED = ("response_id", "date", "tenure", "complained_last_12_months")
# The service's field names, as the report names their columns.
COLUMN_OF = {
    "provider_response_id": "response_id",
    "responded_on": "date",
    "complaint": "complaint_reference",
    "resident": "tenancy_reference",
    "tenure": "tenure",
    "complained_last_12_months": "complained_last_12_months",
    "satisfaction": "satisfaction",
    "comment": "comment",
}
TENURES = {
    "lcra": "lcra",
    "generalneeds": "lcra",
    "lowcostrental": "lcra",
    "lowcostrentalaccommodation": "lcra",
    "socialrent": "lcra",
    "lcho": "lcho",
    "lowcosthomeownership": "lcho",
    "sharedownership": "lcho",
}
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}
NOT_ANSWERED = {"", "dontknow", "notapplicable", "na", "dontknownotapplicable", "notanswered"}
SCALE = {_key: value for value, label in Satisfaction.choices for _key in (value.replace("_", ""),)}
SCALE |= {re.sub(r"[^a-z0-9]", "", label.lower()): value for value, label in Satisfaction.choices}
SCALE |= {"neither": "neither", "neithersatisfiednordissatisfied": "neither"}


def _key(value) -> str:
    return re.sub(r"[^a-z0-9]", "", str(value or "").lower())


class FileUnreadable(Exception):
    pass


@dataclass
class Row:
    number: int
    values: dict = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)


def _table(name: str, content: bytes) -> list[list]:
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        _check_archive(name, content)

        try:
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
            raise FileUnreadable(f"{name}: not a readable XLSX workbook ({error}).") from error
        sheet = book.worksheets[0]
        return [list(r) for r in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 1)]
    if suffix in (".csv", ".txt"):
        try:
            decoded = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            decoded = content.decode("cp1252", errors="replace")
        return list(csv.reader(io.StringIO(decoded)))[: MAX_ROWS + 1]
    raise FileUnreadable(f"{name}: give a .csv or .xlsx file.")


def _check_archive(name: str, content: bytes) -> None:
    """An XLSX is a zip: refuse one that would unpack to more than uploads allow (a zip bomb)."""
    import zipfile

    from django.conf import settings

    limit = settings.PUTRIGHT_MAX_UNPACKED_BYTES
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise FileUnreadable(f"{name}: not a readable XLSX workbook.") from None
    if len(members) > 2000 or sum(m.file_size for m in members) > limit:
        raise FileUnreadable(f"{name}: the workbook would unpack to more than {limit:,} bytes.")


def _date(value):
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    raw = str(value or "").strip()
    if not raw:
        return None, "Enter the date of the response."
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(raw, pattern).date(), None
        except ValueError:
            continue
    return None, f"{raw!r} is not a date: write it as YYYY-MM-DD or DD/MM/YYYY."


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _row(number: int, cells: dict) -> Row:
    row = Row(number)
    values, problems = row.values, row.problems
    values["provider_response_id"] = _text(cells.get("response_id"))
    values["responded_on"], problem = _date(cells.get("date"))
    if problem:
        problems.append(("date", problem))
    values["complaint"] = _text(cells.get("complaint_reference"))
    values["tenancy_reference"] = _text(cells.get("tenancy_reference"))
    tenure = _key(cells.get("tenure"))
    values["tenure"] = TENURES.get(tenure)
    if values["tenure"] is None:
        problems.append(
            (
                "tenure",
                f"{_text(cells.get('tenure'))!r} is not a tenure: write LCRA (low cost rental) "
                "or LCHO (low cost home ownership).",
            )
        )
    complained = _key(cells.get("complained_last_12_months"))
    values["complained_last_12_months"] = (
        True if complained in YES else False if complained in NO else None
    )
    if values["complained_last_12_months"] is None:
        problems.append(
            (
                "complained_last_12_months",
                f"{_text(cells.get('complained_last_12_months'))!r}: write yes or no.",
            )
        )
    satisfaction = _key(cells.get("satisfaction"))
    if satisfaction in NOT_ANSWERED:
        values["satisfaction"] = ""
    elif satisfaction in SCALE:
        values["satisfaction"] = SCALE[satisfaction]
    else:
        problems.append(
            (
                "satisfaction",
                f"{_text(cells.get('satisfaction'))!r} is not on the scale: write one of "
                f"{', '.join(Satisfaction.labels)}, or leave it blank.",
            )
        )
    values["comment"] = _text(cells.get("comment"))
    return row


def read(name: str, content: bytes) -> list[Row]:
    """The rows of the file, each with its values and the problems found reading it. Raises
    FileUnreadable for a file that is not a CSV or XLSX, or whose header names no column."""
    table = _table(name, content)
    if not table:
        raise FileUnreadable(f"{name}: the file is empty.")
    if len(table) > MAX_ROWS + 1:
        raise FileUnreadable(f"{name}: at most {MAX_ROWS:,} responses in one file.")
    header = [_key(cell) for cell in table[0]]
    positions = {}
    for column, names in HEADERS.items():
        for index, cell in enumerate(header):
            if cell in names and column not in positions:
                positions[column] = index
    missing = [c for c in REQUIRED if c not in positions]
    if missing:
        raise FileUnreadable(f"{name}: row 1 must name the columns; missing: {', '.join(missing)}.")
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if all(_text(cell) == "" for cell in cells):
            continue  # a blank line is not a response
        by_column = {
            column: cells[index] if index < len(cells) else None
            for column, index in positions.items()
        }
        rows.append(_row(number, by_column))
    return rows
