"""The real django-tasks database worker sends each due reminder exactly once, however often the
sweep is enqueued and the worker run."""

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from putright.complaints.models import Event
from putright.reminders.models import ReminderSent
from tests.reminders.factories import due_things
from tests.reminders.test_sweep import EXPECTED

# The worker commits its own transactions, so the test cannot run inside one (worker_db).


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", stdout=StringIO())


def test_the_worker_sends_each_reminder_exactly_once(worker_db, olivia, hannah):
    due_things(officer=olivia, handler=hannah)

    call_command("reminders-sweep", stdout=StringIO())
    run_worker()
    run_worker()
    call_command("reminders-sweep", stdout=StringIO())  # enqueued again, as after a restart
    run_worker()

    # The residents' own messages (their tracking links, sent when the cases were logged) go
    # through the same worker; the reminders are the rest.
    reminders = [m for m in mail.outbox if "how to follow it" not in m.subject]
    assert len(reminders) == sum(EXPECTED.values())
    kinds = sorted(
        ReminderSent.objects.exclude(kind="sweep_scheduled").values_list("kind", flat=True)
    )
    assert kinds == sorted(k for k, n in EXPECTED.items() for _ in range(n))
    assert Event.objects.filter(type="reminder_sent").count() == sum(EXPECTED.values())
    sweeps = DBTaskResult.objects.filter(task_path="putright.reminders.tasks.sweep")
    assert sweeps.filter(status="SUCCESSFUL").count() == 2
    # Tomorrow's sweep is queued once, for 06:00 London time, and not yet run.
    [tomorrow] = sweeps.filter(status="READY")
    assert tomorrow.run_after == dt.datetime(2025, 11, 25, 6, 0, tzinfo=ZoneInfo("Europe/London"))
