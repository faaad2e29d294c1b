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
