import io

import pytest
from openpyxl import load_workbook
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_tsm_endpoint_with_homes_override(landlord_cases, martin):
    response = client_for(martin).get("/api/v1/reports/tsm/", {"year": 2025, "homes": 500})
    assert response.status_code == 200
    body = response.json()
    assert body["homes"] == 500
    assert (body["ch01_stage1"], body["ch01_stage2"]) == (10.0, 2.0)
    assert (body["ch02_stage1"], body["ch02_stage2"]) == (66.7, 100.0)
    assert body["ch02_stage1_denominator"] == 3


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"year": "twenty"}, "year"),
        ({}, "year"),
        ({"year": 2025, "homes": "0"}, "homes"),
        ({"year": 2025, "homes": "many"}, "homes"),
        ({"year": 2025}, "homes"),  # no homes recorded for the year
    ],
)
def test_tsm_endpoint_names_the_bad_field(params, field, grace):
    response = client_for(grace).get("/api/v1/reports/tsm/", params)
    assert response.status_code == 400
    assert field in response.json()


def test_handlers_do_not_see_the_figures(hannah):
    response = client_for(hannah).get("/api/v1/reports/tsm/", {"year": 2025, "homes": 1})
    assert response.status_code == 403


def test_summary_endpoint(landlord_cases, olivia):
    response = client_for(olivia).get(
        "/api/v1/reports/summary/", {"from": "2025-04-01", "to": "2026-03-31"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["volume"]["stage1"] == 6
    assert body["refusals"]["total"] == 1
    assert body["remedies"]["financial_total"] == "400.00"


def test_summary_rejects_a_backwards_period(olivia):
    response = client_for(olivia).get(
        "/api/v1/reports/summary/", {"from": "2025-04-01", "to": "2025-03-01"}
    )
    assert response.status_code == 400
    assert "to" in response.json()


def test_summary_exports_a_table_as_csv(landlord_cases, olivia):
    response = client_for(olivia).get(
        "/api/v1/reports/summary/",
        {"from": "2025-04-01", "to": "2026-03-31", "export": "csv", "table": "outcomes"},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    lines = response.content.decode().splitlines()
    assert lines[0] == "Stage,Upheld,Partly upheld,Not upheld,Total"
    assert lines[1] == "Stage 1,2,0,1,3"


def test_summary_exports_every_table_to_excel(landlord_cases, olivia):
    response = client_for(olivia).get("/api/v1/reports/summary/", {"year": 2025, "export": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert "timeliness" in workbook.sheetnames
    sheet = workbook["volume"]
    assert [c.value for c in sheet[3]] == ["Stage 1", 6]


def test_tsm_exports_csv(landlord_cases, martin):
    response = client_for(martin).get(
        "/api/v1/reports/tsm/", {"year": 2025, "homes": 500, "export": "csv"}
    )
    assert "CH02 stage 1 within timescale (%),66.7,2,3" in response.content.decode()
