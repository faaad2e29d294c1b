"""Nothing with personal data is kept by a browser, proxy or shared computer (security review,
finding 15): `Cache-Control: no-store` on staff pages, the resident's page, API answers and
exports, unless a view chose its own caching; static files keep theirs."""

import pytest

from tests.factories import log_complaint

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(olivia):
    return log_complaint(user=olivia)


def _no_store(answer):
    assert answer.status_code == 200, answer.status_code
    assert "no-store" in answer["Cache-Control"]


def test_staff_pages_and_the_residents_page(signed_in, olivia, case):
    client = signed_in(olivia)
    for path in (
        "/",
        "/complaints/",
        f"/complaints/{case.reference}/",
        f"/people/residents/{case.resident_id}/",
    ):
        _no_store(client.get(path))


def test_api_answers_and_exports(client, olivia, case):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(olivia)
    _no_store(api.get(f"/api/v1/complaints/{case.reference}/"))
    _no_store(api.get("/api/v1/complaints/"))
    _no_store(
        api.get(
            "/api/v1/reports/summary/", {"from": "2025-04-01", "to": "2026-03-31", "export": "csv"}
        )
    )


def test_a_view_that_chose_its_own_caching_keeps_it(client, db):
    # The sign-in page is never_cache'd by Django: its header is Django's, not ours.
    answer = client.get("/accounts/login/")
    assert "max-age=0" in answer["Cache-Control"]
