"""`putright worker`: django-tasks-db's worker under Putright's name, serving every queue."""

import datetime as dt

import pytest
from django.core.management import call_command, load_command_class
from django_tasks_db.models import DBTaskResult

from putright.landlord.models import ClosureDay
from tests.system.tasks import close_the_office


def test_help_lists_the_database_workers_options_and_serves_every_queue():
    command = load_command_class("putright.system", "worker")
    parser = command.create_parser("putright", "worker")
    help_text = parser.format_help()
    for option in ("--batch", "--interval", "--max-tasks", "--queue-name", "--no-reload"):
        assert option in help_text
    assert parser.parse_args([]).queue_name == "*"
    assert parser.parse_args(["--queue-name", "mail"]).queue_name == "mail"


# The worker manages its own connections and transactions, as in production.
@pytest.mark.django_db(transaction=True)
def test_batch_runs_the_queued_tasks_then_stops():
    result = close_the_office.enqueue("2025-12-29")
    assert not ClosureDay.objects.exists()

    call_command("worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    assert ClosureDay.objects.get().date == dt.date(2025, 12, 29)
    finished = DBTaskResult.objects.get(id=result.id)
    assert finished.status == "SUCCESSFUL"
    assert finished.return_value == "2025-12-29"


@pytest.mark.django_db(transaction=True)
def test_the_worker_survives_the_database_going_away_and_picks_its_queue_up(monkeypatch):
    """Finding 8: the worker used to exit on the first lost connection. Here the database is
    "away" for three polls in a row; the worker waits, backs off, and then runs what was
    queued meanwhile."""
    from django.db import OperationalError
    from django_tasks_db.management.commands import db_worker

    from putright.system.management.commands import worker as command

    outage = {"polls": 3}
    real_get_locked = type(DBTaskResult.objects.ready()).get_locked
    waits = []

    def get_locked(queryset):
        if outage["polls"]:
            outage["polls"] -= 1
            raise OperationalError("could not connect to server: Connection refused")
        return real_get_locked(queryset)

    monkeypatch.setattr(type(DBTaskResult.objects.ready()), "get_locked", get_locked)
    monkeypatch.setattr(command, "_sleep", waits.append)
    result = close_the_office.enqueue("2025-12-29")

    call_command("worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    assert outage["polls"] == 0
    assert waits == [1.0, 2.0, 4.0]  # backing off, capped at MAX_WAIT
    result.refresh()
    assert result.status == "SUCCESSFUL"
    assert ClosureDay.objects.filter(date=dt.date(2025, 12, 29)).exists()
    assert db_worker.Worker is not command.ResilientWorker  # put back after the run
