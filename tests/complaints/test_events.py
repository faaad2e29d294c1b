"""The full record (5.12): events are append-only. The ORM refuses to change or delete them, and
so does the database itself (triggers from migration complaints/0002), for raw SQL too."""

import pytest
from django.db import DatabaseError, connection, transaction

from putright.complaints.models import Event
from putright.complaints.selectors import complaint_timeline
from tests.complaints.factories import investigating, logged


@pytest.fixture
def event(olivia):
    return logged(user=olivia).events.get()


def test_the_orm_refuses_to_change_an_event(event):
    event.type = "something_else"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        Event.objects.filter(pk=event.pk).update(type="something_else")
    with pytest.raises(PermissionError):
        event.complaint.events.update(type="something_else")
    with pytest.raises(PermissionError):
        Event.objects.bulk_update([event], ["type"])
    assert Event.objects.get(pk=event.pk).type == "complaint_logged"


def test_the_orm_refuses_to_delete_an_event(event):
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        Event.objects.all().delete()
    with pytest.raises(PermissionError):
        event.complaint.events.all().delete()
    assert Event.objects.filter(pk=event.pk).exists()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE complaints_event SET type = 'tampered' WHERE id = %s",
        "UPDATE complaints_event SET parameters = '{}' WHERE id = %s",
        "DELETE FROM complaints_event WHERE id = %s",
    ],
)
def test_the_database_refuses_raw_sql_too(event, sql):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [event.pk])
    assert Event.objects.get(pk=event.pk).type == "complaint_logged"


def test_the_database_refuses_a_raw_delete_that_bypasses_the_queryset(event):
    with pytest.raises(DatabaseError), transaction.atomic():
        Event.objects.filter(pk=event.pk)._raw_delete(connection.alias)
    assert Event.objects.filter(pk=event.pk).exists()


def test_new_events_are_still_written(olivia, hannah):
    complaint = investigating(user=olivia, handler=hannah)
    assert [e.type for e in complaint_timeline(complaint=complaint)] == [
        "complaint_logged",
        "stage_acknowledged",
    ]


def test_a_refused_request_leaves_no_event(olivia):
    from putright.complaints.services import complaint_close
    from putright.errors import RuleBroken

    complaint = logged(user=olivia)
    with pytest.raises(RuleBroken):
        complaint_close(user=olivia, complaint=complaint)
    assert complaint.events.count() == 1
