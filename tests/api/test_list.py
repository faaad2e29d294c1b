"""GET /api/v1/complaints/: paginated, filtered, and a fixed number of queries per page."""

import datetime as dt

import pytest

from putright.complaints.services import complaint_escalate, complaint_extend
from tests.factories import acknowledge, log_complaint, respond

ENDPOINT = "/api/v1/complaints/"


@pytest.fixture
def cases(olivia, hannah, harry):
    """Four complaints in different states, on "today" 24 November 2025."""
    late = log_complaint(
        user=olivia,
        received_on=dt.date(2025, 11, 3),
        resident={"name": "Rosa Patel", "tenancy_reference": "T-1"},
    )
    fresh = log_complaint(
        user=olivia,
        received_on=dt.date(2025, 11, 24),
        resident={"name": "Tom Okafor", "address": "4 Mill Lane", "tenancy_reference": "T-2"},
    )
    investigating = acknowledge(
        log_complaint(
            user=olivia,
            received_on=dt.date(2025, 11, 17),
            resident={"name": "Ada Lewis", "tenancy_reference": "T-3"},
        ),
        user=olivia,
        handler=hannah,
        on=dt.date(2025, 11, 18),
    )
    stage2 = respond(
        acknowledge(
            log_complaint(
                user=olivia,
                received_on=dt.date(2025, 10, 1),
                resident={"name": "Ben Shah", "tenancy_reference": "T-4"},
            ),
            user=olivia,
            handler=harry,
            on=dt.date(2025, 10, 2),
        ),
        user=harry,
        on=dt.date(2025, 10, 10),
    )
    stage2 = complaint_escalate(user=olivia, complaint=stage2, requested_on=dt.date(2025, 11, 20))
    return {"late": late, "fresh": fresh, "investigating": investigating, "stage2": stage2}


def references(answer):
    assert answer.status_code == 200, answer.data
    return {row["reference"] for row in answer.data["results"]}


def ref(cases, *names):
    return {cases[name].reference for name in names}


def test_the_list_is_paginated_newest_first(as_olivia, cases):
    answer = as_olivia.get(ENDPOINT, {"page_size": 2})

    assert answer.status_code == 200
    assert answer.data["count"] == 4
    assert answer.data["next"] is not None
    received = [row["received_on"] for row in answer.data["results"]]
    assert received == ["2025-11-24", "2025-11-17"]
    second = as_olivia.get(ENDPOINT, {"page_size": 2, "page": 2})
    assert len(second.data["results"]) == 2
    assert as_olivia.get(ENDPOINT, {"page": 9}).status_code == 404


def test_a_row_says_when_the_next_step_is_due(as_olivia, cases):
    rows = {row["reference"]: row for row in as_olivia.get(ENDPOINT).json()["results"]}

    late = rows[cases["late"].reference]
    assert late["next_step"] == "acknowledge"
    assert late["due_on"] == "2025-11-10"
    assert late["overdue"] is True
    assert late["working_days_left"] == -10
    assert late["resident"]["name"] == "Rosa Patel"

    investigating = rows[cases["investigating"].reference]
    assert investigating["handler"] == "hannah"
    assert investigating["next_step"] == "respond"
    assert investigating["due_on"] == "2025-12-02"
    assert investigating["working_days_left"] == 6
    assert investigating["overdue"] is False

    stage2 = rows[cases["stage2"].reference]
    assert stage2["stage"] == 2
    assert stage2["handler"] is None
    assert stage2["due_on"] == "2025-11-27"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "awaiting_acknowledgement"}, ("late", "fresh", "stage2")),
        ({"status": "investigating"}, ("investigating",)),
        ({"stage": "2"}, ("stage2",)),
        ({"stage": "1", "status": "awaiting_acknowledgement"}, ("late", "fresh")),
        ({"overdue": "true"}, ("late",)),
        ({"overdue": "false"}, ("fresh", "investigating", "stage2")),
        ({"handler": "hannah"}, ("investigating",)),
        # Harry handled stage 1 only; the filter is on the current stage's handler.
        ({"handler": "harry"}, ()),
        ({"q": "okafor"}, ("fresh",)),
        ({"q": "mill lane"}, ("fresh",)),
        ({"q": "T-3"}, ("investigating",)),
    ],
)
def test_filters(as_olivia, cases, params, expected):
    assert references(as_olivia.get(ENDPOINT, params)) == ref(cases, *expected)


def test_search_by_reference(as_olivia, cases):
    reference = cases["late"].reference

    assert references(as_olivia.get(ENDPOINT, {"q": reference.lower()})) == {reference}


@pytest.mark.parametrize(
    ("params", "field"),
    [({"stage": "3"}, "stage"), ({"status": "lost"}, "status"), ({"overdue": "often"}, "overdue")],
)
def test_bad_filters_are_named(as_olivia, cases, params, field):
    answer = as_olivia.get(ENDPOINT, params)

    assert answer.status_code == 400
    assert list(answer.json()) == [field]


def _make_complaints(n, *, olivia, hannah):
    for i in range(n):
        complaint = log_complaint(
            user=olivia,
            received_on=dt.date(2025, 11, 3) + dt.timedelta(days=i % 20),
            resident={"name": f"Resident {i}", "tenancy_reference": f"T-{i}"},
            co_complainants=[{"name": f"Partner {i}"}] if i % 4 == 0 else None,
            representative={"name": "Ann", "relationship": "Advocate"} if i % 5 == 0 else None,
        )
        if i % 3 == 0:
            complaint = acknowledge(complaint, user=olivia, handler=hannah)
            if i % 2 == 0:
                complaint_extend(
                    user=hannah,
                    complaint=complaint,
                    working_days=3,
                    reason="Waiting for a survey.",
                    resident_informed_on=complaint.received_on,
                )


# One each: count, complaints with residents and representatives, stages with handlers,
# extensions, co-complainants, the landlord's closure days, and the incidents' dates (8.5).
LIST_QUERIES = 7


@pytest.mark.parametrize("n", [3, 30])
def test_the_query_count_does_not_grow_with_rows(
    as_olivia, olivia, hannah, n, django_assert_num_queries
):
    _make_complaints(n, olivia=olivia, hannah=hannah)

    with django_assert_num_queries(LIST_QUERIES):
        answer = as_olivia.get(ENDPOINT, {"page_size": 50})

    assert answer.data["count"] == n
    assert sum(1 for row in answer.data["results"] if row["handler"] == "hannah") == (n + 2) // 3


@pytest.mark.parametrize("n", [3, 30])
def test_filtered_lists_keep_the_same_query_count(
    as_olivia, olivia, hannah, n, django_assert_num_queries
):
    _make_complaints(n, olivia=olivia, hannah=hannah)

    with django_assert_num_queries(LIST_QUERIES):
        answer = as_olivia.get(
            ENDPOINT, {"overdue": "true", "handler": "hannah", "stage": "1", "q": "Resident"}
        )

    everything = as_olivia.get(ENDPOINT, {"page_size": 50}).json()["results"]
    expected = {r["reference"] for r in everything if r["handler"] == "hannah" and r["overdue"]}
    assert expected
    assert {r["reference"] for r in answer.json()["results"]} == expected
