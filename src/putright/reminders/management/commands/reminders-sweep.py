"""`putright reminders-sweep`: enqueue the reminders sweep for the worker (which then schedules
itself daily), or run it here with --now."""

from django.core.management.base import BaseCommand

from putright.reminders.sweep import reminders_sweep
from putright.reminders.tasks import sweep


class Command(BaseCommand):
    help = "Enqueue the daily reminders sweep (or run it at once with --now)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Run the sweep in this process, not the worker."
        )

    def handle(self, *args, now: bool = False, **options):
        if now:
            sent = reminders_sweep()
            total = sum(sent.values())
            self.stdout.write(f"Sent {total} reminder(s): {sent or 'none due'}")
            return
        result = sweep.enqueue()
        self.stdout.write(f"Sweep enqueued ({result.id}); `putright worker` runs it.")
