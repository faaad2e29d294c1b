"""`putright worker`: runs the background tasks (reminders, e-mail) queued through django-tasks.

A thin wrapper over django-tasks-db's `db_worker`, so operators have one command name and every
`db_worker` option (`--batch`, `--interval`, `--max-tasks`, `--queue-name`, ...) still works.
"""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand


class Command(DatabaseWorkerCommand):
    help = (
        "Run Putright's background worker: reminders, digests and e-mail queued as tasks. "
        "Every queue is processed unless --queue-name says otherwise."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # Apps may queue tasks on queues of their own; one worker serves them all by default.
        parser.set_defaults(queue_name="*")
