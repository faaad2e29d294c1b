"""`putright demo`: a realistic demo landlord with a year of complaints (see docs/operating.md).

Never run it against a live database: it creates staff with a published password, so it runs
only with DEBUG=1 (or --i-know-this-is-not-production) and never into a database with users.
"""

from django.core.management.base import BaseCommand, CommandError

from putright.complaints.models import Complaint
from putright.system.demo.load import DemoError, load_demo
from putright.system.guards import PRODUCTION_FLAG, require_demo_allowed


class Command(BaseCommand):
    help = (
        "Load a demo landlord (Riverside Homes Demo): staff who sign in with the password "
        "'putright-demo' and a year of complaints in every stage and outcome, played through "
        "the same services as the API. Only into a database with no complaints."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (and succeed) when the database already holds complaints.",
        )
        parser.add_argument(
            PRODUCTION_FLAG,
            dest="not_production",
            action="store_true",
            help="Load with DEBUG off (a test or training machine, never production).",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="The same seed gives the same demo (default 1)."
        )
        parser.add_argument(
            "--complaints",
            type=int,
            default=300,
            help="How many complaints to load (default 300, at least 30).",
        )

    def handle(self, *args, **options):
        existing = Complaint.objects.count()
        if existing:
            message = f"The database already holds {existing} complaints; the demo was not loaded."
            if options["if_empty"]:
                self.stdout.write(message)
                return
            raise CommandError(message + " The demo loads only into an empty database.")
        require_demo_allowed(flagged=options["not_production"])
        if options["complaints"] < 30:
            raise CommandError("Ask for at least 30 complaints, so every outcome can appear.")
        try:
            summary = load_demo(
                complaints=options["complaints"],
                seed=options["seed"],
                progress=self.stdout.write if options["verbosity"] > 1 else None,
            )
        except DemoError as error:
            raise CommandError(str(error)) from error
        for line in summary.lines():
            self.stdout.write(line)
