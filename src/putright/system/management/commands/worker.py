"""`putright worker`: runs the background tasks (reminders, e-mail) queued through django-tasks.

A thin wrapper over django-tasks-db's `db_worker`, so operators have one command name and every
`db_worker` option (`--batch`, `--interval`, `--max-tasks`, `--queue-name`, ...) still works.
Unlike `db_worker`, it survives a database outage of any length (security review, finding 8):
a lost connection is logged, the connections are closed, and the worker waits (backing off to
`MAX_WAIT` seconds) and picks its queue up again when the database is back.
"""

import logging
import time

from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

logger = logging.getLogger("putright.worker")
MAX_WAIT = 30.0
_sleep = time.sleep  # a name of its own, for the tests


class ResilientWorker(db_worker.Worker):
    def run(self) -> None:
        wait = 1.0
        while self.running:
            try:
                return super().run()
            except (OperationalError, InterfaceError) as error:
                if not self.running:
                    return None
                logger.warning("Database unavailable (%s); retrying in %.0f s", error, wait)
                for connection in connections.all(initialized_only=True):
                    connection.close_if_unusable_or_obsolete()
                    connection.close()
                close_old_connections()
                _sleep(wait)
                wait = min(wait * 2, MAX_WAIT)
        return None


class Command(DatabaseWorkerCommand):
    help = (
        "Run Putright's background worker: reminders, digests and e-mail queued as tasks. "
        "Every queue is processed unless --queue-name says otherwise. Survives database "
        "outages."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # Apps may queue tasks on queues of their own; one worker serves them all by default.
        parser.set_defaults(queue_name="*")

    def handle(self, *args, **options):
        # db_worker builds its Worker by this module-level name; ours is the resilient one.
        original = db_worker.Worker
        db_worker.Worker = ResilientWorker
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original
