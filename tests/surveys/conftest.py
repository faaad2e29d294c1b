"""Survey fixtures: rows as the provider sends them, and responses made through the services."""

import datetime as dt

import pytest

from putright.surveys import services

HEADER = [
    "Response ID",
    "Date",
    "Complaint reference",
    "Tenancy reference",
    "Tenure",
    "Complained last 12 months",
    "Satisfaction",
    "Comment",
]


def csv_bytes(rows, header=HEADER) -> bytes:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def xlsx_bytes(rows, header=HEADER) -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def record(olivia):
    """A survey response entered through the service (olivia by default)."""

    def make(user=None, **fields):
        data = {
            "responded_on": dt.date(2025, 11, 3),
            "tenure": "lcra",
            "complained_last_12_months": True,
            "satisfaction": "very_dissatisfied",
            "comment": "Nobody rang me back.",
        }
        data.update(fields)
        return services.survey_record(user=user or olivia, **data)

    return make
