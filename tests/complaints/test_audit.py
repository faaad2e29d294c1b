"""The record cannot be quietly changed (5.12): who acted is kept as they were then, each
stream of events is a hash chain that `putright audit verify` checks, and the database refuses
UPDATE, DELETE and TRUNCATE, also to a runtime role that cannot drop its triggers."""

import datetime as dt
import itertools
import uuid

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from putright.complaints import audit
from putright.complaints.models import Event
from putright.selfassessment.models import Change
from tests.factories import acknowledge, log_complaint, respond
from tests.selfassessment.factories import start

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(olivia, hannah):
    complaint = log_complaint(user=olivia, received_on=dt.date(2025, 11, 3))
    acknowledge(complaint, user=hannah, handler=hannah, on=dt.date(2025, 11, 4))
    respond(complaint, user=hannah, on=dt.date(2025, 11, 14))
    return complaint


def _raw(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _without_triggers(table):
    """What someone with the table owner's rights could do: drop the triggers (rolled back with
    the test's transaction)."""
    from putright.complaints import append_only

    for statement in append_only.drop(connection.vendor, table):
        _raw(statement)


def test_each_stream_is_a_chain_that_verifies(case, capsys):
    events = list(Event.objects.filter(complaint=case).order_by("sequence"))
    assert [e.sequence for e in events] == list(range(len(events)))
    assert events[0].previous_hash == audit.GENESIS
    assert all(b.previous_hash == a.hash for a, b in itertools.pairwise(events))
    assert {e.stream for e in events} == {f"complaint:{case.pk}"}
    call_command("audit", "verify")
    assert "0 problems" in capsys.readouterr().out


def test_renaming_a_user_changes_nothing_in_history(case, hannah, client_api):
    hannah.username, hannah.first_name, hannah.last_name, hannah.role = (
        "h.new",
        "H",
        "New",
        "officer",
    )
    hannah.save()
    answer = client_api.get(f"/api/v1/complaints/{case.reference}/events/")
    actors = {e["actor"] for e in answer.json()["results"]}
    assert "hannah" in actors and "h.new" not in actors
    event = Event.objects.filter(complaint=case, type="stage_responded").get()
    assert (event.actor_name, event.actor_role) == ("hannah", "handler")
    call_command("audit", "verify")


@pytest.fixture
def client_api(olivia):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(olivia)
    return client


def test_a_changed_row_is_reported(case):
    _without_triggers("complaints_event")
    target = Event.objects.filter(complaint=case, type="stage_responded").get()
    _raw(
        "UPDATE complaints_event SET parameters = %s WHERE id = %s",
        ['{"stage": 1, "decision": "not_upheld"}', target.pk],
    )
    _checked, problems = audit.verify()
    assert [(p.kind, p.event_id) for p in problems] == [("changed", target.pk)]
    with pytest.raises(CommandError):
        call_command("audit", "verify")


def test_a_removed_row_is_reported(case):
    _without_triggers("complaints_event")
    target = Event.objects.filter(complaint=case, type="stage_acknowledged").get()
    _raw("DELETE FROM complaints_event WHERE id = %s", [target.pk])
    _, problems = audit.verify()
    assert "removed" in {p.kind for p in problems}
    assert any(p.sequence == target.sequence for p in problems)


def test_a_row_inserted_out_of_order_is_reported(case):
    _without_triggers("complaints_event")
    first = Event.objects.filter(complaint=case).order_by("sequence").first()
    # Slip a forged event into the chain by moving the later ones along one place.
    _raw(
        "UPDATE complaints_event SET sequence = sequence + 1000 WHERE stream = %s AND sequence > 0",
        [first.stream],
    )
    _raw(
        "UPDATE complaints_event SET sequence = sequence - 999 "
        "WHERE stream = %s AND sequence > 999",
        [first.stream],
    )
    forged = Event(
        complaint=case,
        resident=case.resident,
        type="note_added",
        actor_label="system",
        parameters={"text": "Resident agreed to withdraw."},
        stream=first.stream,
        sequence=1,
        previous_hash=first.hash,
    )
    forged.hash = audit.digest_of(forged, first.hash)
    forged.save()
    _, problems = audit.verify()
    # The event after the forgery no longer follows its predecessor; the rows moved along no
    # longer match their own hashes (their place is part of what is hashed).
    assert ("out_of_order", 2) in [(p.kind, p.sequence) for p in problems]
    assert {p.kind for p in problems} == {"out_of_order", "changed"}
    assert min(p.sequence for p in problems) == 2


def test_the_database_refuses_changes_to_the_self_assessment_history(olivia):
    assessment = start(olivia)
    change = Change.objects.filter(self_assessment=assessment).first()
    assert change.actor_name == "olivia"
    for sql in (
        "UPDATE selfassessment_change SET type = 'forged' WHERE id = %s",
        "DELETE FROM selfassessment_change WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            _raw(sql, [change.pk])
    assert Change.objects.filter(pk=change.pk, type=change.type).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE and roles: PostgreSQL")
def test_truncate_is_refused_on_postgresql(case):
    _raw("SET LOCAL putright.allow_truncate = 'off'")  # as in production
    for table in ("complaints_event", "selfassessment_change"):
        with pytest.raises(DatabaseError), transaction.atomic():
            _raw(f"TRUNCATE {table} CASCADE")
    assert Event.objects.filter(complaint=case).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE and roles: PostgreSQL")
def test_the_runtime_role_cannot_lift_the_protection(case):
    """The two-role set-up of docs/security.md: the runtime role reads and writes rows but owns
    nothing, so it can neither disable nor drop the triggers, nor empty the table."""
    role = f"putright_runtime_{uuid.uuid4().hex[:8]}"
    _raw(f"CREATE ROLE {role} NOLOGIN")
    _raw(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}")
    _raw(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
    _raw("SET LOCAL putright.allow_truncate = 'off'")  # as in production
    _raw(f"SET ROLE {role}")
    try:
        for sql in (
            "ALTER TABLE complaints_event DISABLE TRIGGER ALL",
            "DROP TRIGGER complaints_event_append_only ON complaints_event",
            "TRUNCATE complaints_event CASCADE",
            "DELETE FROM complaints_event",
            "UPDATE complaints_event SET type = 'forged'",
        ):
            with pytest.raises(DatabaseError), transaction.atomic():
                _raw(sql)
        # It can still do its job: read and append.
        assert Event.objects.filter(complaint=case).count() > 0
    finally:
        _raw("RESET ROLE")
