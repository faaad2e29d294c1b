"""Faults lose nothing (security review, finding 9): a retried submission with the same
idempotency key is one complaint, through the API and the public form; a database that goes
away answers 503 with Retry-After, never 500, and a retry after a failure past the commit finds
the complaint it made."""

import re

import pytest
from django.db import OperationalError
from django.urls import reverse

from putright.complaints import idempotency
from putright.complaints.models import Complaint, IdempotencyKey
from putright.people.models import Resident
from tests.web.test_public import complain

BODY = {
    "resident": {"name": "Ann Lee", "email": "ann@example.org"},
    "received_on": "2025-11-20",
    "channel": "phone",
    "description": "The boiler has failed twice this month.",
}


def create(client, body=BODY, key="retry-key-0001"):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post("/api/v1/complaints/", body, format="json", **headers)


def test_a_retry_with_the_same_key_is_the_same_complaint(as_olivia):
    first = create(as_olivia)
    again = create(as_olivia)
    assert (first.status_code, again.status_code) == (201, 201)
    assert first.json()["reference"] == again.json()["reference"]
    assert Complaint.objects.count() == 1
    assert Resident.objects.count() == 1
    other = create(as_olivia, key="retry-key-0002")
    assert other.json()["reference"] != first.json()["reference"]


def test_without_a_key_two_posts_are_two_complaints(as_olivia):
    create(as_olivia, key=None)
    create(as_olivia, key=None)
    assert Complaint.objects.count() == 2


def test_the_same_key_with_a_different_request_is_refused(as_olivia):
    create(as_olivia)
    changed = create(as_olivia, body={**BODY, "description": "Something else entirely."})
    assert changed.status_code == 409
    assert changed.json()["error"] == "idempotency_key_reused"
    assert Complaint.objects.count() == 1


def test_a_bad_key_is_bad_input(as_olivia):
    answer = create(as_olivia, key="short")
    assert answer.status_code == 400
    assert "idempotency_key" in answer.json()
    assert Complaint.objects.count() == 0


def test_keys_belong_to_their_user(as_olivia, as_hannah):
    assert create(as_olivia).json()["reference"] != create(as_hannah).json()["reference"]


def test_a_concurrent_attempt_that_committed_first_wins(olivia, db, monkeypatch):
    """The race the unique key settles: the other attempt committed between our look-up and
    our insert. Our insert fails, our complaint is rolled back, and we answer with theirs."""
    from tests.factories import log_complaint

    winner = log_complaint(user=olivia)
    IdempotencyKey.objects.create(
        key="public:race-key-0001",
        fingerprint=idempotency.fingerprint({"a": 1}),
        complaint=winner,
        created=True,
    )
    real_replay = idempotency.replay
    calls = []

    def replay_missing_the_first_time(key, print_):
        calls.append(key)
        return None if len(calls) == 1 else real_replay(key, print_)

    monkeypatch.setattr(idempotency, "replay", replay_missing_the_first_time)
    complaint, created = idempotency.once(
        "public:race-key-0001", {"a": 1}, lambda: (log_complaint(user=olivia), True)
    )
    assert (complaint.pk, created) == (winner.pk, True)
    assert len(calls) == 2
    assert Complaint.objects.count() == 1


def test_a_database_outage_answers_503_with_retry_after(as_olivia, client, monkeypatch):
    from putright.complaints import selectors

    def down(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(selectors, "complaint_list", down)
    answer = as_olivia.get("/api/v1/complaints/")
    assert answer.status_code == 503
    assert answer["Retry-After"] == "5"
    assert answer.json()["error"] == "unavailable"


def test_a_failure_after_the_commit_is_503_and_the_retry_finds_the_complaint(
    as_olivia, monkeypatch
):
    from putright.api import views

    real = views.complaint_answer

    def fails_once(*args, **kwargs):
        monkeypatch.setattr(views, "complaint_answer", real)
        raise OperationalError("connection lost while reading the answer")

    monkeypatch.setattr(views, "complaint_answer", fails_once)
    lost = create(as_olivia)
    assert lost.status_code == 503
    assert Complaint.objects.count() == 1  # it was committed
    retried = create(as_olivia)
    assert retried.status_code == 201
    assert retried.json()["reference"] == Complaint.objects.get().reference


def test_the_public_form_sent_twice_is_one_complaint(client, db):
    complain(client)
    page = client.get(reverse("web:complain-check")).content.decode()
    key = re.search(r'name="idempotency_key" value="([^"]+)"', page).group(1)
    first = client.post(reverse("web:complain-check"), {"idempotency_key": key})
    assert first["Location"] == reverse("web:complain-done")
    # The second press (the draft is gone by now) shows the same confirmation.
    second = client.post(reverse("web:complain-check"), {"idempotency_key": key})
    assert second["Location"] == reverse("web:complain-done")
    assert Complaint.objects.count() == 1
    done = client.get(reverse("web:complain-done")).content.decode()
    assert Complaint.objects.get().reference in done


@pytest.mark.parametrize("path", ["/", "/complaints/"])
def test_a_page_during_an_outage_says_try_again(client, olivia, monkeypatch, path):
    from putright.complaints import selectors

    def down(*args, **kwargs):
        raise OperationalError("the database is restarting")

    monkeypatch.setattr(selectors, "complaint_list", down)
    client.force_login(olivia)
    page = client.get(path)
    assert page.status_code == 503
    assert page["Retry-After"] == "5"
    assert "Try again shortly" in page.content.decode()
