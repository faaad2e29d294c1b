"""The resident's staff page: safeguards shown, adjustments and restrictions recorded through
the services, the export audited."""

import pytest
from django.test import Client

from putright.complaints.models import Event
from putright.people.models import Restriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser_as():
    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


def test_the_page_shows_the_safeguards(browser_as, hannah, cases):
    derek = cases["derek_open"].resident
    page = browser_as(hannah).get(f"/people/residents/{derek.pk}/")
    assert page.status_code == 200
    assert b"Before you contact this resident" in page.content
    assert b"Contact by e-mail only" in page.content
    # A handler sees no restriction form and no export.
    assert b"Restrict contact</button>" not in page.content
    assert b"subject access" not in page.content


def test_an_adjustment_form_with_gaps_names_them(browser_as, hannah, rosa):
    response = browser_as(hannah).post(f"/people/residents/{rosa.pk}/adjustments/", {})
    assert response.status_code == 400
    assert b"There is a problem" in response.content and b"Describe the adjustment" in (
        response.content
    )
    ok = browser_as(hannah).post(
        f"/people/residents/{rosa.pk}/adjustments/",
        {"description": "Large print", "agreed_on": "2025-11-24", "review_on": "2026-05-24"},
    )
    assert ok.status_code == 302 and rosa.adjustments.count() == 1


def test_a_restriction_without_the_equality_act_shows_the_provision(browser_as, olivia, rosa):
    response = browser_as(olivia).post(
        f"/people/residents/{rosa.pk}/restrictions/",
        {
            "behaviour": "Abuse",
            "restriction": "E-mail only",
            "decided_on": "2025-11-20",
            "resident_told_on": "2025-11-20",
            "review_on": "2026-01-20",
        },
    )
    assert response.status_code == 409 and b"provision 5.15" in response.content
    assert not Restriction.objects.exists()


def test_the_export_downloads_json_and_is_audited(browser_as, olivia, hannah, rosa):
    assert browser_as(hannah).get(f"/people/residents/{rosa.pk}/export/").status_code == 403
    response = browser_as(olivia).get(f"/people/residents/{rosa.pk}/export/")
    assert response.status_code == 200 and response.json()["resident"]["name"] == "Rosa Patel"
    assert Event.objects.filter(type="subject_access_exported", resident=rosa).exists()
