"""`putright audit verify`: recompute every hash chain (the event log's and the self-assessment
history's) and report each row changed, removed or inserted out of order (5.12). Exit status 1
when anything is wrong, so that a scheduled run can alert."""

import json

from django.core.management.base import BaseCommand, CommandError

from putright.complaints import audit
from putright.selfassessment import history

CHAINS = {"events": audit.verify, "self-assessment changes": history.verify}


class Command(BaseCommand):
    help = "Check that the record has not been changed: `putright audit verify [--json]`."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])
        parser.add_argument("--json", action="store_true", help="Print the result as JSON.")

    def handle(self, *args, action, **options):
        results = {name: verify() for name, verify in CHAINS.items()}
        problems = [p for _, found in results.values() for p in found]
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        "checked": {name: checked for name, (checked, _) in results.items()},
                        "problems": [
                            {
                                "kind": p.kind,
                                "stream": p.stream,
                                "sequence": p.sequence,
                                "row": p.event_id,
                                "detail": p.detail,
                            }
                            for p in problems
                        ],
                    }
                )
            )
        else:
            for problem in problems:
                self.stdout.write(str(problem))
            counts = ", ".join(f"{checked} {name}" for name, (checked, _) in results.items())
            self.stdout.write(f"{counts} checked, {len(problems)} problems.")
        if problems:
            raise CommandError("The record does not verify: see the problems above.")
