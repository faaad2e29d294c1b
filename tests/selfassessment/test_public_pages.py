"""The public page of published self-assessments (8.2): no sign-in, nothing unpublished."""

import datetime as dt

import pytest

from putright.selfassessment import services
from tests.selfassessment.factories import approved, start

pytestmark = pytest.mark.django_db


def published(olivia, martin, grace, **kwargs):
    self_assessment = approved(olivia, martin, grace, **kwargs)
    return services.selfassessment_publish(
        user=olivia, self_assessment=self_assessment, published_on=dt.date(2025, 7, 1)
    )


def test_published_self_assessments_are_listed_without_a_sign_in(
    client, olivia, martin, grace, django_assert_max_num_queries
):
    shown = published(olivia, martin, grace, title="Self-assessment 2024-25")
    approved(olivia, martin, grace, title="Approved, not yet published")
    start(olivia, title="Draft for 2025-26")

    page = client.get("/self-assessment/published/")

    html = page.content.decode()
    assert page.status_code == 200
    assert "Self-assessment 2024-25" in html
    assert f"/self-assessment/published/{shown.pk}/" in html
    assert "published 1 July 2025" in html
    assert "Approved, not yet published" not in html
    assert "Draft for 2025-26" not in html

    for year in (2022, 2023):
        published(
            olivia,
            martin,
            grace,
            title=f"Self-assessment {year}",
            period_start=dt.date(year, 4, 1),
            period_end=dt.date(year + 1, 3, 31),
        )
    with django_assert_max_num_queries(4):
        assert client.get("/self-assessment/published/").status_code == 200


def test_the_published_export_is_public(client, olivia, martin, grace):
    shown = published(olivia, martin, grace, title="Self-assessment 2024-25")

    page = client.get(f"/self-assessment/published/{shown.pk}/")

    html = page.content.decode()
    assert page.status_code == 200
    assert html.startswith("<!doctype html>")
    assert "Self-assessment 2024-25" in html
    assert "Complaints policy, section 4" in html  # the evidence given


def test_unpublished_self_assessments_are_not_found(client, olivia, martin, grace):
    draft = start(olivia)
    awaiting = approved(olivia, martin, grace)
    assert client.get(f"/self-assessment/published/{draft.pk}/").status_code == 404
    assert client.get(f"/self-assessment/published/{awaiting.pk}/").status_code == 404
    assert client.get("/self-assessment/published/999999/").status_code == 404


def test_an_empty_list_says_so(client):
    page = client.get("/self-assessment/published/")
    assert "No self-assessment has been published yet." in page.content.decode()
