"""`putright audit verify`: recompute every event's hash chain and report each row changed,
removed or inserted out of order (5.12). Exit status 1 when anything is wrong, so that a
scheduled run can alert."""

import json

from django.core.management.base import BaseCommand, CommandError

from putright.complaints import audit


class Command(BaseCommand):
    help = "Check that the record has not been changed: `putright audit verify [--json]`."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])
        parser.add_argument("--json", action="store_true", help="Print the result as JSON.")

    def handle(self, *args, action, **options):
        checked, problems = audit.verify()
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        "checked": checked,
                        "problems": [
                            {
                                "kind": p.kind,
                                "stream": p.stream,
                                "sequence": p.sequence,
                                "event": p.event_id,
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
            self.stdout.write(f"{checked} events checked, {len(problems)} problems.")
        if problems:
            raise CommandError("The record does not verify: see the problems above.")
