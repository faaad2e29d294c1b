"""One resident, one record (B14): matching on e-mail or tenancy reference, group members without
repeats, and merging a duplicate that slipped through."""

import datetime as dt

import pytest

from putright.complaints.models import Event
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.people import services
from putright.people.models import Resident
from tests.factories import log_complaint

pytestmark = pytest.mark.django_db


def test_the_same_resident_by_email_is_one_record(olivia):
    first = log_complaint(user=olivia, resident={"name": "Ann Lee", "email": "ann@example.org"})
    second = log_complaint(
        user=olivia,
        received_on=dt.date(2025, 11, 4),
        resident={"name": "ann lee", "email": "ANN@example.org"},
    )
    assert first.resident_id == second.resident_id


def test_group_members_are_not_repeated_and_the_lead_is_not_their_own_member(olivia):
    complaint = log_complaint(
        user=olivia,
        resident={"name": "Lead Res", "email": "lead@example.org"},
        co_complainants=[
            {"name": "Lead Res", "email": "lead@example.org"},
            {"name": "Neighbour One", "email": "n1@example.org"},
            {"name": "Neighbour One", "email": "n1@example.org"},
        ],
    )
    assert [r.name for r in complaint.co_complainants.all()] == ["Neighbour One"]


def test_a_duplicate_is_merged_with_everything_it_holds(olivia, hannah):
    real = Resident.objects.create(name="Ann Lee", email="ann@example.org")
    duplicate = Resident.objects.create(
        name="Ann Lee", tenancy_reference="T-77", phone="07700 900123"
    )
    complaint = log_complaint(user=olivia, resident={"id": duplicate.pk})
    group = log_complaint(
        user=olivia,
        resident={"name": "Bob Neighbour", "tenancy_reference": "T-78"},
        co_complainants=[{"id": duplicate.pk}],
    )
    adjustment = services.adjustment_agree(
        user=olivia,
        resident=duplicate,
        description="Large print letters",
        agreed_on=dt.date(2025, 11, 3),
        review_on=dt.date(2026, 5, 1),
    )

    merged = services.resident_merge(
        user=olivia, duplicate=duplicate, into=real, reason="Same person: DOB and address match."
    )

    assert merged.pk == real.pk
    complaint.refresh_from_db()
    adjustment.refresh_from_db()
    assert complaint.resident_id == real.pk
    assert adjustment.resident_id == real.pk  # adjustments follow the resident (5.10)
    assert list(group.co_complainants.values_list("pk", flat=True)) == [real.pk]
    real.refresh_from_db()
    assert (real.email, real.tenancy_reference, real.phone) == (
        "ann@example.org",
        "T-77",
        "07700 900123",
    )
    duplicate.refresh_from_db()
    assert duplicate.merged_into_id == real.pk
    event = Event.objects.get(type="resident_merged")
    assert event.parameters["moved"]["complaints"] == 1
    assert event.parameters["reason"] == "Same person: DOB and address match."
    # The merged record stands for the real one from now on.
    later = log_complaint(user=olivia, resident={"id": duplicate.pk})
    assert later.resident_id == real.pk
    by_tenancy = log_complaint(
        user=olivia, resident={"name": "Ann Lee", "tenancy_reference": "T-77"}
    )
    assert by_tenancy.resident_id == real.pk


def test_merging_is_refused_safely(olivia, hannah):
    real = Resident.objects.create(name="Ann Lee", email="ann@example.org")
    duplicate = Resident.objects.create(name="Ann Lee", tenancy_reference="T-77")
    with pytest.raises(NotPermitted):
        services.resident_merge(user=hannah, duplicate=duplicate, into=real, reason="Same.")
    with pytest.raises(InvalidInput) as no_reason:
        services.resident_merge(user=olivia, duplicate=duplicate, into=real, reason=" ")
    assert "reason" in no_reason.value.errors
    with pytest.raises(InvalidInput):
        services.resident_merge(user=olivia, duplicate=real, into=real, reason="Same.")
    services.resident_merge(user=olivia, duplicate=duplicate, into=real, reason="Same.")
    with pytest.raises(RuleBroken):
        services.resident_merge(user=olivia, duplicate=duplicate, into=real, reason="Again.")
    assert Event.objects.filter(type="resident_merged").count() == 1


def test_merge_through_the_api(olivia, hannah):
    from rest_framework.test import APIClient

    real = Resident.objects.create(name="Ann Lee", email="ann@example.org")
    duplicate = Resident.objects.create(name="Ann Lee", tenancy_reference="T-77")
    client = APIClient()
    client.force_authenticate(hannah)
    url = f"/api/v1/residents/{duplicate.pk}/merge/"
    assert client.post(url, {"into": real.pk, "reason": "Same."}, format="json").status_code == 403
    client.force_authenticate(olivia)
    missing = client.post(url, {"into": real.pk}, format="json")
    assert missing.status_code == 400
    assert "reason" in missing.json()
    answer = client.post(url, {"into": real.pk, "reason": "Same person."}, format="json")
    assert answer.status_code == 200, answer.content
    assert answer.json()["id"] == real.pk
    assert answer.json()["tenancy_reference"] == "T-77"
