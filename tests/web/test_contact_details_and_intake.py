"""G4: residents' contact details only for the roles that need them (one setting, one tag, on
the case page, the resident page and the intake look-up). O4: logging a phone complaint starts
with a look-up of the caller, and logs against their existing record."""

import datetime as dt

import pytest
from django.urls import reverse

from putright.complaints.models import Complaint
from putright.people.models import Resident
from putright.people.selectors import contact_details_visible
from tests.factories import log_complaint

ROSA = {
    "name": "Rosa Patel",
    "email": "rosa@example.org",
    "phone": "07700 900123",
    "address": "Flat 3, 12 Elm Road, Exampletown EX2 3AB",
    "tenancy_reference": "T-10023",
}


@pytest.fixture
def rosa_case(hannah):
    return log_complaint(user=hannah, resident=dict(ROSA))


def _pages(client, complaint):
    yield client.get(reverse("web:complaint", args=[complaint.reference])).content.decode()
    yield client.get(reverse("people:resident", args=[complaint.resident_id])).content.decode()


@pytest.mark.parametrize("user_name", ["hannah", "olivia", "martin"])
def test_roles_that_contact_residents_see_their_details(user_name, request, signed_in, rosa_case):
    client = signed_in(request.getfixturevalue(user_name))
    for page in _pages(client, rosa_case):
        assert "rosa@example.org" in page and "07700 900123" in page


def test_the_default_roles(hannah, olivia, martin, adam, grace):
    # Administrators too (their pages need two-factor sign-in, so they are checked here).
    assert [contact_details_visible(u) for u in (hannah, olivia, martin, adam, grace)] == [
        True,
        True,
        True,
        True,
        False,
    ]


def test_governance_reads_cases_without_contact_details(signed_in, grace, rosa_case):
    for page in _pages(signed_in(grace), rosa_case):
        assert "rosa@example.org" not in page
        assert "07700 900123" not in page
        assert "Elm Road" not in page
        assert "not shown to your role" in page.lower()
        assert "Rosa Patel" in page  # the name is not withheld


def test_the_roles_are_a_setting(settings, signed_in, hannah, grace, rosa_case):
    settings.PUTRIGHT_CONTACT_DETAILS_ROLES = ["governance"]
    assert all("rosa@example.org" in p for p in _pages(signed_in(grace), rosa_case))
    assert all("rosa@example.org" not in p for p in _pages(signed_in(hannah), rosa_case))


# --- O4 -----------------------------------------------------------------------------------------


def test_phone_intake_finds_the_caller_by_postcode_name_or_tenancy(signed_in, olivia, rosa_case):
    client = signed_in(olivia)
    url = reverse("web:complaint-log")
    for term in ("EX2 3AB", "ex23ab", "rosa", "T-10023"):
        page = client.get(url, {"find": term}).content.decode()
        assert f"?resident={rosa_case.resident_id}" in page, term
    assert "No resident matches" in client.get(url, {"find": "Nobody"}).content.decode()


def test_choosing_the_caller_prefills_the_form_and_logs_on_their_record(
    signed_in, olivia, rosa_case
):
    client = signed_in(olivia)
    url = reverse("web:complaint-log")
    form = client.get(url, {"resident": rosa_case.resident_id}).context["form"]
    assert form.initial["name"] == "Rosa Patel"
    assert form.initial["resident_id"] == rosa_case.resident_id
    data = {
        "resident_id": rosa_case.resident_id,
        # Typed slightly differently on the phone: still her record, not a new one.
        "name": "Mrs R Patel",
        "email": "",
        "phone": "07700 900123",
        "address": ROSA["address"],
        "tenancy_reference": "",
        "preferred_contact_method": "phone",
        "received_on": dt.date(2025, 11, 24).isoformat(),
        "channel": "phone",
        "description": "Nobody came to look at the boiler.",
        "category": "repairs",
    }
    # Her open complaint is offered first (6.8); the handler logs this one as new.
    asked = client.post(url, data)
    assert asked.status_code == 200 and rosa_case.reference in asked.content.decode()
    response = client.post(url, {**data, "log_as_new": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    new = Complaint.objects.exclude(pk=rosa_case.pk).get()
    assert new.resident_id == rosa_case.resident_id
    assert Resident.objects.count() == 1


def test_governance_cannot_log_or_look_up(signed_in, grace):
    assert signed_in(grace).get(reverse("web:complaint-log"), {"find": "rosa"}).status_code == 403


def test_a_representative_logged_by_phone_can_have_copies_sent(signed_in, olivia):
    """Review finding: the staff form took only the representative's name and relationship, so
    the resident's request for copies (3.6) could never be met for a phone complaint."""
    client = signed_in(olivia)
    response = client.post(
        reverse("web:complaint-log"),
        {
            "name": "Ada Patel",
            "email": "ada@example.org",
            "preferred_contact_method": "email",
            "received_on": dt.date(2025, 11, 24).isoformat(),
            "channel": "phone",
            "description": "The lift has been broken for a month.",
            "category": "repairs",
            "representative_name": "Sam Patel",
            "representative_relationship": "Son",
            "representative_email": "sam@example.org",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    complaint = Complaint.objects.get(description__startswith="The lift")
    assert complaint.representative.email == "sam@example.org"
