"""Background tasks (django-tasks): the daily reminders sweep, which schedules its successor."""

from __future__ import annotations

import datetime as dt
from importlib import import_module
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django_tasks import task

from putright import dates
from putright.reminders.models import ReminderSent
from putright.reminders.sweep import ReminderKind, reminders_sweep

LONDON = ZoneInfo("Europe/London")
# The sweep runs early each morning, London time, before handlers start work.
SWEEP_TIME = dt.time(6, 0)


@task()
def sweep() -> dict[str, int]:
    today = dates.today()
    # Tomorrow's sweep is queued first, so that a failure today does not end the chain.
    schedule_next_sweep(after=today)
    sessions_clear_expired()
    return reminders_sweep(today=today)


def sessions_clear_expired() -> None:
    """Expired sessions, residents' complaint drafts among them, go once a day (finding 4):
    Django leaves them in the table until someone runs clearsessions."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


def schedule_next_sweep(*, after: dt.date) -> bool:
    """Enqueue tomorrow's sweep, once: however many sweeps ran today, only one inserts the
    marker row and so only one successor is enqueued. True when this call enqueued it."""
    next_day = after + dt.timedelta(days=1)
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                kind=ReminderKind.SWEEP_SCHEDULED, object_key="sweep", due_on=next_day
            )
            run_after = dt.datetime.combine(next_day, SWEEP_TIME, tzinfo=LONDON)
            sweep.using(run_after=run_after).enqueue()
    except IntegrityError:
        return False
    return True
