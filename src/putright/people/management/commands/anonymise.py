"""`putright anonymise [--dry-run]`: apply the retention schedule (UK GDPR storage limitation)."""

from django.core.management.base import BaseCommand

from putright.people.data_protection import anonymise_expired


class Command(BaseCommand):
    help = (
        "Anonymise residents whose complaints all closed more than the retention period "
        "(landlord settings, default six years) ago, keeping the statistics reports need."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would be anonymised; change nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        run = anonymise_expired(dry_run=dry_run)
        verb = "Would anonymise" if dry_run else "Anonymised"
        self.stdout.write(
            f"{verb} {len(run.residents)} resident(s) and {len(run.complaints)} complaint(s) "
            f"closed before {run.cutoff.isoformat()}."
        )
        for reference in run.complaints:
            self.stdout.write(f"  {reference}")
