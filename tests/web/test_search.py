"""H3: one `search` for the header, the complaints list and the API's `q`: partial references,
names, postcodes, and the words of descriptions and notes (PostgreSQL full-text search or
SQLite FTS5, kept up to date by the database), in a number of queries that does not grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from putright.complaints.services import note_add
from putright.search.selectors import search
from tests.factories import log_complaint


def refs(queryset):
    return sorted(c.reference for c in queryset)


@pytest.fixture
def mould(hannah):
    return log_complaint(
        user=hannah,
        resident={
            "name": "Jordan Ellis",
            "email": "jordan@example.org",
            "address": "4 Mill Lane\nRiverside LS1 4AB",
            "tenancy_reference": "T-777",
        },
        description="Black mould is spreading across the bedroom walls.",
    )


@pytest.fixture
def leak(hannah):
    return log_complaint(
        user=hannah,
        resident={"name": "Rosa Patel", "email": "rosa@example.org", "tenancy_reference": "T-1"},
        description="The kitchen ceiling has leaked for three weeks.",
    )


def test_a_reference_is_found_from_any_part_people_type(mould, leak):
    digits = str(mould.pk)
    typed = (digits, digits.zfill(6), f"cmp{digits}", f"CMP-{digits.zfill(6)}", f" cmp-0{digits}")
    for term in typed:
        assert refs(search(term)) == [mould.reference], term


def test_names_postcodes_and_tenancy_references(mould, leak):
    assert refs(search("jordan")) == [mould.reference]
    assert refs(search("LS1 4AB")) == [mould.reference]
    assert refs(search("ls14ab")) == [mould.reference]  # typed without its space
    assert refs(search("T-777")) == [mould.reference]


def test_words_of_the_description_are_found_by_full_text_search(mould, leak):
    assert refs(search("mould")) == [mould.reference]
    assert refs(search("Black MOULD")) == [mould.reference]
    assert refs(search("walls")) == [mould.reference]  # a stemmed form: "walls" / "wall"
    assert refs(search("mould kitchen")) == []  # every word must match
    assert refs(search("leaked ceiling")) == [leak.reference]


def test_notes_are_searched_as_soon_as_they_are_written(mould, leak, hannah):
    assert refs(search("surveyor")) == []
    note_add(user=hannah, complaint=leak, text="The surveyor found a burst pipe upstairs.")
    assert refs(search("surveyor")) == [leak.reference]
    assert refs(search("burst pipe")) == [leak.reference]


def test_search_operators_cannot_be_typed_in(mould):
    for term in ('"mould', "mould OR", "NEAR(mould", "mould*", "-mould", "title:mould", "'", "&|!"):
        list(search(term))  # no error from the full-text engine


def test_a_blank_search_finds_nothing(mould):
    assert refs(search("   ")) == []


def test_the_api_q_filter_and_the_web_list_find_the_same_cases(
    mould, leak, hannah, olivia, signed_in
):
    note_add(user=hannah, complaint=leak, text="Mould found behind the fridge too.")
    client = signed_in(olivia)
    web = client.get(reverse("web:complaints"), {"status": "any", "q": "mould"})
    api = client.get("/api/v1/complaints/", {"q": "mould"})
    assert api.status_code == 200
    web_refs = sorted(c.reference for c in web.context["page"].object_list)
    api_refs = sorted(row["reference"] for row in api.json()["results"])
    assert web_refs == api_refs == sorted([mould.reference, leak.reference])


def test_the_header_search_box_searches_every_status(mould, olivia, signed_in):
    client = signed_in(olivia)
    page = client.get(reverse("web:home")).content.decode()
    assert 'role="search"' in page and 'name="q"' in page
    assert '<input type="hidden" name="status" value="any">' in page


def _queries(client, url, params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "path, params",
    [("/complaints/", {"q": "mould", "status": "any"}), ("/api/v1/complaints/", {"q": "mould"})],
)
def test_searching_costs_the_same_queries_at_two_sizes(
    path, params, hannah, olivia, signed_in, django_assert_num_queries
):
    client = signed_in(olivia)

    def grow(n):
        for i in range(n):
            complaint = log_complaint(
                user=hannah,
                resident={"name": f"Resident {i}", "tenancy_reference": f"T{i}"},
                description=f"Damp and mould in room {i}.",
            )
            note_add(user=hannah, complaint=complaint, text="Mould wash booked.")

    grow(3)
    client.get(path, {"q": "mould"})  # warm the session
    small = _queries(client, path, params)
    grow(20)
    with django_assert_num_queries(small):
        response = client.get(path, params)
    assert response.status_code == 200
