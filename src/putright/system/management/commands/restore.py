"""`putright restore FILE --identity KEY`: restore an encrypted backup into an empty database and
media folder, then check the record's hash chains and row counts (system.backup)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from putright.system import backup


class Command(BaseCommand):
    help = "Restore a backup into an empty installation: `putright restore FILE --identity KEY`."

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path)
        parser.add_argument(
            "--identity", type=Path, required=True, help="The age identity file (private key)."
        )

    def handle(self, *args, **options):
        try:
            report = backup.restore(options["backup"], options["identity"])
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        for problem in report.problems:
            self.stdout.write(problem)
        self.stdout.write(
            f"Restored {report.counts['complaints_complaint']} complaints, "
            f"{report.counts['complaints_event']} events and {report.files} files; "
            f"{report.chains_checked} chained rows checked, {len(report.problems)} problems."
        )
        if report.problems:
            raise CommandError("The restored record does not verify: see the problems above.")
