"""Issue 15 item 2 (6.8): when a complaint is being logged, Putright suggests the open complaints
of the same resident or address that look related, and the handler decides: add it to the open
case (complaint_log's own 6.8 rule) or log it as a new complaint."""

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from putright.complaints import services
from putright.complaints.models import Complaint
from putright.insight.related import suggest_for

pytestmark = pytest.mark.django_db

D = dt.date
ROSA = {"name": "Rosa Patel", "email": "rosa@example.org", "address": "1 High Street, Leeds"}
MOULD = "Black mould in the bathroom is spreading across the ceiling and the walls."


NOV_3 = D(2025, 11, 3)


def _log(user, resident, description, *, category="damp_mould", received=NOV_3):
    complaint, _ = services.complaint_log(
        user=user,
        resident=resident,
        received_on=received,
        channel="phone",
        description=description,
        category=category,
    )
    return complaint


def test_the_same_residents_open_complaint_is_suggested_and_a_closed_one_is_not(olivia):
    open_case = _log(olivia, ROSA, MOULD)
    withdrawn = _log(olivia, ROSA, "The mould in the bathroom ceiling again.")
    services.complaint_withdraw(user=olivia, complaint=withdrawn)
    other = _log(olivia, {"name": "Sam Jones", "email": "sam@example.org"}, MOULD)
    found = suggest_for(ROSA, category="damp_mould", description="Mould on the bathroom ceiling")
    assert [s.reference for s in found] == [open_case.reference]
    assert "the same resident" in found[0].why and any("category" in w for w in found[0].why)
    assert other.reference not in [s.reference for s in found]


def test_a_neighbour_at_the_same_address_is_suggested_only_when_the_words_are_alike(olivia):
    neighbour = {"name": "Ada Patel", "email": "ada@example.org", "address": "1 High Street, Leeds"}
    mould = _log(olivia, neighbour, MOULD)
    _log(olivia, neighbour, "Rent statement wrong for October.", category="rent_charges")
    found = suggest_for(
        ROSA, category="", description="Black mould spreading on the bathroom walls"
    )
    assert [(s.reference, s.why[0]) for s in found] == [(mould.reference, "the same address")]


def test_the_log_form_asks_first_and_the_handler_decides(client, olivia):
    open_case = _log(olivia, ROSA, MOULD, received=D(2025, 11, 20))
    client.force_login(olivia)
    today = dt.date.today()
    form = {
        "received_on_0": today.day,
        "received_on_1": today.month,
        "received_on_2": today.year,
        "channel": "phone",
        "description": "The bathroom mould is back on the ceiling.",
        "category": "damp_mould",
        "name": ROSA["name"],
        "email": ROSA["email"],
        "preferred_contact_method": "email",
    }
    asked = client.post(reverse("web:complaint-log"), form)
    page = asked.content.decode()
    assert asked.status_code == 200 and "This may be part of an open complaint" in page
    assert f'value="{open_case.reference}"' in page
    assert Complaint.objects.count() == 1  # nothing logged until the handler chooses

    joined = client.post(reverse("web:complaint-log"), {**form, "add_to": open_case.reference})
    assert joined["Location"] == reverse("web:complaint", args=[open_case.reference])
    assert Complaint.objects.count() == 1 and open_case.related_issues.count() == 1

    new = client.post(reverse("web:complaint-log"), {**form, "log_as_new": "1"})
    assert new.status_code == 302 and Complaint.objects.count() == 2


def test_the_api_suggests_for_a_draft(olivia):
    open_case = _log(olivia, ROSA, MOULD)
    api = APIClient()
    api.force_authenticate(olivia)
    body = api.post(
        "/api/v1/related-complaints/",
        {"resident": ROSA, "category": "damp_mould", "description": "Mould in the bathroom"},
        format="json",
    )
    assert body.status_code == 200 and body.json()[0]["reference"] == open_case.reference
    bad = api.post("/api/v1/related-complaints/", {"resident": ROSA}, format="json")
    assert bad.status_code == 400 and "description" in bad.json()


@pytest.mark.parametrize(
    ("resident", "field"),
    [
        ({"id": "abc"}, "resident.id"),
        ({"id": [1, 2]}, "resident.id"),
        ({"name": ["x"]}, "resident.name"),
        ({"address": {"x": 1}}, "resident.address"),
    ],
)
def test_bad_resident_values_are_400_naming_the_field(olivia, resident, field):
    """Review finding: these were 500s."""
    api = APIClient()
    api.force_authenticate(olivia)
    answer = api.post(
        "/api/v1/related-complaints/",
        {"resident": resident, "description": "Mould"},
        format="json",
    )
    assert answer.status_code == 400 and field in answer.json()
