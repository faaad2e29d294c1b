"""`putright generate --complaints N [--seed S] [--years Y]`: a synthetic landlord in bulk."""

import time

from django.core.management.base import BaseCommand, CommandError

from putright.oversight.generate import generate


class Command(BaseCommand):
    help = "Create N realistic synthetic complaints (with stages, extensions, remedies) in bulk."

    def add_arguments(self, parser):
        parser.add_argument("--complaints", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--years", type=int, default=3)

    def handle(self, *args, complaints, seed, years, **options):
        if complaints < 1:
            raise CommandError("--complaints must be 1 or more.")
        if years < 1:
            raise CommandError("--years must be 1 or more.")
        started = time.perf_counter()
        generate(complaints=complaints, seed=seed, years=years)
        self.stdout.write(
            f"Created {complaints} complaints over {years} years (seed {seed}) in "
            f"{time.perf_counter() - started:.1f}s."
        )
