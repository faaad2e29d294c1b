"""Residents' contact details in the API follow the same rule as the web (UX review G4,
PUTRIGHT_CONTACT_DETAILS_ROLES): the governing body reads cases without them."""

import pytest

from tests.api.conftest import url


@pytest.fixture
def with_details(olivia):
    from tests.factories import log_complaint

    return log_complaint(
        user=olivia,
        resident={
            "name": "Rosa Patel",
            "email": "rosa@example.org",
            "phone": "07700 900123",
            "address": "Flat 3, 12 Elm Road, RV1 4AQ",
        },
    )


def test_staff_who_contact_residents_see_the_details(as_olivia, with_details):
    resident = as_olivia.get(url(with_details)).json()["resident"]
    assert resident["email"] == "rosa@example.org" and resident["address"].endswith("RV1 4AQ")


def test_the_governing_body_reads_the_case_without_them(as_grace, with_details):
    answer = as_grace.get(url(with_details)).json()
    assert answer["resident"]["name"] == "Rosa Patel"
    assert [answer["resident"][f] for f in ("email", "phone", "address")] == [None, None, None]
    listed = as_grace.get("/api/v1/complaints/").json()["results"][0]
    assert listed["resident"]["email"] is None
    resident = as_grace.get(f"/api/v1/residents/{with_details.resident_id}/")
    assert resident.status_code == 200 and resident.json()["email"] is None


def test_the_roles_are_a_setting(as_grace, with_details, settings):
    settings.PUTRIGHT_CONTACT_DETAILS_ROLES = ["governance"]
    assert as_grace.get(url(with_details)).json()["resident"]["email"] == "rosa@example.org"
